import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toolVersion, type Rule } from '@trustscan/core';

const require = createRequire(import.meta.url);

/**
 * Identifies the rules a scan runs and everything that decides how they judge, for the findings cache of unchanged
 * Terraform roots: the tool's version, the rule pack's code (its files' sizes and times), each rule's metadata and
 * code, the config file (enable, disable, severity and rule options), and the files of the rule directories.
 */
export function rulesIdentity(rules: readonly Rule[], configFile: string | undefined, directories: readonly string[]): string {
  const digest = createHash('sha256');
  digest.update(toolVersion).update('\0');
  digest.update(packageStamp('@trustscan/rules')).update('\0');
  for (const rule of rules) digest.update(JSON.stringify(rule.meta)).update(rule.evaluate.toString()).update('\0');
  digest.update(configFile === undefined ? '' : readText(configFile)).update('\0');
  for (const directory of directories) for (const file of filesUnder(directory)) digest.update(file).update(readText(file)).update('\0');
  return digest.digest('hex');
}

/** The sizes and times of a package's files, to tell one build of it from another. */
function packageStamp(name: string): string {
  try {
    return filesUnder(path.dirname(require.resolve(name)))
      .map((file) => {
        const info = statSync(file);
        return `${file}:${info.size}:${info.mtimeMs}`;
      })
      .join('\n');
  } catch {
    return 'unknown';
  }
}

function filesUnder(directory: string): string[] {
  const files: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 8) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full, depth + 1);
      else if (entry.isFile()) files.push(full);
    }
  };
  visit(directory, 0);
  return files;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
