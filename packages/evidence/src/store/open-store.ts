import path from 'node:path';
import { InputError } from '@trustscan/core';
import { DirectoryStore } from './directory-store.js';
import type { EvidenceStore } from './evidence-store.js';

export interface OpenStoreOptions {
  /** Days to lock each new record in an S3 store with Object Lock. */
  readonly retainDays?: number;
  /** What a relative directory is relative to (default: the working directory). */
  readonly cwd?: string;
}

/**
 * Opens a store by location: `s3://bucket/prefix`, or a directory (created on the first append). The S3 client is
 * loaded only for S3 stores.
 */
export async function openEvidenceStore(location: string, options: OpenStoreOptions = {}): Promise<EvidenceStore> {
  if (location.startsWith('s3://')) {
    const { S3Store } = await import('./s3-store.js');
    return new S3Store(location, options.retainDays === undefined ? {} : { retainDays: options.retainDays });
  }
  if (options.retainDays !== undefined) {
    throw new InputError(`${location}: a directory cannot lock records for ${options.retainDays} days; retention needs an s3:// store in a bucket with Object Lock, so drop the retention setting or use one.`, {
      subject: location,
    });
  }
  return new DirectoryStore(location, { directory: path.resolve(options.cwd ?? process.cwd(), location) });
}
