import type { Resource } from '@trustscan/core';
import type { ArmFailure, ArmOutcome } from './arm-failure.js';
import type { ArmJson, ArmResource } from './arm-json.js';

/** A child setting or collection read beside a resource, e.g. a storage account's `blobServices/default`. */
export interface ChildSpec {
  /** The key normalizers read it by. */
  readonly key: string;
  /** Appended to the resource id: `/blobServices/default`, `/providers/Microsoft.Insights/diagnosticSettings`. */
  readonly path: string;
  /** ARM type of the child, for messages: `Microsoft.Storage/storageAccounts/blobServices`. */
  readonly armType: string;
  readonly apiVersion: string;
  /** The action a 403 on it means is missing. */
  readonly permission: string;
  /** A collection (`{ value: [...] }` with `nextLink`), read whole. */
  readonly list?: boolean;
  /** The Terraform types normalized from it: not observed by a scan in which a read of it failed. */
  readonly terraformTypes?: readonly string[];
}

export interface ChildResult {
  readonly spec: ChildSpec;
  /** An object for a single setting, an array for a collection. */
  readonly outcome: ArmOutcome<ArmJson>;
}

/** What the collector learned about one ARM resource, for its normalizer. */
export interface ArmRecord {
  /** The envelope, with `properties` when they could be read. */
  readonly resource: ArmResource;
  /** Lower-case subscription id. */
  readonly subscription: string;
  /** Where the properties came from, for `Unknown` reasons: `GET Microsoft.Sql/servers (api-version 2023-08-01)`. */
  readonly api: string;
  /** Set when the properties could not be read (403, throttled past the retries, …). */
  readonly failure?: ArmFailure;
  readonly children: ReadonlyMap<string, ChildResult>;
}

/** One row of the table of ARM types the source reads: how to fetch them and how to normalize them. */
export interface ResourceKind {
  /** As ARM spells it: `Microsoft.Storage/storageAccounts`. */
  readonly armType: string;
  /** Used when the provider registration cannot be read. */
  readonly fallbackApiVersion: string;
  /** The Terraform types the normalizer emits. */
  readonly terraformTypes: readonly string[];
  readonly children?: readonly ChildSpec[];
  /** Leaves out resources that Terraform never manages (a SQL server's `master` database). */
  readonly include?: (resource: ArmResource) => boolean;
  readonly normalize: (record: ArmRecord) => readonly Resource[];
}
