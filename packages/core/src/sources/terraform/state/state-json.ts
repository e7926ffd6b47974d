import type { JsonValue, PlanModuleValues } from '../plan/plan-json.js';

/** The parts of Terraform state the state source reads, in both forms Terraform prints. */
export type StateDocument = RawStateDocument | ShownStateDocument;

/**
 * Raw state, version 4 (Terraform 0.12 and later): a `.tfstate` file, or what `terraform state pull` prints. Values
 * are in clear text, secrets included; `sensitive_attributes` lists the paths Terraform marked sensitive.
 */
export interface RawStateDocument {
  readonly version: number;
  readonly terraform_version?: string;
  readonly serial?: number;
  readonly lineage?: string;
  readonly resources?: readonly RawStateResource[];
}

export interface RawStateResource {
  /** `module.a`, `module.a["k"].module.b`; absent in the root module. */
  readonly module?: string;
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly provider?: string;
  readonly instances?: readonly RawStateInstance[];
}

export interface RawStateInstance {
  /** A number for `count`, a string for `for_each`, absent otherwise. */
  readonly index_key?: number | string;
  /** `tainted`, or absent. */
  readonly status?: string;
  /** The key of an object being replaced (`create_before_destroy`); absent for the current object. */
  readonly deposed?: string;
  readonly schema_version?: number;
  readonly attributes?: { readonly [key: string]: JsonValue };
  /** Attributes of state last written by Terraform 0.11, flattened (`tags.%`, `rule.0.enabled`). */
  readonly attributes_flat?: { readonly [key: string]: string };
  /** Paths marked sensitive: lists of steps `{ type: 'get_attr', value: name }` or `{ type: 'index', value: { value, type } }`. */
  readonly sensitive_attributes?: JsonValue;
}

/** A state as `terraform show -json` prints it: the values representation of plans, without a plan. */
export interface ShownStateDocument {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly values?: { readonly root_module?: PlanModuleValues };
}

/** Whether a state document is the raw form. */
export function isRawState(document: StateDocument): document is RawStateDocument {
  return 'version' in document;
}
