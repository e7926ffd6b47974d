import { isRecord, type Value } from '@trustscan/core';
import { decodeJson, field, text } from './normalize/fields.js';

/** A JSON object whose values may be `Unknown` (a setting the scanner could not read). */
export type Settings = { readonly [key: string]: Value };

/**
 * One AWS Config configuration item, decoded. AWS sends `configuration` and each supplementary value as JSON
 * strings (the API form); Lambda events, snapshots and the RDK examples send objects and spell some keys
 * differently (`ARN`, `awsAccountId`). Both become this shape.
 */
export interface ConfigurationItem {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  readonly arn?: string;
  readonly accountId: string;
  /** `global` for IAM. */
  readonly awsRegion: string;
  readonly status?: string;
  readonly configuration: Settings;
  /** Supplementary values by key; a value may be `null` (not configured) or `Unknown` (not readable). */
  readonly supplementaryConfiguration: Settings;
  readonly tags?: Readonly<Record<string, string>>;
  /** Why the item carries no configuration (`ResourceNotRecorded`), when it does not. */
  readonly missing?: string;
}

const notRecordedStatuses = new Set(['ResourceNotRecorded', 'ResourceDeletedNotRecorded']);

/** Decodes a configuration item in API, wire or event form; `undefined` when it names no resource or was deleted. */
export function readConfigurationItem(raw: unknown): ConfigurationItem | undefined {
  if (!isRecord(raw)) return undefined;
  const resourceType = text(field(raw, 'resourceType'));
  const resourceId = text(field(raw, 'resourceId'));
  if (resourceType === undefined || resourceId === undefined) return undefined;
  const status = text(field(raw, 'configurationItemStatus'));
  if (status === 'ResourceDeleted' || status === 'ResourceDeletedNotRecorded') return undefined;
  const configuration = decodeJson(field(raw, 'configuration'));
  const supplementary = decodeJson(field(raw, 'supplementaryConfiguration'));
  const resourceName = text(field(raw, 'resourceName'));
  const arn = text(field(raw, 'arn'));
  const tags = readTags(field(raw, 'tags'));
  const missing =
    status !== undefined && notRecordedStatuses.has(status)
      ? `AWS Config does not record ${resourceType} (configuration item status ${status})`
      : !isRecord(configuration)
        ? `the AWS Config item of ${resourceType} ${resourceId} has no configuration`
        : undefined;
  return {
    resourceType,
    resourceId,
    ...(resourceName === undefined ? {} : { resourceName }),
    ...(arn === undefined ? {} : { arn }),
    accountId: text(field(raw, 'accountId')) ?? text(field(raw, 'awsAccountId')) ?? '',
    awsRegion: text(field(raw, 'awsRegion')) ?? '',
    ...(status === undefined ? {} : { status }),
    configuration: isRecord(configuration) ? configuration : {},
    supplementaryConfiguration: isRecord(supplementary) ? decodeValues(supplementary) : {},
    ...(tags === undefined ? {} : { tags }),
    ...(missing === undefined ? {} : { missing }),
  };
}

function decodeValues(settings: Settings): Settings {
  const decoded: Record<string, Value> = {};
  for (const [key, value] of Object.entries(settings)) decoded[key] = decodeJson(value) ?? null;
  return decoded;
}

/** Tags as a map, from `{ key: value }` or `[{ key, value }]` (both occur). */
export function readTags(value: Value | undefined): Record<string, string> | undefined {
  if (isRecord(value)) {
    const tags: Record<string, string> = {};
    for (const [key, tag] of Object.entries(value)) if (typeof tag === 'string') tags[key] = tag;
    return tags;
  }
  if (Array.isArray(value)) {
    const tags: Record<string, string> = {};
    for (const entry of value as readonly Value[]) {
      const key = text(field(entry, 'key'));
      const tag = text(field(entry, 'value'));
      if (key !== undefined && tag !== undefined) tags[key] = tag;
    }
    return tags;
  }
  return undefined;
}

/** A copy of `item` whose supplementary configuration has `key` set (for settings read through another API). */
export function withSupplementary(item: ConfigurationItem, values: Settings): ConfigurationItem {
  return { ...item, supplementaryConfiguration: { ...item.supplementaryConfiguration, ...values } };
}

