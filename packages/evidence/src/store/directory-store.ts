import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeError } from '@trustscan/core';
import { recordPath, seqOfRecordName } from '../format/record-format.js';
import type { EvidenceStore } from './evidence-store.js';

/** Temporary files older than this are leftovers of an interrupted append (a live append takes well under a second). */
const staleTemporaryMs = 10 * 60 * 1000;
const temporaryPrefix = '.tmp-';

export interface DirectoryStoreOptions {
  /** The directory, when `location` (kept for messages) is relative to another directory than the working one. */
  readonly directory?: string;
  /** For tests: runs between writing a record's temporary file and linking it into its slot. */
  readonly beforeLink?: (temporaryFile: string) => Promise<void>;
}

/**
 * A store in a local (or mounted) directory. A record is written to a temporary file, synced, then hard-linked to
 * its slot: `link()` fails when the slot exists, so two appenders never overwrite each other and a crash leaves at
 * worst a temporary file, never a half-written record.
 */
export class DirectoryStore implements EvidenceStore {
  private readonly root: string;
  private readonly records: string;

  constructor(
    readonly location: string,
    private readonly options: DirectoryStoreOptions = {},
  ) {
    this.root = path.resolve(options.directory ?? location);
    this.records = path.join(this.root, 'records');
  }

  async prepareAppend(): Promise<void> {
    try {
      await mkdir(this.records, { recursive: true });
    } catch (error) {
      throw this.failure(error, 'create the store directory');
    }
    await this.removeStaleTemporaries();
  }

  async listRecords(): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.records);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await isDirectory(this.root))) return [];
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new InputError(`${this.location}: no evidence store here (no such directory); record scans into it with \`trustscan scan --evidence ${this.location}\`.`, { subject: this.location });
      }
      throw this.failure(error, 'list the records');
    }
    return names.map(seqOfRecordName).filter((seq): seq is number => seq !== undefined).sort((a, b) => a - b);
  }

  async readRecord(seq: number): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.slot(seq));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.failure(error, `read ${recordPath(seq)}`);
    }
  }

  async readRecordStart(seq: number, length: number): Promise<Uint8Array | undefined> {
    let handle;
    try {
      handle = await open(this.slot(seq), 'r');
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.failure(error, `read ${recordPath(seq)}`);
    } finally {
      await handle?.close();
    }
  }

  async createRecord(seq: number, bytes: Uint8Array): Promise<boolean> {
    const temporary = path.join(this.records, `${temporaryPrefix}${process.pid}-${randomUUID()}`);
    try {
      await writeSynced(temporary, bytes);
      await this.options.beforeLink?.(temporary);
      try {
        await link(temporary, this.slot(seq));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
      await syncDirectory(this.records);
      return true;
    } catch (error) {
      throw this.failure(error, `write ${recordPath(seq)}`);
    } finally {
      await unlink(temporary).catch(() => {});
    }
  }

  async readHead(): Promise<Uint8Array | undefined> {
    try {
      return await readFile(path.join(this.root, 'HEAD'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.failure(error, 'read HEAD');
    }
  }

  async writeHead(bytes: Uint8Array): Promise<void> {
    const temporary = path.join(this.root, `${temporaryPrefix}HEAD-${process.pid}-${randomUUID()}`);
    try {
      await writeSynced(temporary, bytes);
      await rename(temporary, path.join(this.root, 'HEAD'));
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw this.failure(error, 'write HEAD');
    }
  }

  async leftovers(): Promise<string[]> {
    const found: string[] = [];
    for (const [directory, shown] of [
      [this.root, ''],
      [this.records, 'records/'],
    ] as const) {
      const names = await readdir(directory).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (name.startsWith(temporaryPrefix)) found.push(`${shown}${name} is a temporary file left by an interrupted append (the next append removes it after ten minutes)`);
        else if (directory === this.records && seqOfRecordName(name) === undefined) found.push(`records/${name} is not a record and was ignored`);
      }
    }
    return found;
  }

  close(): void {}

  private slot(seq: number): string {
    return path.join(this.root, recordPath(seq));
  }

  private async removeStaleTemporaries(): Promise<void> {
    const now = Date.now();
    for (const directory of [this.root, this.records]) {
      const names = await readdir(directory).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.startsWith(temporaryPrefix))) {
        const file = path.join(directory, name);
        const info = await stat(file).catch(() => undefined);
        if (info && now - info.mtimeMs > staleTemporaryMs) await unlink(file).catch(() => {});
      }
    }
  }

  private failure(error: unknown, doing: string): InputError {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'a file is in the way of the directory'
              : describeError(error);
    const hint = doing.startsWith('read') || doing.startsWith('list') ? 'check that the store can be read' : 'make the directory writable or choose another store';
    return new InputError(`${this.location}: cannot ${doing} in the evidence store (${reason}); ${hint}.`, {
      subject: this.location,
      cause: error,
    });
  }
}

async function writeSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', 0o444);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a new directory entry durable; some file systems refuse to sync a directory, which costs only durability. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

async function isDirectory(directory: string): Promise<boolean> {
  return stat(directory).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
