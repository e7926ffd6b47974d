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
const formatVersion = 2;

/**
 * A file whose stat signature matches the one recorded is trusted unread, unless it was modified this close to the
 * recording: a change within the same tick of the clock would not show in its modification time.
 */
const racyMilliseconds = 2000;

/** What a cached evaluation of one root holds: the inputs it read, with their digests, and what it produced. */
interface Entry {
  /** When the inputs were recorded (ms). */
  readonly recorded: number;
  readonly inputs: readonly InputRecord[];
  readonly stored: StoredOutput;
}

/**
 * A cache of evaluated root modules. The key covers everything given to the evaluation (the root, the variables,
 * `--var-file` paths, `TF_VAR_*`, the workspace, excludes, the tool and its code); the entry lists every input the
 * evaluation read (files, directory listings, the lock file, `file()`/`fileset()` reads) with a digest, and holds
 * only while every digest still matches. So an unchanged root costs reading its files, not evaluating them.
 */
export class ResultCache {
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
   * The cached output, when the entry exists and every input it read is unchanged. Files read in this scan are
   * taken from `texts`.
   */
  get(key: string, texts: FileTexts): SourceOutput | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (!Array.isArray(entry.inputs) || typeof entry.stored !== 'object' || typeof entry.recorded !== 'number') return undefined;
    for (const input of entry.inputs) if (!unchanged(input, entry.recorded, texts)) return undefined;
    try {
      return restoreOutput(entry.stored);
    } catch {
      return undefined;
    }
  }

  /** Stores an evaluation; a cache that cannot be written only costs speed. */
  async set(key: string, recorded: number, inputs: readonly InputRecord[], output: SourceOutput): Promise<void> {
    const file = this.file(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await makeDirectories(path.dirname(file));
      await writeFile(temporary, JSON.stringify({ recorded, inputs, stored: storeOutput(output) } satisfies Entry));
      await rename(temporary, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }

  private file(key: string): string {
    return path.join(this.directory, 'roots', `${key}.json`);
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
