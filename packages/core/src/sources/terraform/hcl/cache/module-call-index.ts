import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDirectories } from '../../../../files/make-directories.js';

interface IndexEntry {
  readonly signature: string;
  readonly modified: number;
  readonly recorded: number;
  readonly sources: readonly string[];
}

/** A change this close to when an entry was recorded might not show in the file's modification time. */
const racyMilliseconds = 2000;

/**
 * The module sources each Terraform file calls, by path and stat signature: root discovery needs them for every
 * file of a repository, and on an unchanged repository reads none of them.
 */
export class ModuleCallIndex {
  private readonly entries: Map<string, IndexEntry>;
  private readonly used = new Map<string, IndexEntry>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    entries: Record<string, IndexEntry>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  /** The index kept in a cache directory (empty when there is none yet), or one kept in memory only. */
  static open(directory: string | undefined): ModuleCallIndex {
    if (directory === undefined) return new ModuleCallIndex(undefined, {});
    const file = path.join(directory, 'module-calls.json');
    try {
      return new ModuleCallIndex(file, JSON.parse(readFileSync(file, 'utf8')) as Record<string, IndexEntry>);
    } catch {
      return new ModuleCallIndex(file, {});
    }
  }

  /** The sources recorded for a file whose signature has not changed since, if any. */
  get(file: string, signature: string): readonly string[] | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.signature !== signature || entry.modified >= entry.recorded - racyMilliseconds) return undefined;
    this.used.set(file, entry);
    return entry.sources;
  }

  set(file: string, signature: string, modified: number, sources: readonly string[]): void {
    const entry = { signature, modified, recorded: Date.now(), sources };
    this.used.set(file, entry);
    this.changed = true;
  }

  /** Writes the entries this scan used, when any was new; a write that fails only costs speed. */
  async save(): Promise<void> {
    if (!this.file || !this.changed) return;
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await makeDirectories(path.dirname(this.file));
      // Entries of other repositories sharing the cache stay; those this scan saw are replaced.
      const all = { ...Object.fromEntries(this.entries), ...Object.fromEntries(this.used) };
      await writeFile(temporary, JSON.stringify(all));
      await rename(temporary, this.file);
      this.changed = false;
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}
