import type { Inventory } from '../inventory/inventory.js';
import type { RelationSpec } from '../inventory/relations.js';
import type { Finding, Notification } from '../model/finding.js';
import type { Resource } from '../model/resource.js';
import type { RuleMeta } from '../model/rule.js';
import type { LiveScope } from './cloud-scope.js';

/** One target of a scan, as drift sees it: what its source loaded and what the rules found on it. */
export interface DriftTarget {
  /** The target's name in the report: a path, `aws:<account>`, `azure:<subscription>`. */
  readonly name: string;
  readonly kind: string;
  readonly resources: readonly Resource[];
  /** The rules' findings on these resources, before waivers. */
  readonly findings: readonly Finding[];
  /** For a live target, the types its source looked for (`SourceOutput.observedTypes`); absent: every type. */
  readonly observedTypes?: readonly string[];
  /** For a live target, the accounts and regions it read (`SourceOutput.scope`); absent: the accounts of its resources. */
  readonly scope?: LiveScope;
  /** The inventory the rules ran on, when the caller has it; built from `resources` otherwise. */
  readonly inventory?: Inventory;
}

export interface DriftInput {
  /** Targets of Terraform: directories, plans, states. */
  readonly declared: readonly DriftTarget[];
  /** Live targets: AWS accounts, Azure subscriptions. */
  readonly live: readonly DriftTarget[];
  /** The rules that ran: the drift rules (`meta.drift`) say what to report; the others are the controls compared. */
  readonly rules: readonly RuleMeta[];
  /** Directory that locations are relative to. */
  readonly root: string;
  /** Extra relations, as given to the scan, to find the resource a control read its value from. */
  readonly relations?: readonly RelationSpec[];
}

export interface DriftResult {
  readonly findings: Finding[];
  readonly notifications: Notification[];
}
