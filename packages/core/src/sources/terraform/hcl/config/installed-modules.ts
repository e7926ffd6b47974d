import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The modules `terraform init` installed, from `.terraform/modules/modules.json`: module key (`a.b` for
 * `module.a.module.b`) to its absolute directory. Empty when there is no manifest.
 */
export function readInstalledModules(rootDirectory: string): ReadonlyMap<string, string> {
  const installed = new Map<string, string>();
  let manifest: { Modules?: { Key?: unknown; Dir?: unknown }[] };
  try {
    manifest = JSON.parse(readFileSync(path.join(rootDirectory, '.terraform', 'modules', 'modules.json'), 'utf8')) as typeof manifest;
  } catch {
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
