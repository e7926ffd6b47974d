// Properties of the plan loader with every built-in rule, on random mutations of the real plans in examples/: a
// scan never crashes (no error but the loader's own InputError, reported as a one-line input error; no rule that
// throws), never hangs, and a value Terraform marks as known only after apply reads as unknown, never as a pass.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '@trustscan/core';
import { rules } from '../src/index.js';
import { checkProperty, propertyTimeout } from '../../../testing/property.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';

const target = 'plan-loader';
const examples = path.resolve(import.meta.dirname, '..', '..', '..', 'examples');
const plans = ['insecure', 'compliant'].map((name) => JSON.parse(readFileSync(path.join(examples, name, 'plan.json'), 'utf8')) as Json);
const workspace = temporaryDirectory('plan-property');
let written = 0;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One edit of a plan document: at the `at`-th node (in document order), `op`. */
interface Mutation {
  readonly at: number;
  readonly op: 'delete' | 'replace' | 'wrap-in-array' | 'empty' | 'stringify' | 'duplicate-key';
  readonly value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'wrap-in-array', 'empty', 'stringify', 'duplicate-key'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom<Json>(null, true, -1, 1e308, '', '${var.x}', [], {}, 'create', ['delete', 'create'], 'module.a["x"]')),
});

/** Every container node and key of a document, in document order, for mutations to pick from. */
function slots(document: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const found: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) node.forEach((item, index) => (found.push({ parent: node, key: index }), visit(item)));
    else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) found.push({ parent: node, key }), visit(node[key] as Json);
  };
  visit(document);
  return found;
}

function mutate(plan: Json, mutations: readonly Mutation[]): Json {
  const document = structuredClone(plan);
  for (const { at, op, value } of mutations) {
    const all = slots(document);
    if (all.length === 0) break;
    const { parent, key } = all[at % all.length] as (typeof all)[number];
    const current = (parent as Record<string | number, Json>)[key] as Json;
    const set = (next: Json) => ((parent as Record<string | number, Json>)[key] = next);
    if (op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (op === 'replace') set(value);
    else if (op === 'wrap-in-array') set([current]);
    else if (op === 'empty') set(Array.isArray(current) ? [] : typeof current === 'object' && current !== null ? {} : '');
    else if (op === 'stringify') set(JSON.stringify(current) ?? null);
    else if (!Array.isArray(parent)) parent[`${String(key)}_copy`] = structuredClone(current);
  }
  return document;
}

async function scanPlan(document: Json | string): Promise<ScanResult> {
  const file = path.join(workspace, `plan-${++written}.json`);
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
  return scan({ targets: [{ kind: 'terraform-plan', path: file }], rules, root: workspace });
}

/** What a crash looks like in a scan result: an error that is not an InputError, or a rule that threw. */
function crashes(result: ScanResult): string[] {
  return [
    ...result.notifications.filter((n) => n.code === 'source-error').map((n) => n.message),
    ...result.findings.filter((f) => f.message.includes('could not evaluate')).map((f) => f.message),
  ];
}

describe('the plan loader, properties', () => {
  it('random mutations of real plans never crash the scan or a rule', async () => {
    await checkProperty(
      target,
      'mutated plans never crash',
      fc.asyncProperty(fc.constantFrom(0, 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (which, mutations) => {
        const started = Date.now();
        const result = await scanPlan(mutate(plans[which] as Json, mutations));
        expect(crashes(result)).toEqual([]);
        for (const notification of result.notifications) if (notification.level === 'error') expect(notification.message).not.toContain('\n');
        expect(Date.now() - started).toBeLessThan(10_000);
      }),
      { runs: 60 },
    );
  }, propertyTimeout(60, 500));

  it('truncated and byte-flipped plan files give a one-line input error or a scan, never a crash', async () => {
    await checkProperty(
      target,
      'damaged plan text never crashes',
      fc.asyncProperty(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), async (which, keep, flips) => {
        const text = JSON.stringify(plans[which]);
        const bytes = Buffer.from(text.slice(0, Math.floor(text.length * keep)));
        for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
        const result = await scanPlan(bytes.toString('latin1'));
        expect(crashes(result)).toEqual([]);
      }),
      { runs: 40 },
    );
  }, propertyTimeout(40, 500));

  it('an attribute known only after apply reads as unknown: no finding that points at it passes or fails', async () => {
    const insecure = plans[0] as { resource_changes: { address: string; change: { after: Record<string, Json>; after_unknown: Record<string, Json> } }[] };
    // Attributes the configuration sets: an unknown the configuration never set is the provider's default, absent by design.
    const configured = new Map(((plans[0] as { configuration: { root_module: { resources: { address: string; expressions?: Record<string, Json> }[] } } }).configuration.root_module.resources).map((r) => [r.address, Object.keys(r.expressions ?? {})]));
    const candidates = insecure.resource_changes.flatMap((change, index) => Object.keys(change.change.after ?? {}).filter((key) => configured.get(change.address)?.includes(key)).map((key) => [index, key] as const));
    const baseline = await scanPlan(plans[0] as Json);
    await checkProperty(
      target,
      'after_unknown attributes read as unknown',
      fc.asyncProperty(fc.constantFrom(...candidates), async ([index, key]) => {
        const document = structuredClone(insecure);
        const change = document.resource_changes[index] as (typeof document.resource_changes)[number];
        delete change.change.after[key];
        change.change.after_unknown = { ...change.change.after_unknown, [key]: true };
        const result = await scanPlan(document as unknown as Json);
        expect(crashes(result)).toEqual([]);
        // Findings the scan of the intact plan decided at this attribute, where the configuration sets it.
        const decidedThere = baseline.findings.filter((f) => f.resource.address === change.address && f.path === key && f.status !== 'unknown');
        for (const before of decidedThere) {
          const after = result.findings.find((f) => f.fingerprint === before.fingerprint);
          if (after && after.path === key) expect(after.status, `${before.ruleId} on ${change.address}.${key}`).not.toBe(before.status === 'pass' ? 'pass' : 'fail');
        }
      }),
      { runs: Math.min(candidates.length, 40) },
    );
  }, propertyTimeout(40, 500));
});
