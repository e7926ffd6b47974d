import { hash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDirectories } from '../../../../files/make-directories.js';
import type { SourceOutput } from '../../../source.js';
import { toolVersion } from '../../../../version.js';
import { digestOf, type InputRecord } from '../files/input-log.js';
import { relevantNames, statSignature, type FileTexts } from '../files/module-files.js';
import { listMatching } from '../files/configuration-files.js';
import { globToRegExp } from '../../../../files/path-glob.js';
import { restoreOutput, storeOutput, type StoredOutput } from './output-json.js';

/** Bumped whenever what a cached entry holds, or how inputs are recorded, changes. */
const formatVersion = 3;

/**
 * A file whose stat signature matches the one recorded is trusted unread, unless it was modified this close to the
 * recording: a change within the same tick of the clock would not show in its modification time.
 */
const racyMilliseconds = 2000;

/** What a cached evaluation of one root holds, beside its resources (kept in a file of their own). */
interface Entry {
  /** When the inputs were recorded (ms). */
  readonly recorded: number;
  readonly inputs: readonly InputRecord[];
  /** The output without its resources. */
  readonly summary: CachedSummary;
}

/** What an evaluated root produced, apart from its resources. */
export interface CachedSummary {
  readonly name: string;
  readonly kind: string;
  readonly resourceCount: number;
  readonly notifications: SourceOutput['notifications'];
  readonly waivers: NonNullable<SourceOutput['waivers']>;
  /** The tree hash of the files the evaluation read, for the evidence ledger. */
  readonly inputs?: SourceOutput['inputs'];
}

/**
 * A cache of evaluated root modules. The key covers everything given to the evaluation (the root, the variables,
 * `--var-file` paths, `TF_VAR_*`, the workspace, excludes, the tool and its code); the entry lists every input the
 * evaluation read (files, directory listings, the lock file, `file()`/`fileset()` reads) with a digest, and holds
 * only while every digest still matches. So an unchanged root costs checking its files, not evaluating them. Beside
 * an entry: its resources, and the findings of rule sets the caller identified (see `ScanOptions.rulesIdentity`).
 */
export class ResultCache {
  /** Entries already checked in this scan, by key (a root several targets share is checked once). */
  private readonly checked = new Map<string, CachedSummary | undefined>();

  private constructor(readonly directory: string) {}

  /**
   * The cache for a scan: `option` when it is a directory, none when it is `false`, else `node_modules/.cache/trustscan`
   * under the root when the root has `node_modules`, else a folder in the OS temp directory.
   */
  static open(option: string | false | undefined, root: string): ResultCache | undefined {
    if (option === false) return undefined;
    if (typeof option === 'string') return new ResultCache(path.resolve(option));
    const modules = path.join(root, 'node_modules');
    return new ResultCache(existsSync(modules) ? path.join(modules, '.cache', 'trustscan') : path.join(os.tmpdir(), 'trustscan-cache'));
  }

  /** The key of an evaluation, from everything it was given (not what it read). */
  key(given: unknown): string {
    return hash('sha256', JSON.stringify([formatVersion, toolVersion, codeStamp(), given]), 'hex');
  }

  /**
   * The summary of a cached evaluation, when the entry exists and every input it read is unchanged. Files read in
   * this scan are taken from `texts`.
   */
  check(key: string, texts: FileTexts): CachedSummary | undefined {
    if (this.checked.has(key)) return this.checked.get(key);
    let summary: CachedSummary | undefined;
    try {
      const entry = JSON.parse(readFileSync(this.file(key, 'entry'), 'utf8')) as Entry;
      if (Array.isArray(entry.inputs) && typeof entry.summary === 'object' && typeof entry.recorded === 'number' && entry.inputs.every((input) => unchanged(input, entry.recorded, texts))) {
        summary = entry.summary;
      }
    } catch {
      summary = undefined;
    }
    this.checked.set(key, summary);
    return summary;
  }

  /** The whole cached output of an entry `check` found unchanged. */
  get(key: string, texts: FileTexts): SourceOutput | undefined {
    const summary = this.check(key, texts);
    if (!summary) return undefined;
    try {
      const stored = JSON.parse(readFileSync(this.file(key, 'resources'), 'utf8')) as StoredOutput;
      const { resources } = restoreOutput(stored);
      if (resources.length !== summary.resourceCount) return undefined;
      return { name: summary.name, kind: summary.kind, resources, notifications: summary.notifications, waivers: summary.waivers, cacheKey: key, ...(summary.inputs ? { inputs: summary.inputs } : {}) };
    } catch {
      return undefined;
    }
  }

  /** Stores an evaluation; a cache that cannot be written only costs speed. */
  async set(key: string, recorded: number, inputs: readonly InputRecord[], output: SourceOutput): Promise<void> {
    const summary: CachedSummary = { name: output.name, kind: output.kind, resourceCount: output.resources.length, notifications: output.notifications, waivers: output.waivers ?? [], ...(output.inputs ? { inputs: output.inputs } : {}) };
    // The resources first: an entry never points at resources that are not written yet.
    if (await this.write(this.file(key, 'resources'), JSON.stringify(storeOutput({ ...output, notifications: [], waivers: [] })))) {
      await this.write(this.file(key, 'entry'), JSON.stringify({ recorded, inputs, summary } satisfies Entry));
    }
    this.checked.set(key, summary);
  }

  /** Findings of an unchanged root for a rule set, as stored by `setFindings`. */
  findings<T>(key: string, rulesKey: string): T | undefined {
    try {
      return JSON.parse(readFileSync(this.file(`${key}-${rulesKey}`, 'findings'), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  async setFindings(key: string, rulesKey: string, findings: unknown): Promise<void> {
    await this.write(this.file(`${key}-${rulesKey}`, 'findings'), JSON.stringify(findings));
  }

  private async write(file: string, text: string): Promise<boolean> {
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await makeDirectories(path.dirname(file));
      await writeFile(temporary, text);
      await rename(temporary, file);
      return true;
    } catch {
      // A read-only or full disk only costs speed.
      return false;
    }
  }

  private file(key: string, kind: 'entry' | 'resources' | 'findings'): string {
    return path.join(this.directory, kind === 'findings' ? 'findings' : 'roots', kind === 'resources' ? `${key}.resources.json` : `${key}.json`);
  }
}

/** Whether an input still holds what was recorded: by its stat signature when that can be trusted, else by its digest. */
function unchanged(input: InputRecord, recorded: number, texts: FileTexts): boolean {
  if (input.kind === 'file' && input.signature !== undefined && input.modified !== undefined && input.modified < recorded - racyMilliseconds) {
    try {
      if (statSignature(statSync(input.subject)) === input.signature) return true;
    } catch {
      return false;
    }
  }
  return currentDigest(input, texts) === input.digest;
}

/** The digest an input has now, computed the way it was recorded. */
function currentDigest(input: InputRecord, texts: FileTexts): string {
  switch (input.kind) {
    case 'file': {
      const read = texts.read(input.subject);
      return digestOf(read.kind === 'text' ? read.text : undefined);
    }
    case 'directory': {
      try {
        return digestOf(relevantNames(readdirSync(input.subject)).join('\n'));
      } catch {
        return digestOf(undefined);
      }
    }
    case 'exists': {
      let exists = false;
      try {
        exists = statSync(input.subject).isFile();
      } catch {
        exists = false;
      }
      return digestOf(String(exists));
    }
    case 'fileset': {
      const [base, pattern, realModule] = input.subject.split('\0') as [string, string, string];
      const found = listMatching(base, globToRegExp(pattern), realModule);
      return digestOf(Array.isArray(found) ? found.join('\n') : undefined);
    }
  }
}

let stamp: string | undefined;

/**
 * The identity of the code that evaluates Terraform (the sizes and times of its files), so a cache written by
 * another build of the same version is not trusted.
 */
function codeStamp(): string {
  if (stamp === undefined) {
    const terraformSources = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    const parts: string[] = [];
    const visit = (directory: string): void => {
      for (const name of readdirSync(directory).sort()) {
        const full = path.join(directory, name);
        const info = statSync(full);
        if (info.isDirectory()) visit(full);
        else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) parts.push(`${path.relative(terraformSources, full)}:${info.size}:${info.mtimeMs}`);
      }
    };
    try {
      visit(terraformSources);
    } catch {
      parts.push('unreadable');
    }
    stamp = hash('sha256', parts.join('\n'), 'hex');
  }
  return stamp;
}
