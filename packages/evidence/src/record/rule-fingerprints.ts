import { createHash } from 'node:crypto';
import type { RuleMeta } from '@trustscan/core';
import type { RuleFingerprint, RulePackFingerprint } from '../format/record-format.js';

/** Every rule with a hash of its metadata, so an auditor can tell whether a rule changed between two records. */
export function ruleFingerprints(rules: readonly RuleMeta[]): RuleFingerprint[] {
  return rules
    .map((meta) => ({
      id: meta.id,
      severity: meta.severity,
      criteria: [...meta.criteria.primary, ...(meta.criteria.secondary ?? [])],
      pack: meta.pack ?? 'built-in',
      sha256: sha256(canonicalJson(meta)),
    }))
    .sort((a, b) => compare(a.id, b.id));
}

/** The packs the rules come from: the built-in pack carries the tool's version; each pack a hash of its rules. */
export function packFingerprints(rules: readonly RuleFingerprint[], toolVersion: string): RulePackFingerprint[] {
  const packs = new Map<string, RuleFingerprint[]>();
  for (const rule of rules) packs.set(rule.pack, [...(packs.get(rule.pack) ?? []), rule]);
  return [...packs.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, members]) => ({
      name,
      ...(name === 'built-in' ? { version: toolVersion } : {}),
      rules: members.length,
      sha256: sha256(members.map((rule) => `${rule.sha256}  ${rule.id}\n`).join('')),
    }));
}

/** JSON with object keys sorted at every level, so equal metadata always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
