import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { makeDirectories } from '../../../../files/make-directories.js';
import os from 'node:os';
import path from 'node:path';
import { toolVersion } from '../../../../version.js';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';

/** Bumped whenever the shape of a cached `ParsedFile` changes, or the parser reads files differently. */
const formatVersion = 2;

/**
 * A content-hash cache of parsed files. Entries are keyed by the bytes and the parser versions only, never by
 * path, so a cache directory can be shared between checkouts and CI runs; writes are atomic (write, then rename).
 */
export class ParseCache {
  private readonly salt: string;
  /** Directories already created in this scan, so each write does not repeat the `mkdir`. */
  private readonly made = new Map<string, Promise<unknown>>();

  private constructor(readonly directory: string) {
    this.salt = `trustscan-parse-${formatVersion}-${toolVersion}`;
  }

  /**
   * The cache for a scan: `option` when it is a directory, none when it is `false`, else `node_modules/.cache/trustscan`
   * under the root when the root has `node_modules`, else a folder in the OS temp directory.
   */
  static open(option: string | false | undefined, root: string): ParseCache | undefined {
    if (option === false) return undefined;
    if (typeof option === 'string') return new ParseCache(path.resolve(option));
    const modules = path.join(root, 'node_modules');
    return new ParseCache(existsSync(modules) ? path.join(modules, '.cache', 'trustscan') : path.join(os.tmpdir(), 'trustscan-cache'));
  }

  key(kind: TerraformFileKind, text: string): string {
    return createHash('sha256').update(this.salt).update('\0').update(kind).update('\0').update(text).digest('hex');
  }

  /** The key of a batch of files parsed together, from their keys. */
  batchKey(keys: readonly string[]): string {
    return createHash('sha256').update(this.salt).update('\0batch\0').update(keys.join('\n')).digest('hex');
  }

  /** A whole batch (a directory level of a scan) in one read: a warm scan opens a few files instead of thousands. */
  async getBatch(key: string, count: number): Promise<ParsedFile[] | undefined> {
    try {
      const batch = JSON.parse(await readFile(this.entry(key, 'batch'), 'utf8')) as unknown;
      return Array.isArray(batch) && batch.length === count ? (batch as ParsedFile[]) : undefined;
    } catch {
      return undefined;
    }
  }

  async setBatch(key: string, value: readonly ParsedFile[]): Promise<void> {
    await this.write(this.entry(key, 'batch'), value);
  }

  async get(key: string): Promise<ParsedFile | undefined> {
    try {
      return JSON.parse(await readFile(this.entry(key), 'utf8')) as ParsedFile;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry; a cache that cannot be written is simply not used. */
  async set(key: string, value: ParsedFile): Promise<void> {
    await this.write(this.entry(key), value);
  }

  private async write(file: string, value: unknown): Promise<void> {
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await makeDirectories(path.dirname(file));
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }

  private entry(key: string, kind: 'file' | 'batch' = 'file'): string {
    return kind === 'batch' ? path.join(this.directory, 'hcl-batch', `${key}.json`) : path.join(this.directory, 'hcl', key.slice(0, 2), `${key}.json`);
  }
}
