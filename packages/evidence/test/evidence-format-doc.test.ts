import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvidence, listEvidence, materializeEvidence } from '@trustscan/evidence';
import { TemporaryDirectories, repository, scanInsecure, testEnvironment, variant } from './support.js';

const temporary = new TemporaryDirectories();
afterEach(() => temporary.removeAll());

/** The SQL blocks docs/evidence-format.md marks as DuckDB, in order. */
function documentedQueries(): string[] {
  const text = readFileSync(path.join(repository, 'docs/evidence-format.md'), 'utf8');
  return [...text.matchAll(/<!-- duckdb -->\n```sql\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

describe('the SQL in docs/evidence-format.md', () => {
  it('reads a store trustscan wrote: failing checks per rule per record, and a record rebuilt from its deltas', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const dropped = result.findings.find((f) => f.status === 'pass');
    await appendEvidence(store, variant(result, '2026-03-01T02:00:00.000Z'), { environment: testEnvironment });
    await appendEvidence(store, variant(result, '2026-03-02T02:00:00.000Z', { pick: (f) => f.ruleId === 'aws-s3-bucket-versioning', status: 'pass' }), { environment: testEnvironment });
    // Record 3: one finding fails again, one pass is gone (the resource was removed), so the delta has both kinds of line.
    const third = variant(result, '2026-03-03T02:00:00.000Z');
    await appendEvidence(store, { ...third, findings: third.findings.filter((f) => f !== dropped) }, { environment: testEnvironment });

    const [view, perRule, rebuilt] = documentedQueries();
    expect([view, perRule, rebuilt].every((sql) => sql !== undefined)).toBe(true);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run((view as string).replace("'evidence/records/*.jsonl.gz'", `'${path.join(store, 'records', '*.jsonl.gz')}'`));

      const rows = (await connection.runAndReadAll(perRule as string)).getRowObjectsJson() as { seq: string; rule: string; failing: number }[];
      const expected = (await listEvidence(store)).records.flatMap((record) =>
        Object.entries(record.header.summary.rules)
          .filter(([, counts]) => (counts.fail ?? 0) > 0)
          .map(([rule, counts]) => ({ seq: String(record.seq), rule, failing: counts.fail })),
      );
      expect(rows.map((r) => ({ seq: String(r.seq), rule: r.rule, failing: r.failing }))).toEqual(expected.sort((a, b) => Number(a.seq) - Number(b.seq) || (a.rule < b.rule ? -1 : 1)));

      const state = (await connection.runAndReadAll(rebuilt as string)).getRowObjectsJson() as { ruleId: string; address: string; status: string }[];
      const materialized = (await materializeEvidence(store, 3)).findings.map((f) => ({ ruleId: f.ruleId, address: f.resource.address, status: f.status }));
      const order = (a: { ruleId: string; address: string; status: string }, b: typeof a) => (a.ruleId + a.address + a.status < b.ruleId + b.address + b.status ? -1 : 1);
      expect(state.sort(order)).toEqual(materialized.sort(order));
      expect(state).toHaveLength(result.findings.length - 1);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
