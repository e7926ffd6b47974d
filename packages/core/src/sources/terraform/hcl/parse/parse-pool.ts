import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedFile, TerraformFileKind } from './parsed-file.js';

interface Pending {
  readonly resolve: (result: ParsedFile) => void;
  readonly reject: (error: Error) => void;
}

interface Job {
  readonly id: number;
  readonly kind: TerraformFileKind;
  readonly text: string;
  readonly pending: Pending;
}

/** How many files a worker holds at once: overlapping calls hides hcl2json's waits, a bound keeps workers evenly loaded. */
const inFlightPerWorker = 8;

/**
 * Worker threads that parse files with hcl2json and tree-sitter, each with its own WASM instances (hcl2json runs
 * one parse at a time per instance, so threads are the only way to use more than one core).
 */
export class ParsePool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      const slot = { worker, busy: 0 };
      worker.on('message', (message: { id: number; result?: ParsedFile; error?: string }) => {
        slot.busy--;
        // An idle worker must not keep the process alive; a busy one must, or awaiting it would end the process.
        if (slot.busy === 0) worker.unref();
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(message.error));
        else if (message.result) pending?.resolve(message.result);
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(error));
      worker.unref();
      this.workers.push(slot);
    }
  }

  /** A pool of `size` workers, or `undefined` when the worker script is not built (tests run from TypeScript sources). */
  static create(size: number): ParsePool | undefined {
    const script = new URL('./parse-worker.js', import.meta.url);
    if (!existsSync(fileURLToPath(script))) return undefined;
    return new ParsePool(script, size);
  }

  parse(kind: TerraformFileKind, text: string): Promise<ParsedFile> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<ParsedFile>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, text, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.workers) {
      while (slot.busy < inFlightPerWorker && this.queue.length > 0) {
        const job = this.queue.shift() as Job;
        this.pending.set(job.id, job.pending);
        slot.busy++;
        slot.worker.ref();
        slot.worker.postMessage({ id: job.id, kind: job.kind, text: job.text });
      }
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const job of this.queue.splice(0)) job.pending.reject(error);
  }
}
