import { isRecord, isUnknown, matchesGlob, type Resource, type RuleContext, type Value } from '@trustscan/core';
import { all, type Ternary } from './iam-policy.js';
import { attribute, readBlocks, readString, type Block } from './values.js';

/** The ARN layout of each data store AWS Backup protects, as `[service, resource prefix]`. */
const arnLayouts: Readonly<Record<string, readonly [string, string]>> = {
  aws_db_instance: ['rds', 'db:'],
  aws_rds_cluster: ['rds', 'cluster:'],
  aws_ebs_volume: ['ec2', 'volume/'],
  aws_efs_file_system: ['elasticfilesystem', 'file-system/'],
  aws_dynamodb_table: ['dynamodb', 'table/'],
};

/** Stands for the unknown parts of an ARN; only a `*` in a pattern matches it. */
const hidden = '\u0000';

export interface BackupCoverage {
  readonly status: Ternary;
  /** The selection that covers the store (or might, when `unknown`). */
  readonly selection?: Resource;
  readonly reason?: string;
}

/**
 * Whether some `aws_backup_selection` assigns a data store to a backup plan: by a reference to it or its ARN (the
 * inventory links those), by an ARN wildcard such as `arn:aws:rds:*:*:db:*` or `*`, or by its tags
 * (`selection_tag`, `condition`).
 */
export function backupCoverage(store: Resource, context: RuleContext): BackupCoverage {
  const direct = context.related(store, 'aws_backup_selection')[0];
  if (direct) return { status: 'yes', selection: direct };
  let unknown: BackupCoverage | undefined;
  for (const selection of context.resourcesOfType('aws_backup_selection')) {
    const verdict = selects(selection, store, context);
    if (verdict.status === 'yes') return { status: 'yes', selection };
    if (verdict.status === 'unknown') unknown ??= { status: 'unknown', selection, reason: verdict.reason ?? 'known after apply' };
  }
  return unknown ?? { status: 'no' };
}

interface Decision {
  readonly status: Ternary;
  readonly reason?: string;
}

function selects(selection: Resource, store: Resource, context: RuleContext): Decision {
  const byResources = matchByResources(selection, store, context);
  const byTags = matchByTags(selection, store);
  const byConditions = matchByConditions(selection, store);
  const chosen = [byResources, byTags].filter((d): d is Decision => d !== undefined);
  const either: Decision =
    chosen.find((d) => d.status === 'yes') ?? chosen.find((d) => d.status === 'unknown') ?? { status: chosen.length > 0 || !byConditions ? 'no' : 'yes' };
  const decisions = [either, ...(byConditions ? [byConditions] : [])];
  return { status: all(decisions.map((d) => d.status)), ...reasonOf(decisions) };
}

function reasonOf(decisions: readonly Decision[]): { reason?: string } {
  const reason = decisions.find((d) => d.status === 'unknown')?.reason;
  return reason === undefined ? {} : { reason };
}

/** `resources`: `*`, wildcard ARNs, or exact ARNs (exact ones are linked by the inventory, so here they match nothing). */
function matchByResources(selection: Resource, store: Resource, context: RuleContext): Decision | undefined {
  const value = attribute(selection, ['resources']);
  if (isUnknown(value)) return { status: 'unknown', reason: value.reason };
  const items = Array.isArray(value) ? (value as readonly Value[]) : [];
  if (items.length === 0) return undefined;
  const patterns = items.filter((item): item is string => typeof item === 'string' && item.includes('*'));
  const decisions = patterns.map((pattern) => matchPattern(pattern, store));
  const unknownItem = items.find(isUnknown);
  // Unknown ARNs that the inventory could not link to any data store might still be this one.
  if (unknownItem && arnStores(selection, context).length === 0) decisions.push({ status: 'unknown', reason: unknownItem.reason });
  return decisions.find((d) => d.status === 'yes') ?? decisions.find((d) => d.status === 'unknown') ?? { status: 'no' };
}

function arnStores(selection: Resource, context: RuleContext): Resource[] {
  return Object.keys(arnLayouts).flatMap((type) => [...context.related(selection, type)]);
}

function matchPattern(pattern: string, store: Resource): Decision {
  if (pattern.trim() === '*') return { status: 'yes' };
  const arn = readString(attribute(store, ['arn']));
  if (arn.kind === 'value') return { status: matchesGlob(pattern, arn.value) ? 'yes' : 'no' };
  const layout = arnLayouts[store.type];
  if (!layout) return { status: 'no' };
  const [service, prefix] = layout;
  // The partition is the pattern's own (`aws` nearly always); region, account and name are what is unknown.
  const [, partition = hidden, patternService] = pattern.split(':');
  if (matchesGlob(pattern, `arn:${partition}:${service}:${hidden}:${hidden}:${prefix}${hidden}`)) return { status: 'yes' };
  const sameKind = (patternService === service || patternService === '*') && pattern.includes(`:${prefix}`);
  return sameKind ? { status: 'unknown', reason: `the ARN of ${store.address} is known after apply` } : { status: 'no' };
}

/** `selection_tag { type = "STRINGEQUALS", key, value }` blocks: any one that matches selects the store. */
function matchByTags(selection: Resource, store: Resource): Decision | undefined {
  const blocks = readBlocks(attribute(selection, ['selection_tag']));
  if (blocks.kind === 'unknown') return { status: 'unknown', reason: blocks.reason };
  const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
  if (list.length === 0) return undefined;
  const decisions = list.map((tag) => tagTest(store, tag['key'], tag['value'], 'equals'));
  return decisions.find((d) => d.status === 'yes') ?? decisions.find((d) => d.status === 'unknown') ?? { status: 'no' };
}

const conditionKinds = [
  ['string_equals', 'equals'],
  ['string_like', 'like'],
  ['string_not_equals', 'notEquals'],
  ['string_not_like', 'notLike'],
] as const;

/** `condition { string_equals { key = "aws:ResourceTag/backup", value = "daily" } … }`: every test must hold. */
function matchByConditions(selection: Resource, store: Resource): Decision | undefined {
  const blocks = readBlocks(attribute(selection, ['condition']));
  if (blocks.kind === 'unknown') return { status: 'unknown', reason: blocks.reason };
  const decisions: Decision[] = [];
  for (const condition of blocks.kind === 'value' ? blocks.value : []) {
    for (const [name, kind] of conditionKinds) {
      const tests = readBlocks(condition[name]);
      if (tests.kind === 'unknown') decisions.push({ status: 'unknown', reason: tests.reason });
      for (const test of tests.kind === 'value' ? tests.value : []) decisions.push(tagTest(store, test['key'], test['value'], kind));
    }
  }
  if (decisions.length === 0) return undefined;
  return { status: all(decisions.map((d) => d.status)), ...reasonOf(decisions) };
}

function tagTest(store: Resource, rawKey: Value | undefined, rawValue: Value | undefined, kind: 'equals' | 'like' | 'notEquals' | 'notLike'): Decision {
  const key = readString(rawKey);
  const expected = readString(rawValue);
  if (key.kind === 'unknown') return { status: 'unknown', reason: key.reason };
  if (expected.kind === 'unknown') return { status: 'unknown', reason: expected.reason };
  if (key.kind !== 'value') return { status: 'no' };
  const tags = storeTags(store);
  if (tags.kind === 'unknown') return { status: 'unknown', reason: tags.reason };
  const name = key.value.replace(/^aws:ResourceTag\//i, '');
  const actual = tags.value[name];
  if (isUnknown(actual)) return { status: 'unknown', reason: actual.reason };
  const text = typeof actual === 'string' ? actual : undefined;
  const wanted = expected.kind === 'value' ? expected.value : '';
  const matches = text !== undefined && (kind === 'equals' || kind === 'notEquals' ? text === wanted : matchesGlob(wanted, text));
  return { status: (kind === 'equals' || kind === 'like' ? matches : !matches) ? 'yes' : 'no' };
}

/** The store's tags: `tags_all` (with provider default tags) when known, else `tags`. */
function storeTags(store: Resource): { kind: 'value'; value: { readonly [key: string]: Value } } | { kind: 'unknown'; reason: string } {
  for (const name of ['tags_all', 'tags']) {
    const value = attribute(store, [name]);
    if (isRecord(value)) return { kind: 'value', value };
  }
  const tags = attribute(store, ['tags']);
  if (isUnknown(tags)) return { kind: 'unknown', reason: tags.reason };
  return { kind: 'value', value: {} };
}
