import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryStore, appendEvidence, listEvidence, materializeEvidence, verifyEvidence, type EvidenceStore } from '@trustscan/evidence';
import { killAppenders, runAppender, scanFile } from './appender.js';
import { TemporaryDirectories, scanInsecure, testEnvironment, variant } from './support.js';

const temporary = new TemporaryDirectories();
afterEach(() => {
  killAppenders();
  temporary.removeAll();
});

describe('concurrent appends to a directory', () => {
  it('land in one unforked chain, every record once', async () => {
    const store = temporary.make();
    const scan = await scanFile(temporary.make());
    const startAt = Date.now() + 1500;
    const processes = [0, 1, 2, 3, 4].map((label) => runAppender({ store, scan, count: 4, label, startAt }));
    const results = await Promise.all(processes.map((p) => p.done));
    const seqs = results.flatMap((r) => r.appended.map((a) => a.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const report = await verifyEvidence(store);
    expect(report).toMatchObject({ records: 20, last: 20, problems: [] });
    const listing = await listEvidence(store);
    expect(new Set(listing.records.map((r) => r.header.prev)).size).toBe(20);
  }, 60_000);
});

describe('an appender that loses the race for a slot', () => {
  it('rebuilds its record on top of the one that won, as a delta of it when they share a stream', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, '2026-05-01T00:00:00.000Z'), { environment: testEnvironment });
    const directory = new DirectoryStore(store);
    let raced = false;
    const racing: EvidenceStore = Object.assign(Object.create(directory) as EvidenceStore, {
      createRecord: async (seq: number, bytes: Uint8Array, recordedAt: Date) => {
        if (!raced) {
          raced = true;
          // Another CI job gets its record in between this appender's read of the chain and its write.
          await appendEvidence(store, variant(result, '2026-05-02T00:00:00.000Z', { pick: (f) => f.status === 'fail', status: 'pass' }), { environment: testEnvironment });
        }
        return directory.createRecord(seq, bytes, recordedAt);
      },
    });
    const record = await appendEvidence(racing, variant(result, '2026-05-03T00:00:00.000Z'), { environment: testEnvironment });
    expect([record.seq, record.attempts, record.kind]).toEqual([3, 2, 'delta']);
    const listing = await listEvidence(store);
    expect(listing.records.map((r) => r.header.stream.base?.seq)).toEqual([undefined, 1, 2]);
    expect((await verifyEvidence(store)).problems).toEqual([]);
    expect((await materializeEvidence(store, 3)).findings.filter((f) => f.status === 'fail')).toHaveLength(result.findings.filter((f) => f.status === 'fail').length);
  });
});

describe('a crash in the middle of an append', () => {
  it('between writing the record and linking it into its slot leaves the store valid, and the next append goes on', async () => {
    const store = temporary.make();
    const result = await scanInsecure();
    await appendEvidence(store, variant(result, '2026-05-01T00:00:00.000Z'), { environment: testEnvironment });
    const crashed = await runAppender({ store, scan: await scanFile(temporary.make()), count: 1, label: 1, dieBeforeLink: true }).done;
    expect(crashed.signal).toBe('SIGKILL');
    expect(readdirSync(path.join(store, 'records')).filter((name) => name.startsWith('.tmp-'))).toHaveLength(1);

    const afterCrash = await verifyEvidence(store);
    expect(afterCrash.problems).toEqual([]);
    expect(afterCrash.notes.some((note) => /^records\/\.tmp-\d+-[0-9a-f-]+ is a temporary file left by an interrupted append/.test(note))).toBe(true);
    expect((await appendEvidence(store, variant(result, '2026-05-02T00:00:00.000Z'), { environment: testEnvironment })).seq).toBe(2);
    expect((await verifyEvidence(store)).problems).toEqual([]);
  }, 30_000);

  it('at any moment (the process killed while it appends) leaves the store valid', async () => {
    const store = temporary.make();
    const scan = await scanFile(temporary.make());
    for (const delay of [150, 400, 700]) {
      const appender = runAppender({ store, scan, count: 200, label: delay % 24 });
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * 100));
      appender.kill();
      expect((await appender.done).signal).toBe('SIGKILL');
      // Killed before its first record, the appender leaves an empty store, which verify refuses as such.
      const report = await verifyEvidence(store).catch((error: Error) => {
        if (/no evidence records here/.test(error.message)) return undefined;
        throw error;
      });
      expect(report?.problems ?? []).toEqual([]);
    }
    const next = await appendEvidence(store, variant(await scanInsecure(), '2026-06-01T00:00:00.000Z'), { environment: testEnvironment });
    const report = await verifyEvidence(store);
    expect(report).toMatchObject({ problems: [], last: next.seq });
  }, 60_000);
});
