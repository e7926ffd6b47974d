import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository a Terraform directory belongs to, which trustscan reads nothing outside of: the nearest directory
 * up from it holding `.git`; else the scan root when the directory is inside it; else the directory itself.
 */
export function repositoryOf(directory: string, scanRoot: string): string {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) break;
  }
  const root = path.resolve(scanRoot);
  const relative = path.relative(root, path.resolve(directory));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)) ? root : path.resolve(directory);
}
