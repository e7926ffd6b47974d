import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvidence, verifyEvidence, type SigningKey, type SignerInfo } from '@trustscan/evidence';
import { TemporaryDirectories, makeKey, recordFile, recordLines, scanInsecure, testEnvironment, variant, writeRecordLines } from './support.js';

const temporary = new TemporaryDirectories();
let store: string;
let key: SigningKey;
let otherKey: SigningKey;
const hashes: string[] = [];

/** Four signed records; record 3 changes one finding. */
beforeEach(async () => {
  store = temporary.make();
  const keys = temporary.make();
  key = makeKey(keys).key;
  otherKey = makeKey(keys, 'other').key;
  const result = await scanInsecure();
  hashes.length = 0;
  for (let n = 1; n <= 4; n++) {
    const scanned = variant(result, `2026-04-0${n}T00:00:00.000Z`, n === 3 ? { pick: (f) => f.status === 'fail', status: 'pass' } : undefined);
    hashes.push((await appendEvidence(store, scanned, { environment: testEnvironment, signingKey: key })).sha256);
  }
});
afterEach(() => temporary.removeAll());

/** Rewrites a record's header (dropping and redoing the signature with `signer`, or leaving it unsigned). */
function rewriteHeader(seq: number, change: (header: Record<string, unknown>) => void, signer?: SigningKey): string {
  const lines = recordLines(recordFile(store, seq)).filter((line) => !line.startsWith('{"type":"signature"'));
  const header = JSON.parse(lines[0] as string) as Record<string, unknown>;
  change(header);
  lines[0] = JSON.stringify(header);
  const digest = createHash('sha256').update(`${lines.join('\n')}\n`).digest();
  if (signer) lines.push(JSON.stringify({ type: 'signature', algorithm: 'ed25519', keyId: signer.keyId, signature: signer.sign(digest).toString('base64') }));
  writeRecordLines(recordFile(store, seq), lines);
  return digest.toString('hex');
}

function writeHead(seq: number, sha256: string): void {
  writeFileSync(path.join(store, 'HEAD'), JSON.stringify({ seq, sha256, updatedAt: '2026-04-04T00:00:00.000Z', streams: {} }));
}

type Case = [name: string, tamper: () => void, expected: [kind: string, seq: number][], publicKey?: () => SignerInfo];

describe('verify names every kind of tampering', () => {
  it.each<Case>([
    ['nothing (the chain is intact)', () => {}, []],
    [
      'a finding edited in a middle record (recompressed)',
      () => {
        const lines = recordLines(recordFile(store, 3));
        writeRecordLines(recordFile(store, 3), [lines[0] as string, ...lines.slice(1).map((l) => l.replace('"status":"pass"', '"status":"fail"'))]);
      },
      [['edited', 3]],
    ],
    [
      'the time of a middle record backdated (signature left as it was)',
      () => {
        const lines = recordLines(recordFile(store, 2));
        writeRecordLines(recordFile(store, 2), [(lines[0] as string).replace('"startedAt":"2026-04-02', '"startedAt":"2026-03-02'), ...lines.slice(1)]);
      },
      [['edited', 2]],
    ],
    [
      'one byte of a middle record changed in place',
      () => {
        const bytes = readFileSync(recordFile(store, 2));
        bytes[Math.floor(bytes.length / 2)] ^= 0x01;
        writeFileSync(recordFile(store, 2), bytes);
      },
      [['unreadable', 2]],
    ],
    ['a record deleted', () => rmSync(recordFile(store, 2)), [['missing', 2]]],
    [
      'two records swapped',
      () => {
        renameSync(recordFile(store, 2), `${recordFile(store, 2)}.moving`);
        renameSync(recordFile(store, 3), recordFile(store, 2));
        renameSync(`${recordFile(store, 2)}.moving`, recordFile(store, 3));
      },
      [
        ['reordered', 2],
        ['reordered', 3],
      ],
    ],
    [
      'the last record rewritten to branch off an earlier one (and HEAD with it)',
      () => writeHead(4, rewriteHeader(4, (h) => (h['prev'] = hashes[1]), key)),
      [['forked', 4]],
    ],
    [
      'a signature replaced',
      () => {
        const lines = recordLines(recordFile(store, 2));
        const forged = { type: 'signature', algorithm: 'ed25519', keyId: key.keyId, signature: key.sign(Buffer.alloc(32)).toString('base64') };
        writeRecordLines(recordFile(store, 2), [...lines.slice(0, -1), JSON.stringify(forged)]);
      },
      [['bad-signature', 2]],
    ],
    [
      'records checked against another public key',
      () => {},
      [1, 2, 3, 4].map((seq): [string, number] => ['bad-signature', seq]),
      () => otherKey.info,
    ],
    ['gzip replaced by garbage', () => writeFileSync(recordFile(store, 3), 'not gzip at all'), [['unreadable', 3]]],
    [
      'a record cut short',
      () => {
        const bytes = readFileSync(recordFile(store, 3));
        writeFileSync(recordFile(store, 3), bytes.subarray(0, bytes.length >> 1));
      },
      [['unreadable', 3]],
    ],
    ['a record from a newer schema', () => void rewriteHeader(2, (h) => (h['schemaVersion'] = 2)), [['newer-schema', 2]]],
    ['HEAD naming records that are not there', () => writeHead(6, 'f'.repeat(64)), [['missing', 5]]],
    ['HEAD naming another hash for the last record', () => writeHead(4, 'f'.repeat(64)), [['edited', 4]]],
  ])('%s', async (_name, tamper, expected, publicKey) => {
    tamper();
    const report = await verifyEvidence(store, publicKey ? { publicKey: publicKey() } : { publicKey: key.info });
    expect(report.problems.map((p) => [p.kind, p.seq])).toEqual(expected);
    for (const problem of report.problems) {
      expect(problem.message).toMatch(new RegExp(`^records? ${problem.seq}(–\\d+)? \\(records/0+${problem.seq}\\.jsonl\\.gz\\) `));
      expect(problem.message).not.toContain('\n');
    }
  });

  it('names a record that is not signed when a public key is required, and only notes it otherwise', async () => {
    await appendEvidence(store, variant(await scanInsecure(), '2026-04-05T00:00:00.000Z'), { environment: testEnvironment });
    expect((await verifyEvidence(store, { publicKey: key.info })).problems.map((p) => [p.kind, p.seq, p.message])).toEqual([
      ['bad-signature', 5, `record 5 (records/000000000005.jsonl.gz) is not signed, but records must be signed by key ${key.keyId.slice(0, 12)}`],
    ]);
    const unpinned = await verifyEvidence(store);
    expect(unpinned.problems).toEqual([]);
    expect(unpinned.notes).toContain('record 5 is not signed, unlike the others');
  });

  it('takes a HEAD that lags behind the chain for an interrupted append: a note, not a problem', async () => {
    writeHead(3, hashes[2] as string);
    const report = await verifyEvidence(store, { publicKey: key.info });
    expect(report.problems).toEqual([]);
    expect(report.notes).toContain('HEAD names record 3 but the chain goes on to record 4 (an append stopped before moving it, or is running; the next append repairs it)');
  });
});
