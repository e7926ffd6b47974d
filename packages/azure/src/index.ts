import type { AzureTarget, LiveSource } from '@trustscan/core';
import { loadAzure } from './load-azure.js';

export { loadAzure } from './load-azure.js';
export { resourceKinds as azureResourceKinds } from './resource-kinds.js';
export type { ResourceKind as AzureResourceKind, ChildSpec as AzureChildSpec, ArmRecord } from './arm-record.js';
export type { AzureTarget } from '@trustscan/core';

/** The live Azure source, for `scan({ targets: [{ kind: 'azure' }], sources: { azure: azureSource } })`. */
export const azureSource: LiveSource<AzureTarget> = { load: loadAzure };
