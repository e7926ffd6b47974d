import { ScanAbortedError } from '../../../../model/errors.js';
import { ParseCache } from './parse-cache.js';
import { parseHclText } from './parse-hcl.js';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';
import { parseTerraformJson } from './json-config.js';

export interface ParseStatistics {
  /** Files parsed in this scan (cache misses). */
  parsed: number;
  /** Files served from the parse cache. */
  cached: number;
}

/**
 * Parses files for one scan: each distinct text at most once, from the content-hash cache when it can. `.tf.json`
 * files are read with a JSON reader.
 */
export class FileParser {
  readonly statistics: ParseStatistics = { parsed: 0, cached: 0 };
  private readonly memo = new Map<string, Promise<ParsedFile>>();
  private readonly writes: Promise<void>[] = [];

  constructor(
    private readonly cache: ParseCache | undefined,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Parses a batch of files together. The batch is also cached as a whole, keyed by the keys of its files, so a
   * scan of unchanged files reads one cache entry instead of one per file.
   */
  async parseAll(files: readonly { kind: TerraformFileKind | 'tf.json'; text: string }[]): Promise<ParsedFile[]> {
    if (this.signal?.aborted) throw new ScanAbortedError();
    const hcl = files.filter((f) => f.kind !== 'tf.json');
    const cache = this.cache;
    if (!cache || hcl.length === 0) return Promise.all(files.map((file) => this.parse(file.kind, file.text)));
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
    const results = await Promise.all(files.map((file) => this.parse(file.kind, file.text)));
    const parsed = await Promise.all(keys.map((key) => this.memo.get(key) as Promise<ParsedFile>));
    this.writes.push(cache.setBatch(batchKey, parsed));
    return results;
  }

  /** Parses one file (through the memo and the cache). */
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

  /** Waits for cache writes. */
  async close(): Promise<void> {
    await Promise.all(this.writes);
  }

  private async parseUncached(kind: TerraformFileKind, text: string, key: string): Promise<ParsedFile> {
    if (this.signal?.aborted) throw new ScanAbortedError();
    if (this.cache) {
      const hit = await this.cache.get(key);
      if (hit) {
        this.statistics.cached++;
        return hit;
      }
    }
    this.statistics.parsed++;
    const result = parseHclText(kind, text);
    if (this.cache) this.writes.push(this.cache.set(key, result));
    return result;
  }
}
