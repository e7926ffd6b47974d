import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCriterion } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { awsRules } from '../../src/aws/index.js';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/aws');
const files = readdirSync(source, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && name.includes(path.sep))
  .map((name) => ({ service: path.dirname(name), id: path.basename(name, '.ts') }));

describe('the AWS rule index', () => {
  it('lists every rule file once, sorted by id, and each rule is named after its file', () => {
    expect(awsRules.map((r) => r.meta.id)).toEqual(files.map((f) => f.id).sort());
  });

  it.each(files)('$id lives under its service and names the provider and service', ({ service, id }) => {
    expect(id.startsWith(`aws-${service}-`)).toBe(true);
  });

  it('covers the five areas with at least 35 rules', () => {
    expect(awsRules.length).toBeGreaterThanOrEqual(35);
    expect(new Set(awsRules.map((r) => r.meta.area)).size).toBe(5);
  });

  it.each(awsRules.map((r) => [r.meta.id, r] as const))('%s has complete metadata', (_id, rule) => {
    const meta = rule.meta;
    expect(meta.title).toMatch(/^[A-Z].*[^.]$/);
    expect(meta.description.length).toBeGreaterThan(80);
    expect(meta.remediation).toContain('```hcl');
    expect(meta.criteria.primary.length).toBeGreaterThan(0);
    for (const id of [...meta.criteria.primary, ...(meta.criteria.secondary ?? [])]) expect(findCriterion(id), id).toBeDefined();
    expect(meta.criteria.basis.length).toBeGreaterThan(20);
    expect(meta.resourceTypes.length).toBeGreaterThan(0);
    expect(meta.live?.aws?.fields.length ?? 0).toBeGreaterThan(0);
    expect(meta.equivalents?.['catalog']?.[0]).toMatch(/^S2-AWS-[A-Z0-9]+-\d{3}$/);
    for (const message of Object.values(meta.messages)) expect(message).toMatch(/^[A-Z].*\.$/s);
    if (!meta.liveOnly) expect(meta.examples).toBeDefined();
  });

  it('records each catalog rule once', () => {
    const catalog = awsRules.flatMap((r) => r.meta.equivalents?.['catalog'] ?? []);
    expect(new Set(catalog).size).toBe(catalog.length);
    expect(catalog.length).toBe(43);
  });
});
