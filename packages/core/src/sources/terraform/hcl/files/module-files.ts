import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
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

/** What reading module files may also do: log every read for the result cache, and leave out excluded files. */
export interface ReadOptions {
  readonly log?: InputLog;
  readonly excluded?: (file: string) => boolean;
}

/**
 * Reads the `.tf` and `.tf.json` files directly inside a module directory (Terraform does not recurse: subdirectories
 * are modules only when called). Unreadable, looping or oversized files are reported and skipped.
 */
export async function readModuleFiles(directory: string, relative: (file: string) => string, notifications: Notification[], options: ReadOptions = {}): Promise<SourceFile[]> {
  let names: string[];
  try {
    const all = await readdir(directory);
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
  const files = await Promise.all(names.map((name) => readSourceFile(path.join(directory, name), relative, notifications, options.log)));
  return files.filter((f): f is SourceFile => f !== undefined);
}

/** Reads one configuration file, or reports why it cannot be read. */
export async function readSourceFile(file: string, relative: (file: string) => string, notifications: Notification[], log?: InputLog): Promise<SourceFile | undefined> {
  const name = relative(file);
  try {
    // One open for the size check and the read (a thousand files make extra stat calls add up); non-blocking, so a
    // FIFO named like a .tf file cannot stall the scan before it is seen not to be a regular file.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    let text: string;
    try {
      const info = await handle.stat();
      if (!info.isFile()) return undefined;
      if (info.size > maxFileBytes) {
        log?.record('file', file, undefined);
        notifications.push({
          level: 'error',
          code: 'file-too-large',
          message: `${name}: the file is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${maxFileBytes / 1024 / 1024} MB limit, and was not scanned; split it or remove it from the scanned directory.`,
          subject: name,
        });
        return undefined;
      }
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
    log?.record('file', file, text);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { file, kind: file.endsWith('.json') ? 'tf.json' : 'tf', text };
  } catch (error) {
    log?.record('file', file, undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a broken symbolic link' : describeError(error);
    notifications.push({ level: 'error', code: 'input-error', message: `${name}: cannot read the file (${problem}); it was not scanned.`, subject: name });
    return undefined;
  }
}
