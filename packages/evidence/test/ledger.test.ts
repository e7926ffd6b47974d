import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendEvidence,
  entryKey,
  listEvidence,
  materializeEvidence,
  parseJsonReport,
  replayEvidence,
  verifyEvidence,
  type EvidenceStep,
  type FindingEntry,
} from '@trustscan/evidence';
import { toJson } from '@trustscan/reporters';
import { TemporaryDirectories, makeKey, recordLines, recordFile, scanInsecure, scanInsecurePlan, testEnvironment, variant } from './support.js';

const temporary = new TemporaryDirectories();
afterEach(() => temporary.removeAll());

const environment = testEnvironment;
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T02:00:00.000Z`;
const versioning = (f: { ruleId: string; resource: { address: string } }) => f.ruleId === 'aws-s3-bucket-versioning' && f.resource.address === 'module.reports.aws_s3_bucket.this';

async function collect(iterator: AsyncIterable<EvidenceStep>): Promise<{ seq: number; size: number; changes: { key: string; before?: string; after?: string }[] }[]> {
  const steps = [];
  for await (const step of iterator) {
    steps.push({ seq: step.record.seq, size: step.state.size, changes: step.changes.map((c) => ({ key: c.key, ...(c.before ? { before: c.before.status } : {}), ...(c.after ? { after: c.after.status } : {}) })) });
  }
  return steps;
}

describe('recording scans', () => {
  it('chains three scans of examples/insecure: a snapshot, then deltas that store only what changed', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const first = await appendEvidence(store, variant(result, day(1)), { environment });
    const second = await appendEvidence(store, variant(result, day(2)), { environment });
    const third = await appendEvidence(store, variant(result, day(3), { pick: versioning, status: 'pass' }), { environment });

    expect([first, second, third].map((r) => [r.seq, r.kind, r.lines, r.findings])).toEqual([
      [1, 'snapshot', result.findings.length, result.findings.length],
      [2, 'delta', 0, result.findings.length],
      [3, 'delta', 1, result.findings.length],
    ]);
    const lines = recordLines(recordFile(store, 3));
    const header = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(header).toMatchObject({
      type: 'header',
      schemaVersion: 1,
      seq: 3,
      prev: second.sha256,
      startedAt: day(3),
      stream: { kind: 'delta', base: { seq: 2, sha256: second.sha256 }, depth: 2 },
      passes: 'recorded',
      tool: { name: 'trustscan' },
      environment,
      targets: [{ name: 'examples/insecure', kind: 'terraform-hcl', ok: true, inputs: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string, files: 2 } }],
    });
    expect((header['summary'] as { rules: Record<string, unknown> }).rules['aws-s3-bucket-versioning']).toEqual({ pass: 1, fail: 1 });
    expect(header['rules']).toHaveLength(result.rules.length);
    expect(header['packs']).toEqual([{ name: 'built-in', version: result.tool.version, rules: result.rules.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string }]);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] as string)).toMatchObject({ type: 'finding', target: 'examples/insecure', ruleId: 'aws-s3-bucket-versioning', status: 'pass' });

    const report = await verifyEvidence(store);
    expect(report).toMatchObject({ records: 3, last: 3, problems: [], notes: [], head: { seq: 3, sha256: third.sha256 } });
  });

  it('keeps the hash over the uncompressed lines, so the record is the same whatever the compression', async () => {
    const store = temporary.make();
    const record = await appendEvidence(store, variant(await scanInsecure(), day(1)), { environment });
    const raw = gunzipSync(readFileSync(recordFile(store, 1)));
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(raw).digest('hex')).toBe(record.sha256);
  });

  it('writes a snapshot every snapshotInterval records, so any record is rebuilt from a bounded number of others', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const kinds = [];
    for (let n = 1; n <= 7; n++) kinds.push((await appendEvidence(store, variant(result, day(n)), { environment, snapshotInterval: 3 })).kind);
    expect(kinds).toEqual(['snapshot', 'delta', 'delta', 'snapshot', 'delta', 'delta', 'snapshot']);
  });

  it('writes a snapshot when the delta would be a large share of the findings', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, day(1)), { environment });
    const reworded = { ...variant(result, day(2)), findings: result.findings.map((f) => ({ ...f, message: `${f.message} (reworded)` })) };
    expect((await appendEvidence(store, reworded, { environment })).kind).toBe('snapshot');
  });

  it('keeps a stream per set of targets, so scans of another scope do not become deltas of each other', async () => {
    const store = temporary.make();
    const hcl = await scanInsecure();
    const plan = await scanInsecurePlan();
    const kinds = [];
    for (const [n, result] of [hcl, plan, hcl, plan].entries()) kinds.push((await appendEvidence(store, variant(result, day(n + 1)), { environment })).kind);
    expect(kinds).toEqual(['snapshot', 'snapshot', 'delta', 'delta']);
    const listing = await listEvidence(store);
    expect(new Set(listing.records.map((r) => r.header.stream.id)).size).toBe(2);
  });

  it('never lets a sensitive value into a record', async () => {
    const store = temporary.make();
    await appendEvidence(store, variant(await scanInsecurePlan(), day(1)), { environment });
    const text = recordLines(recordFile(store, 1)).join('\n');
    expect(text).toContain('aws_db_instance.app');
    expect(text).not.toContain('change-me-now-1234');
  });

  it('numbers findings that repeat a target and fingerprint, and keeps identical repeats once', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const [first] = result.findings;
    if (!first) throw new Error('no finding');
    const repeated = { ...variant(result, day(1)), findings: [...result.findings, first, { ...first, message: 'A second verdict on the same resource.' }] };
    await appendEvidence(store, repeated, { environment });
    const materialized = await materializeEvidence(store, 1);
    expect(materialized.findings).toHaveLength(result.findings.length + 1);
    expect(materialized.findings.filter((f) => f.fingerprint === first.fingerprint).map((f) => f.duplicate)).toEqual([undefined, 2]);
  });

  it('signs each record with Ed25519 and names the public key in the header', async () => {
    const store = temporary.make();
    const { key } = makeKey(temporary.make());
    await appendEvidence(store, variant(await scanInsecure(), day(1)), { environment, signingKey: key });
    const lines = recordLines(recordFile(store, 1));
    expect(JSON.parse(lines[0] as string)).toMatchObject({ signer: { algorithm: 'ed25519', publicKey: key.info.publicKey, keyId: key.info.keyId } });
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ type: 'signature', algorithm: 'ed25519', keyId: key.info.keyId });
    expect(await verifyEvidence(store, { publicKey: key.info })).toMatchObject({ problems: [], signed: 1, signers: [key.info.keyId] });
  });
});

describe('reading the ledger', () => {
  it('lists headers in a time range with each record hash as the chain names it', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const appended = [];
    for (let n = 1; n <= 4; n++) appended.push(await appendEvidence(store, variant(result, day(n)), { environment }));
    const listing = await listEvidence(store, { from: day(2), to: day(3) });
    expect(listing.records.map((r) => [r.seq, r.sha256])).toEqual([
      [2, appended[1]?.sha256],
      [3, appended[2]?.sha256],
    ]);
    expect(listing.head?.seq).toBe(4);
    expect(listing.unreadable).toEqual([]);
  });

  it('materializes the full state at one record, for an auditor sample', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, day(1)), { environment });
    await appendEvidence(store, variant(result, day(2), { pick: versioning, status: 'pass' }), { environment });
    await appendEvidence(store, variant(result, day(3)), { environment });
    const at2 = await materializeEvidence(store, 2);
    expect(at2.findings).toHaveLength(result.findings.length);
    expect(at2.findings.find((f) => versioning(f))?.status).toBe('pass');
    expect((await materializeEvidence(store, 3)).findings.find((f) => versioning(f))?.status).toBe('fail');
    expect(at2.record.sha256).toBe((await listEvidence(store)).records[1]?.sha256);
  });

  it('replays a period in time order with each change, also across snapshots', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const key = entryKey({ target: 'examples/insecure', fingerprint: result.findings.find(versioning)?.fingerprint ?? '' });
    for (let n = 1; n <= 5; n++) {
      const fixed = n === 3 || n === 4;
      await appendEvidence(store, variant(result, day(n), fixed ? { pick: versioning, status: 'pass' } : undefined), { environment, snapshotInterval: 2 });
    }
    const steps = await collect(replayEvidence(store));
    expect(steps.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(steps.every((s) => s.size === result.findings.length)).toBe(true);
    expect(steps[0]?.changes).toHaveLength(result.findings.length);
    expect(steps.slice(1).map((s) => s.changes)).toEqual([[], [{ key, before: 'fail', after: 'pass' }], [], [{ key, before: 'pass', after: 'fail' }]]);
    const inPeriod = await collect(replayEvidence(store, { from: day(3), to: day(4) }));
    expect(inPeriod.map((s) => [s.seq, s.changes])).toEqual([
      [3, [{ key, before: 'fail', after: 'pass' }]],
      [4, []],
    ]);
  });

  it('places an imported older report at its own time, and builds states by chain links, not by time', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, day(10)), { environment });
    await appendEvidence(store, variant(result, day(12), { pick: versioning, status: 'pass' }), { environment });
    const older = parseJsonReport(Buffer.from(toJson(variant(result, day(5), { pick: versioning, status: 'pass' }), { includePassed: true })), 'old.json');
    await appendEvidence(store, older.scan, { environment, imported: older.imported, passes: older.passes });
    const steps = await collect(replayEvidence(store));
    expect(steps.map((s) => s.seq)).toEqual([3, 1, 2]);
    expect(steps.map((s) => s.changes.filter((c) => c.before).map((c) => `${c.before}->${c.after ?? 'gone'}`))).toEqual([[], ['pass->fail'], ['fail->pass']]);
    expect((await verifyEvidence(store)).problems).toEqual([]);
  });

  it('does not take missing passes or an unread target for removed findings', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, day(1)), { environment });
    const failuresOnly = parseJsonReport(Buffer.from(toJson(variant(result, day(2)))), 'failures-only.json');
    expect(failuresOnly.passes).toBe('omitted');
    await appendEvidence(store, failuresOnly.scan, { environment, imported: failuresOnly.imported, passes: failuresOnly.passes });
    const unread = { ...variant(result, day(3)), findings: [], targets: result.targets.map((t) => ({ ...t, ok: false, resources: 0 })) };
    await appendEvidence(store, unread, { environment });
    await appendEvidence(store, variant(result, day(4)), { environment });
    const steps = await collect(replayEvidence(store));
    expect(steps.map((s) => [s.seq, s.size, s.changes.length])).toEqual([
      [1, result.findings.length, result.findings.length],
      [2, result.findings.filter((f) => f.status !== 'pass').length, 0],
      [3, 0, 0],
      [4, result.findings.length, 0],
    ]);
    const kinds = (await listEvidence(store)).records.map((r) => r.header.stream.kind);
    // The record without passes is a snapshot and never a delta base; the next full scan builds on record 1.
    expect(kinds).toEqual(['snapshot', 'snapshot', 'snapshot', 'snapshot']);
  });
});

describe('imported reports', () => {
  it('records a report with passes as an imported record at the report time', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    const text = toJson(variant(result, day(7)), { includePassed: true });
    const report = parseJsonReport(Buffer.from(text), 'ci/trustscan.json');
    expect(report.passes).toBe('recorded');
    await appendEvidence(store, report.scan, { environment, imported: report.imported, passes: report.passes });
    const [record] = (await listEvidence(store)).records;
    expect(record?.header).toMatchObject({ startedAt: day(7), passes: 'recorded', imported: { file: 'ci/trustscan.json', reportStartedAt: day(7) }, rules: [] });
    const findings: readonly FindingEntry[] = (await materializeEvidence(store, 1)).findings;
    expect(findings).toHaveLength(result.findings.length);
  });

  it.each<[string, string, string | undefined, RegExp]>([
    ['not JSON', '{"schemaVersion": 1,', undefined, /^r\.json: not valid JSON \(.*\); import the file `trustscan scan --format json` wrote\.$/],
    ['another document', '{"format_version": "1.2"}', undefined, /^r\.json: not a trustscan JSON report \(no schemaVersion\)/],
    ['a newer report schema', '{"schemaVersion": 2}', undefined, /^r\.json: JSON report schema 2 is not one this trustscan reads \(1\)/],
    ['a report without times', 'OLD', undefined, /^r\.json: the report does not say when the scan ran .*; pass --time with the time of the scan/],
    ['a finding without fingerprint', 'NOFINGERPRINT', day(1), /^r\.json: findings\[0\] has no fingerprint; this is not a trustscan JSON report\.$/],
  ])('rejects %s with one line naming the file', async (_name, text, time, message) => {
    const report = JSON.parse(toJson(variant(await scanInsecure(), day(1)))) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    delete report['startedAt'];
    delete report['finishedAt'];
    const body = text === 'OLD' ? JSON.stringify(report) : text === 'NOFINGERPRINT' ? JSON.stringify({ ...report, findings: [{ ...report.findings[0], fingerprint: undefined }] }) : text;
    expect(() => parseJsonReport(Buffer.from(body), 'r.json', time)).toThrow(message);
  });

  it('takes --time for a report written before reports carried their times', async () => {
    const report = JSON.parse(toJson(variant(await scanInsecure(), day(1)))) as Record<string, unknown>;
    delete report['startedAt'];
    delete report['finishedAt'];
    const parsed = parseJsonReport(Buffer.from(JSON.stringify(report)), 'old.json', '2025-12-31T23:00:00.000Z');
    expect([parsed.scan.startedAt, parsed.scan.finishedAt, parsed.imported.reportStartedAt]).toEqual(['2025-12-31T23:00:00.000Z', '2025-12-31T23:00:00.000Z', undefined]);
  });
});

describe('the store directory', () => {
  it('holds only records and HEAD, with records read-only', async () => {
    const store = temporary.make();
    await appendEvidence(path.join(store, 'nested', 'ledger'), variant(await scanInsecure(), day(1)), { environment });
    expect(readdirSync(path.join(store, 'nested', 'ledger')).sort()).toEqual(['HEAD', 'records']);
    expect(readdirSync(path.join(store, 'nested', 'ledger', 'records'))).toEqual(['000000000001.jsonl.gz']);
  });
});
