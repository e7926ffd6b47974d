import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputLog } from '../files/input-log.js';

/**
 * The modules `terraform init` installed, from `.terraform/modules/modules.json`: module key (`a.b` for
 * `module.a.module.b`) to its absolute directory. Empty when there is no manifest.
 */
export function readInstalledModules(rootDirectory: string, log?: InputLog): ReadonlyMap<string, string> {
  const installed = new Map<string, string>();
  const file = path.join(rootDirectory, '.terraform', 'modules', 'modules.json');
  let manifest: { Modules?: { Key?: unknown; Dir?: unknown }[] };
  try {
    const text = readFileSync(file, 'utf8');
    log?.record('file', file, text);
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    log?.record('file', file, undefined);
    return installed;
  }
  for (const entry of Array.isArray(manifest.Modules) ? manifest.Modules : []) {
    if (typeof entry.Key === 'string' && entry.Key !== '' && typeof entry.Dir === 'string') installed.set(entry.Key, path.resolve(rootDirectory, entry.Dir));
  }
  return installed;
}

/** Whether a module source is a local path (the only kind read without `terraform init`). */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}
