import { stat } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames } from './config.js';

/**
 * Finds the config file for a directory: the first `trustscan.config.yaml`, `.yml` or `.json` in it or a parent,
 * stopping at the repository root (the first directory holding `.git`) so a scan inside one repository never picks
 * up a file from outside it. Returns the absolute path, or undefined.
 */
export async function findConfigFile(from: string): Promise<string | undefined> {
  let directory = path.resolve(from);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = path.join(directory, name);
      if (await isFile(candidate)) return candidate;
    }
    if (await exists(path.join(directory, '.git'))) return undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
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
