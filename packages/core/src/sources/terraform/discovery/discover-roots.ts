import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PathExclusion } from '../../../files/path-exclusion.js';
import { ScanAbortedError, describeError } from '../../../model/errors.js';
import type { Notification } from '../../../model/finding.js';
import { isLocalSource } from '../hcl/config/installed-modules.js';
import { statSync } from 'node:fs';
import { isConfigurationFile, linkOutsideNote, linksOutside, readSourceFile, statSignature, type FileTexts } from '../hcl/files/module-files.js';
import type { ModuleCallIndex } from '../hcl/cache/module-call-index.js';
import type { FileParser } from '../hcl/parse/parse-files.js';
import { moduleSources } from './module-calls.js';
import { stronglyConnectedComponents } from './components.js';

/** A repository walk stops after this many directories (with an error naming the way out: `--exclude`). */
export const maxDirectories = 100_000;
/** Directories read at once during the walk. */
const walkConcurrency = 32;

/** The Terraform root modules found under a directory. */
export interface RootDiscovery {
  /** The directory walked, absolute. */
  readonly directory: string;
  /** Root module directories, absolute, sorted; the walked directory first when it is one. */
  readonly roots: readonly string[];
  /** Directories with Terraform files that other scanned configurations call: scanned through their callers only. */
  readonly calledOnly: readonly string[];
  /** How many directories were walked. */
  readonly directories: number;
  readonly notifications: readonly Notification[];
}

export interface DiscoveryOptions {
  readonly exclusion: PathExclusion;
  readonly parser: FileParser;
  /** Files read in this scan, shared with the roots that read them again. */
  readonly texts?: FileTexts;
  /** The module sources of files unchanged since an earlier scan, so those files need not be read. */
  readonly calls?: ModuleCallIndex;
  /** A path relative to the scan root, for messages. */
  readonly relative: (file: string) => string;
  readonly signal?: AbortSignal;
  /** The most directories to walk (tests lower it). */
  readonly maxDirectories?: number;
  /** The repository: symbolic links leading outside it are not followed. */
  readonly boundary?: string;
}

/**
 * Walks a directory for Terraform configurations. Every directory holding `.tf`/`.tf.json` files is a candidate
 * root; one that another candidate calls as a local module (`source = "../x"`) is scanned through its callers only,
 * unless it calls its caller back (a cycle, which Terraform rejects): then each is scanned as a root and reports the
 * cycle. Hidden directories (`.terraform`, `.git`), `node_modules` and excluded paths are not walked; symbolic links
 * to directories are followed once each, so a link loop ends the walk there with a warning.
 */
export async function discoverRoots(directory: string, options: DiscoveryOptions): Promise<RootDiscovery> {
  const start = path.resolve(directory);
  const notifications: Notification[] = [];
  const candidates = new Map<string, string[]>();
  const seen = new Set<string>([await realpath(start).catch(() => start)]);
  let walked = 0;
  let level = [start];
  while (level.length > 0) {
    if (options.signal?.aborted) throw new ScanAbortedError();
    const next: string[] = [];
    for (let i = 0; i < level.length; i += walkConcurrency) {
      const batch = level.slice(i, i + walkConcurrency);
      const listings = await Promise.all(batch.map(async (dir) => ({ dir, entries: await list(dir, options, notifications) })));
      for (const { dir, entries } of listings) {
        walked++;
        const files: string[] = [];
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          const relative = toSlashes(path.relative(start, full));
          if (entry.isDirectory() || entry.isSymbolicLink()) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
            const target = await directoryTarget(full, entry, options, notifications);
            if (target === undefined || options.exclusion.excludes(relative, true)) continue;
            if (seen.has(target)) {
              // A link to a directory above it is a loop; a second way to a directory already walked is only skipped.
              const parent = await realpath(dir).catch(() => dir);
              if (entry.isSymbolicLink() && (parent === target || parent.startsWith(target + path.sep))) {
                notifications.push(linkNote(options.relative(full), 'leads back to a directory above it (a loop)'));
              }
              continue;
            }
            seen.add(target);
            next.push(full);
          } else if (isConfigurationFile(entry.name) && !options.exclusion.excludes(relative, false)) {
            files.push(full);
          }
        }
        if (files.length > 0) candidates.set(dir, files.sort());
      }
      const limit = options.maxDirectories ?? maxDirectories;
      if (walked + next.length > limit) {
        notifications.push({
          level: 'error',
          code: 'too-many-directories',
          message: `${options.relative(start) || '.'}: more than ${limit.toLocaleString('en')} directories; the walk stopped there. Exclude what holds no Terraform with --exclude (or exclude: in the config file).`,
          subject: options.relative(start) || '.',
        });
        return finish(start, candidates, walked, notifications, options);
      }
    }
    level = next;
  }
  return finish(start, candidates, walked, notifications, options);
}

async function finish(start: string, candidates: Map<string, string[]>, walked: number, notifications: Notification[], options: DiscoveryOptions): Promise<RootDiscovery> {
  const directories = [...candidates.keys()].sort(compare);
  const real = new Map<string, string>();
  await Promise.all(directories.map(async (dir) => real.set(await realpath(dir).catch(() => dir), dir)));
  // Who calls whom among the candidates, through local module sources.
  const calls = new Map<string, Set<string>>(directories.map((dir) => [dir, new Set<string>()]));
  for (const dir of directories) {
    for (const file of candidates.get(dir) ?? []) {
      for (const moduleSource of sourcesOf(file, options)) {
        if (!isLocalSource(moduleSource)) continue;
        const target = path.resolve(dir, moduleSource);
        const callee = real.get(await realpath(target).catch(() => target));
        if (callee !== undefined && callee !== dir) calls.get(dir)?.add(callee);
      }
    }
  }
  const components = stronglyConnectedComponents(directories, (dir) => calls.get(dir) ?? []);
  const componentOf = new Map<string, number>();
  components.forEach((members, index) => members.forEach((dir) => componentOf.set(dir, index)));
  const calledFromOutside = new Set<number>();
  for (const [caller, callees] of calls) {
    for (const callee of callees) if (componentOf.get(caller) !== componentOf.get(callee)) calledFromOutside.add(componentOf.get(callee) as number);
  }
  await options.calls?.save();
  const roots = directories.filter((dir) => !calledFromOutside.has(componentOf.get(dir) as number));
  const ordered = [...roots.filter((dir) => dir === start), ...roots.filter((dir) => dir !== start)];
  return { directory: start, roots: ordered, calledOnly: directories.filter((dir) => !roots.includes(dir)), directories: walked, notifications };
}

/** The module sources a file calls: from the index when the file is unchanged, else read from the file. */
function sourcesOf(file: string, options: DiscoveryOptions): readonly string[] {
  let signature: string | undefined;
  let modified = 0;
  try {
    const stats = statSync(file);
    signature = statSignature(stats);
    modified = stats.mtimeMs;
    const known = options.calls?.get(file, signature);
    if (known) return known;
  } catch {
    return [];
  }
  const source = readSourceFile(file, options.relative, [], undefined, options.texts, options.boundary);
  if (!source) return [];
  const sources = moduleSources(options.parser.parse(source.kind, source.text).body);
  options.calls?.set(file, signature, modified, sources);
  return sources;
}

async function list(directory: string, options: DiscoveryOptions, notifications: Notification[]): Promise<Dirent[]> {
  try {
    return (await readdir(directory, { withFileTypes: true })).sort((a, b) => compare(a.name, b.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    notifications.push({
      level: code === 'ENOENT' || code === 'ENOTDIR' ? 'warning' : 'error',
      code: 'input-error',
      message: `${options.relative(directory) || '.'}: cannot read the directory (${code === 'EACCES' ? 'permission denied' : describeError(error)}); what it holds was not scanned.`,
      subject: options.relative(directory) || '.',
    });
    return [];
  }
}

/** The real path of a directory entry that is a directory (or a link to one), else `undefined`. */
async function directoryTarget(full: string, entry: Dirent, options: DiscoveryOptions, notifications: Notification[]): Promise<string | undefined> {
  if (!entry.isSymbolicLink()) return realpath(full).catch(() => full);
  try {
    if (!(await stat(full)).isDirectory()) return undefined;
    if (options.boundary !== undefined && linksOutside(full, options.boundary)) {
      notifications.push(linkOutsideNote(options.relative(full)));
      return undefined;
    }
    return await realpath(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') notifications.push(linkNote(options.relative(full), 'is a symbolic link loop'));
    return undefined;
  }
}

function linkNote(subject: string, what: string): Notification {
  return { level: 'warning', code: 'symlink-loop', message: `${subject}: the symbolic link ${what}; it was not followed.`, subject };
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
