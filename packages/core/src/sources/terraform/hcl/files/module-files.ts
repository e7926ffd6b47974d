import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { describeError } from '../../../../model/errors.js';
import type { Notification } from '../../../../model/finding.js';
import type { InputLog } from './input-log.js';

/** Files larger than this are skipped with an error: no hand-written Terraform comes close. */
export const maxFileBytes = 10 * 1024 * 1024;

/** A Terraform file read from disk. */
export interface SourceFile {
  /** Absolute path. */
  readonly file: string;
  readonly kind: 'tf' | 'tf.json';
  readonly text: string;
}

/** Whether a file name is Terraform configuration that Terraform itself would read. */
export function isConfigurationFile(name: string): boolean {
  return !name.startsWith('.') && (name.endsWith('.tf') || name.endsWith('.tf.json'));
}

/** Whether a file name is one of the variable files Terraform reads by itself in a root module. */
export function isAutomaticVariableFile(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}

/** The names in a directory listing that an evaluation depends on: Terraform files and automatic variable files, sorted. */
export function relevantNames(names: readonly string[]): string[] {
  return names.filter((name) => isConfigurationFile(name) || isAutomaticVariableFile(name)).sort();
}

/** A file's size, modification time and inode, to tell cheaply whether it may have changed. */
export function statSignature(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}

/** What reading a file gave: its text (with its stat signature), or why there is none. */
export type FileRead =
  | { readonly kind: 'text'; readonly text: string; readonly signature: string; readonly modified: number }
  | { readonly kind: 'not-a-file' }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * Reads a file in one open: non-blocking, so a FIFO named like a `.tf` file cannot stall the scan before it is
 * seen not to be a regular file; synchronous, since a thousand small reads cost more as promises than as calls.
 */
export function readFileOnce(file: string): FileRead {
  let handle: number | undefined;
  try {
    handle = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(handle);
    if (!stats.isFile()) return { kind: 'not-a-file' };
    if (stats.size > maxFileBytes) return { kind: 'too-large', size: stats.size };
    return { kind: 'text', text: readFileSync(handle, 'utf8'), signature: statSignature(stats), modified: stats.mtimeMs };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/** Files read in one scan, each once: discovery, every root that calls a shared module and the cache read them. */
export class FileTexts {
  private readonly reads = new Map<string, FileRead>();

  read(file: string): FileRead {
    let read = this.reads.get(file);
    if (!read) {
      read = readFileOnce(file);
      this.reads.set(file, read);
    }
    return read;
  }
}

/** What reading module files may also do: log every read for the result cache, leave out excluded files, share reads. */
export interface ReadOptions {
  readonly log?: InputLog;
  readonly excluded?: (file: string) => boolean;
  readonly texts?: FileTexts;
  /** The repository: a symbolic link leading outside it is not read. */
  readonly boundary?: string;
}

/**
 * Whether `entry` is a symbolic link whose target is outside `boundary` (both resolved): a `.tf` file or directory
 * linked from outside the repository (`main.tf -> /etc/…`, `modules -> ../../other-repo`) is not read.
 */
export function linksOutside(entry: string, boundary: string): boolean {
  try {
    if (!lstatSync(entry).isSymbolicLink()) return false;
    const target = realpathSync(entry);
    const bound = realpathSync(boundary);
    return target !== bound && !target.startsWith(bound.endsWith(path.sep) ? bound : bound + path.sep);
  } catch {
    // A broken link or a loop is reported by whoever reads it.
    return false;
  }
}

/** The warning for a link that leads outside the repository and was not followed. */
export function linkOutsideNote(subject: string): Notification {
  return {
    level: 'warning',
    code: 'symlink-outside',
    message: `${subject}: the symbolic link leads outside the repository and was not followed; trustscan reads nothing outside the repository it scans.`,
    subject,
  };
}

/**
 * Reads the `.tf` and `.tf.json` files directly inside a module directory (Terraform does not recurse: subdirectories
 * are modules only when called). Unreadable, looping or oversized files are reported and skipped.
 */
export async function readModuleFiles(directory: string, relative: (file: string) => string, notifications: Notification[], options: ReadOptions = {}): Promise<SourceFile[]> {
  let names: string[];
  try {
    const all = readdirSync(directory);
    options.log?.record('directory', directory, relevantNames(all).join('\n'));
    names = all.filter(isConfigurationFile).filter((name) => !options.excluded?.(path.join(directory, name))).sort();
  } catch (error) {
    options.log?.record('directory', directory, undefined);
    notifications.push({
      level: 'error',
      code: 'input-error',
      message: `${relative(directory) || '.'}: cannot read the directory (${describeError(error)}).`,
      subject: relative(directory) || '.',
    });
    return [];
  }
  return names.map((name) => readSourceFile(path.join(directory, name), relative, notifications, options.log, options.texts, options.boundary)).filter((f): f is SourceFile => f !== undefined);
}

/** Reads one configuration file, or reports why it cannot be read. */
export function readSourceFile(file: string, relative: (file: string) => string, notifications: Notification[], log?: InputLog, texts?: FileTexts, boundary?: string): SourceFile | undefined {
  const name = relative(file);
  if (boundary !== undefined && linksOutside(file, boundary)) {
    log?.record('file', file, undefined);
    notifications.push(linkOutsideNote(name));
    return undefined;
  }
  const read = texts ? texts.read(file) : readFileOnce(file);
  switch (read.kind) {
    case 'text': {
      log?.record('file', file, read.text, read.signature, read.modified);
      const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
      return { file, kind: file.endsWith('.json') ? 'tf.json' : 'tf', text };
    }
    case 'not-a-file':
      return undefined;
    case 'too-large':
      log?.record('file', file, undefined);
      notifications.push({
        level: 'error',
        code: 'file-too-large',
        message: `${name}: the file is ${(read.size / 1024 / 1024).toFixed(1)} MB, over the ${maxFileBytes / 1024 / 1024} MB limit, and was not scanned; split it or remove it from the scanned directory.`,
        subject: name,
      });
      return undefined;
    case 'error': {
      log?.record('file', file, undefined);
      const code = (read.error as NodeJS.ErrnoException).code;
      const problem = code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a broken symbolic link' : describeError(read.error);
      notifications.push({ level: 'error', code: 'input-error', message: `${name}: cannot read the file (${problem}); it was not scanned.`, subject: name });
      return undefined;
    }
  }
}
