import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionPlan, actionsJson, periodJson, periodReport, type EvidenceHistory } from '@trustscan/evidence-reports';
import { rules } from '@trustscan/rules';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { day, historyOf } from './histories.js';
import { acmeHistory, repository } from './support.js';

/** The JSON forms against their schemas: valid, and every field they write is described there. */

type Schema = Record<string, unknown>;
const schemaOf = (name: string) => JSON.parse(readFileSync(path.join(repository, 'packages/evidence-reports/schema', name), 'utf8')) as Schema;
const periodSchema = schemaOf('period-report.schema.json');
const planSchema = schemaOf('action-plan.schema.json');
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validatePeriod = ajv.compile(periodSchema);
const validatePlan = ajv.compile(planSchema);

/** Paths of object keys in `value` that the schema does not name (through $ref, allOf and oneOf). */
function undocumented(value: unknown, schema: Schema, root: Schema, at = ''): string[] {
  const resolved = resolve(schema, root);
  if (Array.isArray(value)) {
    const items = resolved.flatMap((s) => (s['items'] ? [s['items'] as Schema] : []));
    return items.length === 0 ? [] : value.flatMap((item, i) => undocumented(item, items[0] as Schema, root, `${at}[${i}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  const properties = new Map<string, Schema>();
  let open = false;
  for (const s of resolved) {
    for (const [key, sub] of Object.entries((s['properties'] as Record<string, Schema> | undefined) ?? {})) if (!properties.has(key)) properties.set(key, sub);
    if (s['additionalProperties']) open = true;
  }
  return Object.entries(value).flatMap(([key, inner]) => {
    const sub = properties.get(key);
    if (!sub) return open ? [] : [`${at}.${key}`];
    return undocumented(inner, sub, root, `${at}.${key}`);
  });
}

function resolve(schema: Schema, root: Schema): Schema[] {
  const out: Schema[] = [];
  const ref = schema['$ref'] as string | undefined;
  if (ref) out.push(...resolve((root['$defs'] as Record<string, Schema>)[ref.replace('#/$defs/', '')] as Schema, root));
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const sub of (schema[key] as Schema[] | undefined) ?? []) out.push(...resolve(sub, root));
  out.push(schema);
  return out;
}

let acme: EvidenceHistory;
let empty: EvidenceHistory;
const work = temporaryDirectory('evidence-schema');

beforeAll(async () => {
  acme = await acmeHistory();
  empty = await historyOf(work, [{ at: day(1), checks: [{ rule: 'r', address: 'a', status: 'fail' }] }]);
}, 60_000);

describe('the JSON forms', () => {
  it.each<[string, () => string, 'period' | 'plan']>([
    ['the period report of the example history, with a sample', () => periodJson(periodReport(acme, { from: '2026-03-01', to: '2026-03-20', sample: { size: 4, seed: 'x' }, rules: rules.map((r) => r.meta) })), 'period'],
    ['a period report without a scan', () => periodJson(periodReport(acme, { from: '2026-01-01', to: '2026-01-31', sample: { size: 2, seed: 'x' } })), 'period'],
    ['a period report of a one-scan history', () => periodJson(periodReport(empty, { from: '2026-03-01', to: '2026-03-01' })), 'period'],
    ['the action plan of the example history', () => actionsJson(actionPlan(acme, { rules: rules.map((r) => r.meta) })), 'plan'],
    ['the action plan of a one-scan history', () => actionsJson(actionPlan(empty)), 'plan'],
  ])('%s is valid and documented', (_name, render, kind) => {
    const json = JSON.parse(render()) as unknown;
    const validate = kind === 'period' ? validatePeriod : validatePlan;
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(undocumented(json, kind === 'period' ? periodSchema : planSchema, kind === 'period' ? periodSchema : planSchema)).toEqual([]);
  });

  it('puts the schema version, the period, the chain, the criteria, the deviations and the gaps at the top', () => {
    const keys = Object.keys(JSON.parse(periodJson(periodReport(acme, { from: '2026-03-01', to: '2026-03-20' }))) as object);
    expect(keys.slice(0, 4)).toEqual(['schemaVersion', 'tool', 'period', 'chain']);
    expect(keys.indexOf('criteria')).toBeLessThan(keys.indexOf('deviations'));
    expect(keys.indexOf('deviations')).toBeLessThan(keys.indexOf('gaps'));
    expect(keys.indexOf('gaps')).toBeLessThan(keys.indexOf('records'));
  });
});
