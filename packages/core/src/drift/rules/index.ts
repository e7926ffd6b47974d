import type { Rule } from '../../model/rule.js';
import driftControl from './drift-control.js';
import driftMissing from './drift-missing.js';
import driftUnmanaged from './drift-unmanaged.js';

/** The drift rules, sorted by id: decided by `compareDrift` when a scan has both a Terraform and a live side. */
export const driftRules: readonly Rule[] = [driftControl, driftMissing, driftUnmanaged];
