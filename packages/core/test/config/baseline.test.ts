import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, readBaseline, scan, summarize, writeBaseline, type ScanResult } from '@trustscan/core';
import { testRules as rules } from './test-rules.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const scanPlan = (): Promise<ScanResult> =>
  scan({ targets: [{ kind: 'path', path: path.join(repository, 'examples/insecure/plan.json') }], rules, root: repository, today: '2026-11-26' });

describe('baseline', () => {
  it('records the current failures by fingerprint, sorted, in a small versioned file', async () => {
    const result = await scanPlan();
    const baseline = createBaseline(result, new Date('2026-11-26T10:00:00Z'));
    const failing = result.findings.filter((f) => f.status === 'fail');
    expect(failing.map((f) => f.ruleId)).toEqual(['test-db-storage-encrypted', 'test-db-backup-retention']);
    expect(baseline).toMatchObject({ version: 1, tool: `trustscan ${result.tool.version}`, createdAt: '2026-11-26T10:00:00.000Z' });
    expect(baseline.failures.map((f) => f.fingerprint).sort()).toEqual(failing.map((f) => f.fingerprint).sort());
    expect(baseline.failures).toContainEqual({ ruleId: 'test-db-storage-encrypted', resource: 'aws_db_instance.app', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown });
    const keys = baseline.failures.map((f) => `${f.ruleId} ${f.resource}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('reports recorded failures as baseline and only new ones as failing, with the summary recomputed', async () => {
    const directory = temporaryDirectory('baseline');
    const file = path.join(directory, 'baseline.json');
    const first = await scanPlan();
    const recorded = createBaseline(first, new Date('2026-11-01T00:00:00Z'));
    // Pretend the encryption failure appeared after the baseline was recorded: it must still fail.
    const added = recorded.failures.find((f) => f.ruleId === 'test-db-storage-encrypted');
    await writeBaseline(file, { ...recorded, failures: recorded.failures.filter((f) => f !== added) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, createdAt: '2026-11-01T00:00:00.000Z' });

    const second = await scanPlan();
    const applied = applyBaseline(second, await readBaseline(file, 'baseline.json'), 'baseline.json');
    const failing = applied.findings.filter((f) => f.status === 'fail');
    expect(failing.map((f) => f.ruleId)).toEqual(['test-db-storage-encrypted']);
    expect(applied.summary.byStatus.baseline).toBe(recorded.failures.length - 1);
    expect(applied.summary.byStatus.fail).toBe(1);
    expect(applied.summary).toEqual(summarize(applied.findings, applied.rules.filter((r) => applied.findings.some((f) => f.ruleId === r.id)), second.summary.resources));
    expect(applied.summary.criteria.find((c) => c.id === 'CC6.1')).toMatchObject({ fail: 1, status: 'fail' });
    expect(applied.summary.criteria.find((c) => c.id === 'A1.2')).toMatchObject({ fail: 0, baseline: 1 });
    expect(applied.notifications.at(-1)).toMatchObject({ level: 'note', code: 'baseline-applied', subject: 'baseline.json' });
    // Nothing else changed: the same findings in the same order.
    expect(applied.findings.map((f) => f.fingerprint)).toEqual(second.findings.map((f) => f.fingerprint));
  });

  it('says when recorded failures no longer occur', async () => {
    const result = await scanPlan();
    const baseline = createBaseline(result, new Date());
    const gone = { ruleId: 'test-db-backup-retention', resource: 'aws_db_instance.deleted', fingerprint: '0'.repeat(32) };
    const applied = applyBaseline(result, { ...baseline, failures: [...baseline.failures, gone] }, 'b.json');
    expect(applied.notifications.map((n) => n.code)).toEqual(['baseline-applied', 'baseline-resolved']);
    expect(applied.notifications[1]?.message).toBe('1 failure(s) recorded in the baseline b.json no longer occur; record the baseline again with --write-baseline to drop them.');
  });

  it.each<[string, string | undefined, RegExp]>([
    ['a missing file', undefined, /^b\.json: no such baseline file; record one with `trustscan scan --write-baseline b\.json`\.$/],
    ['invalid JSON', '{"version": 1,', /^b\.json: not a trustscan baseline \(invalid JSON: .*\); record it again with --write-baseline\.$/],
    ['another version', '{"version": 2, "failures": []}', /^b\.json: not a trustscan baseline \(version 2 is not 1\)/],
    ['an entry without a fingerprint', '{"version": 1, "failures": [{"ruleId": "x"}]}', /^b\.json: not a trustscan baseline \(failures\[0\] has no fingerprint\)/],
  ])('rejects %s in one line naming the file', async (_name, text, message) => {
    const directory = temporaryDirectory('baseline');
    const file = path.join(directory, 'b.json');
    if (text !== undefined) writeFileSync(file, text);
    await expect(readBaseline(file, 'b.json')).rejects.toThrow(message);
  });
});
