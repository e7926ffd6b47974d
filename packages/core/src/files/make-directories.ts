import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `directory` and its missing parents, one level at a time. Node's `mkdir(…, { recursive: true })` never
 * returns for some paths (under `/proc`, for one), and a report or cache write must fail with an error, not hang.
 */
export async function makeDirectories(directory: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(directory);
  while (!(await exists(current))) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
