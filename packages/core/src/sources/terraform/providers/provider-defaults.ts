import type { Resource } from '../../../model/resource.js';
import type { Value } from '../../../model/value.js';
import { currentMajors, type ProviderVersions, type TerraformProvider } from './provider-versions.js';

/** A provider default that changed between major versions. */
export interface VersionedDefault {
  readonly provider: TerraformProvider;
  readonly resourceTypes: readonly string[];
  /** A top-level argument of the resource. */
  readonly attribute: string;
  /** Other names of the same setting in other majors: when the configuration sets one, nothing is filled. */
  readonly aliases?: readonly string[];
  /** The default from each major on (`undefined`: no default, the argument stays absent), oldest first. */
  readonly byMajor: readonly { readonly since: number; readonly value: Value | undefined }[];
  /** Where the change is documented. */
  readonly source: string;
}

/**
 * The provider defaults the rules depend on that changed between provider majors. Rules judge an argument the
 * configuration leaves out by the default of the current major (`currentMajors`), as their documentation says. A
 * plan made with another version holds that version's default instead; for it, the HCL source writes the same value
 * into the resource, so the HCL scan agrees with the plan that version would produce. Defaults that never changed
 * are left to the rules.
 */
export const versionedDefaults: readonly VersionedDefault[] = [
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_storage_account'],
    attribute: 'min_tls_version',
    byMajor: [{ since: 0, value: 'TLS1_0' }, { since: 3, value: 'TLS1_2' }],
    source: 'azurerm 3.0 changelog: min_tls_version now defaults to 1.2',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_storage_account'],
    attribute: 'allow_blob_public_access',
    aliases: ['allow_nested_items_to_be_public'],
    byMajor: [{ since: 0, value: false }, { since: 3, value: undefined }],
    source: 'azurerm 3.0 upgrade guide: allow_blob_public_access (default false) is renamed allow_nested_items_to_be_public',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_storage_account'],
    attribute: 'allow_nested_items_to_be_public',
    aliases: ['allow_blob_public_access'],
    byMajor: [{ since: 0, value: undefined }, { since: 3, value: true }, { since: 5, value: false }],
    source: 'azurerm 3.0 upgrade guide (default true); azurerm 5.0 upgrade guide: now defaults to false',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_storage_account'],
    attribute: 'enable_https_traffic_only',
    aliases: ['https_traffic_only_enabled'],
    byMajor: [{ since: 0, value: true }, { since: 4, value: undefined }],
    source: 'azurerm 4.0 upgrade guide: enable_https_traffic_only is renamed https_traffic_only_enabled',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_storage_account'],
    attribute: 'https_traffic_only_enabled',
    aliases: ['enable_https_traffic_only'],
    byMajor: [{ since: 0, value: undefined }, { since: 4, value: true }],
    source: 'azurerm 4.0 upgrade guide: enable_https_traffic_only is renamed https_traffic_only_enabled',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_mssql_server'],
    attribute: 'minimum_tls_version',
    byMajor: [{ since: 0, value: undefined }, { since: 3, value: '1.2' }],
    source: 'azurerm 3.0 changelog: minimum_tls_version now defaults to 1.2 (before, no default: Azure accepted every version)',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_redis_cache'],
    attribute: 'minimum_tls_version',
    byMajor: [{ since: 0, value: '1.0' }, { since: 3, value: '1.2' }],
    source: 'azurerm 3.0 changelog: minimum_tls_version now defaults to 1.2',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_redis_cache'],
    attribute: 'enable_non_ssl_port',
    aliases: ['non_ssl_port_enabled'],
    byMajor: [{ since: 0, value: false }, { since: 4, value: undefined }],
    source: 'azurerm 4.0 upgrade guide: enable_non_ssl_port is renamed non_ssl_port_enabled',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_redis_cache'],
    attribute: 'non_ssl_port_enabled',
    aliases: ['enable_non_ssl_port'],
    byMajor: [{ since: 0, value: undefined }, { since: 4, value: false }],
    source: 'azurerm 4.0 upgrade guide: enable_non_ssl_port is renamed non_ssl_port_enabled',
  },
  {
    provider: 'azurerm',
    resourceTypes: ['azurerm_mysql_server', 'azurerm_postgresql_server'],
    attribute: 'ssl_minimal_tls_version_enforced',
    byMajor: [{ since: 0, value: 'TLSEnforcementDisabled' }, { since: 3, value: 'TLS1_2' }],
    source: 'azurerm 3.0 changelog: ssl_minimal_tls_version_enforced now defaults to TLS1_2',
  },
  {
    provider: 'aws',
    resourceTypes: ['aws_s3_bucket'],
    attribute: 'acl',
    byMajor: [{ since: 0, value: 'private' }, { since: 4, value: undefined }],
    source: 'AWS provider 4.0 upgrade guide: acl is no longer defaulted (aws_s3_bucket_acl replaces it)',
  },
];

/** The versioned defaults that apply to a resource type, for documentation. */
export function versionedDefaultsOf(resourceType: string): VersionedDefault[] {
  return versionedDefaults.filter((entry) => entry.resourceTypes.includes(resourceType));
}

/** The default of an entry for a provider major (`undefined` when there is none). */
export function defaultForMajor(entry: VersionedDefault, major: number): Value | undefined {
  let value: Value | undefined;
  for (const step of entry.byMajor) if (step.since <= major) value = step.value;
  return value;
}

/**
 * The resource with the versioned defaults its configuration leaves out filled in, where the selected provider
 * version's default differs from the current major's, and `defaults` saying which attributes were filled and why.
 * Values the configuration sets, even unknown ones, are never replaced.
 */
export function applyVersionedDefaults(resource: Resource, versions: ProviderVersions): Resource {
  let attributes: Record<string, Value> | undefined;
  let filled: Record<string, string> | undefined;
  for (const entry of versionedDefaults) {
    if (!entry.resourceTypes.includes(resource.type)) continue;
    const selected = versions.get(entry.provider);
    if (!selected) continue;
    const value = defaultForMajor(entry, selected.major);
    if (value === undefined || value === defaultForMajor(entry, currentMajors[entry.provider])) continue;
    const current = attributes ?? resource.attributes;
    if (current[entry.attribute] !== undefined) continue;
    if (entry.aliases?.some((alias) => current[alias] !== undefined)) continue;
    attributes ??= { ...resource.attributes };
    attributes[entry.attribute] = value;
    (filled ??= {})[entry.attribute] = `${JSON.stringify(value)} is the default of ${selected.describe}`;
  }
  if (!attributes) return resource;
  return { ...resource, attributes, defaults: { ...(resource.defaults ?? {}), ...filled } };
}
