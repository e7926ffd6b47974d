import { hash } from 'node:crypto';
import { InputDigest } from '../../../../files/input-digest.js';
import type { TargetInputs } from '../../../../model/finding.js';

/** What an evaluation read: a file's text, a directory's Terraform files, whether a path exists, a `fileset()`. */
export type InputKind = 'file' | 'directory' | 'exists' | 'fileset';

/** One recorded input: what was read and a digest of what it held (`absent` when it could not be read). */
export interface InputRecord {
  readonly kind: InputKind;
  /** An absolute path; for `fileset`, the directory, the pattern and the module directory joined by NULs. */
  readonly subject: string;
  readonly digest: string;
  /** For files: size, modification time and inode when read, so an untouched file needs no reading to be trusted. */
  readonly signature?: string;
  /** For files: the modification time when read (ms). */
  readonly modified?: number;
}

/**
 * Every input one root's evaluation read, with a digest of each, so a later scan can tell whether the evaluated
 * result still holds without evaluating again (see result-cache.ts).
 */
export class InputLog {
  private readonly records = new Map<string, InputRecord>();

  record(kind: InputKind, subject: string, content: string | undefined, signature?: string, modified?: number): void {
    const key = `${kind}\0${subject}`;
    if (this.records.has(key)) return;
    this.records.set(key, { kind, subject, digest: digestOf(content), ...(signature === undefined ? {} : { signature }), ...(modified === undefined ? {} : { modified }) });
  }

  list(): InputRecord[] {
    return [...this.records.values()];
  }

  /** The tree hash of the files read (paths relative to the scan root), for the evidence of what was scanned. */
  treeInputs(relative: (file: string) => string): TargetInputs {
    const digest = new InputDigest();
    for (const input of this.records.values()) {
      if (input.kind === 'file' && input.digest !== absent) digest.addDigest(relative(input.subject), input.digest);
    }
    return { sha256: digest.treeHash(), files: digest.size };
  }
}

const absent = 'absent';

/**
 * The digest of an input as recorded: the SHA-256 of the content (the same the evidence tree hash uses), or
 * `absent`.
 */
export function digestOf(content: string | undefined): string {
  return content === undefined ? absent : hash('sha256', content, 'hex');
}
