import type { Rule } from '@trustscan/core';

/** The Azure rules, sorted by id. */
export const azureRules: readonly Rule[] = [];
