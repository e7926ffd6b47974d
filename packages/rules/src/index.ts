import { driftRules, type Rule } from '@trustscan/core';
import { awsRules } from './aws/index.js';
import { azureRules } from './azure/index.js';

/**
 * The built-in SOC 2 rule pack: every AWS and Azure rule, and the drift rules (decided by comparing Terraform with
 * the cloud when a scan reads both), sorted by id.
 */
export const rules: readonly Rule[] = [...awsRules, ...azureRules, ...driftRules];

export { awsRules, azureRules, driftRules };
export default rules;
export { renderRuleDoc, renderRuleTable } from './docs/rule-docs.js';
