/** What `scan()` uses of the Terraform sources, loaded only when a scan has a path or Terraform target. */
export { TerraformSession } from './terraform-session.js';
export { expandTarget } from '../expand-target.js';
export { cachedRootFindings, rulesKey } from './hcl/cache/root-findings.js';
