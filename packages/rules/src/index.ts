import type { Rule } from '@trustscan/core';
import { awsRules } from './aws/index.js';
import { azureRules } from './azure/index.js';

/** The built-in SOC 2 rule pack: every AWS and Azure rule, sorted by id. */
export const rules: readonly Rule[] = [...awsRules, ...azureRules];

export { awsRules, azureRules };
export default rules;
export { renderRuleDoc, renderRuleTable } from './docs/rule-docs.js';
