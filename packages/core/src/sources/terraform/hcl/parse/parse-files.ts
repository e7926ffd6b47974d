import os from 'node:os';
import { ScanAbortedError } from '../../../../model/errors.js';
import { ParseCache } from './parse-cache.js';
import { parseHclText } from './parse-hcl.js';
import { ParsePool } from './parse-pool.js';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';
import { parseTerraformJson } from './json-config.js';

/** Below this many files to parse, worker start-up (a WASM instance each) costs more than it saves. */
const filesPerWorker = 24;

export interface ParseStatistics {
  /** Files parsed with hcl2json in this scan (cache misses). */
  parsed: number;
  /** Files served from the parse cache. */
  cached: number;
  /** Worker threads started (0 when parsing in-process). */
  workers: number;
}

/**
 * Parses files for one scan: each distinct text at most once, from the content-hash cache when it can, else on
 * worker threads (or in-process for a handful of files). `.tf.json` files are read with a JSON reader.
 */
export class FileParser {
  readonly statistics: ParseStatistics = { parsed: 0, cached: 0, workers: 0 };
  private pool: ParsePool | undefined;
  private poolTried = false;
  private readonly memo = new Map<string, Promise<ParsedFile>>();
  private readonly writes: Promise<void>[] = [];

  constructor(
    private readonly cache: ParseCache | undefined,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Parses a batch of files together, so that cache misses spread over the workers. The batch is also cached as a
   * whole, keyed by the keys of its files, for scans of unchanged files.
   */
  async parseAll(files: readonly { kind: TerraformFileKind | 'tf.json'; text: string }[]): Promise<ParsedFile[]> {
    if (this.signal?.aborted) throw new ScanAbortedError();
    const hcl = files.filter((f) => f.kind !== 'tf.json');
    const cache = this.cache;
    if (!cache || hcl.length === 0) return this.parseEach(files, hcl);
    const keys = hcl.map((f) => cache.key(f.kind as TerraformFileKind, f.text));
    const batchKey = cache.batchKey(keys);
    const batch = await cache.getBatch(batchKey, keys.length);
    if (batch) {
      keys.forEach((key, i) => {
        if (!this.memo.has(key)) {
          this.memo.set(key, Promise.resolve(batch[i] as ParsedFile));
          this.statistics.cached++;
        }
      });
      return Promise.all(files.map((file) => this.parse(file.kind, file.text)));
    }
    const results = await this.parseEach(files, hcl);
    const parsed = await Promise.all(keys.map((key) => this.memo.get(key) as Promise<ParsedFile>));
    this.writes.push(cache.setBatch(batchKey, parsed));
    return results;
  }

  private async parseEach(files: readonly { kind: TerraformFileKind | 'tf.json'; text: string }[], hcl: readonly { kind: TerraformFileKind | 'tf.json'; text: string }[]): Promise<ParsedFile[]> {
    const cache = this.cache;
    if (!cache) {
      this.preparePool(new Set(hcl.map((f) => `${f.kind}\0${f.text}`)).size);
      return Promise.all(files.map((file) => this.parse(file.kind, file.text)));
    }
    // Look every file up once; the misses go straight to the parser (after the pool is sized for them).
    const lookups = await Promise.all(
      hcl.map(async (file) => {
        const key = cache.key(file.kind as TerraformFileKind, file.text);
        if (this.memo.has(key)) return undefined;
        const hit = await cache.get(key);
        return { key, file, hit };
      }),
    );
    const misses = new Map<string, (typeof hcl)[number]>();
    for (const lookup of lookups) {
      if (!lookup || this.memo.has(lookup.key)) continue;
      if (lookup.hit) {
        this.memo.set(lookup.key, Promise.resolve(lookup.hit));
        this.statistics.cached++;
      } else {
        misses.set(lookup.key, lookup.file);
      }
    }
    this.preparePool(misses.size);
    for (const [key, file] of misses) this.memo.set(key, this.parseFresh(file.kind as TerraformFileKind, file.text, key));
    return Promise.all(files.map((file) => this.parse(file.kind, file.text)));
  }

  /** Parses one file (through the memo, the cache and the pool). */
  parse(kind: TerraformFileKind | 'tf.json', text: string): Promise<ParsedFile> {
    if (kind === 'tf.json') return Promise.resolve(parseTerraformJson(text));
    const key = this.cache?.key(kind, text) ?? `${kind}\0${text}`;
    let result = this.memo.get(key);
    if (!result) {
      result = this.parseUncached(kind, text, key);
      this.memo.set(key, result);
    }
    return result;
  }

  /** Waits for cache writes and stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.writes);
    await this.pool?.close();
    this.pool = undefined;
  }

  private async parseUncached(kind: TerraformFileKind, text: string, key: string): Promise<ParsedFile> {
    if (this.cache) {
      const hit = await this.cache.get(key);
      if (hit) {
        this.statistics.cached++;
        return hit;
      }
    }
    return this.parseFresh(kind, text, key);
  }

  /** Parses a file known not to be cached, and caches it. */
  private async parseFresh(kind: TerraformFileKind, text: string, key: string): Promise<ParsedFile> {
    if (this.signal?.aborted) throw new ScanAbortedError();
    this.statistics.parsed++;
    const result = this.pool ? await this.pool.parse(kind, text) : await parseHclText(kind, text);
    if (this.cache) this.writes.push(this.cache.set(key, result));
    return result;
  }

  private preparePool(misses: number): void {
    if (this.poolTried || misses < filesPerWorker) return;
    this.poolTried = true;
    const size = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(misses / filesPerWorker)));
    this.pool = ParsePool.create(size);
    if (this.pool) this.statistics.workers = size;
  }
}
