import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from '../../../../model/errors.js';
import { Unknown } from '../../../../model/value.js';
import type { ConfigurationFileAccess } from '../expression/evaluate.js';
import { EvaluationError } from '../expression/values.js';
import type { InputLog } from './input-log.js';
import { maxFileBytes } from './module-files.js';
import { globToRegExp } from '../../../../files/path-glob.js';

/** `fileset()` stops after this many entries, and at this depth: a module's own files are far fewer. */
const maxFilesetEntries = 10_000;
const maxFilesetDepth = 32;

/**
 * The files that `file()`, `templatefile()`, `filebase64()`, `fileexists()` and `fileset()` read. Relative paths
 * resolve from the root module directory, where Terraform runs. Nothing outside the repository is read (such a
 * value is unknown), and `fileset()` lists only the calling module's own directory. Every read is logged.
 */
export class ConfigurationFiles implements ConfigurationFileAccess {
  private readonly realBoundary: string;

  constructor(
    private readonly rootDirectory: string,
    /** The repository: nothing outside it is read. */
    boundary: string,
    private readonly log?: InputLog,
  ) {
    this.realBoundary = realPath(boundary);
  }

  read(file: string): string | Unknown {
    const resolved = path.resolve(this.rootDirectory, file);
    if (!this.inside(resolved, this.realBoundary)) return new Unknown(`${file} is outside the repository, which trustscan does not read`);
    try {
      if (statSync(resolved).size > maxFileBytes) throw new EvaluationError(`${file} is larger than ${maxFileBytes / 1024 / 1024} MB`);
      const text = readFileSync(resolved, 'utf8');
      this.log?.record('file', resolved, text);
      return text;
    } catch (error) {
      if (error instanceof EvaluationError) throw error;
      this.log?.record('file', resolved, undefined);
      throw new EvaluationError(`cannot read ${file} (${describeError(error)})`);
    }
  }

  exists(file: string): boolean | Unknown {
    const resolved = path.resolve(this.rootDirectory, file);
    if (!this.inside(resolved, this.realBoundary)) return new Unknown(`${file} is outside the repository, which trustscan does not read`);
    let exists = false;
    try {
      exists = statSync(resolved).isFile();
    } catch {
      exists = false;
    }
    this.log?.record('exists', resolved, String(exists));
    return exists;
  }

  fileset(directory: string, pattern: string, moduleDirectory: string): readonly string[] | Unknown {
    const base = path.resolve(this.rootDirectory, directory);
    const realModule = realPath(moduleDirectory);
    if (!this.inside(base, realModule) || !this.inside(base, this.realBoundary)) {
      return new Unknown(`fileset() reads only the module's own directory, and ${directory} is outside it`);
    }
    const matches = listMatching(base, globToRegExp(pattern), realModule);
    if (matches instanceof Unknown) return matches;
    this.log?.record('fileset', `${base}\0${pattern}\0${realModule}`, matches.join('\n'));
    return matches;
  }

  /** Whether `file` is `directory` or inside it, once symbolic links are resolved. */
  private inside(file: string, realDirectory: string): boolean {
    const real = realPath(file);
    return real === realDirectory || real.startsWith(realDirectory.endsWith(path.sep) ? realDirectory : realDirectory + path.sep);
  }
}

/** The regular files under `base` whose `/`-separated relative path matches, sorted; symbolic links to directories are not followed. */
export function listMatching(base: string, pattern: RegExp, realModule: string): string[] | Unknown {
  const found: string[] = [];
  let entries = 0;
  const visit = (directory: string, prefix: string, depth: number): Unknown | undefined => {
    if (depth > maxFilesetDepth) return undefined;
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      return undefined;
    }
    for (const name of names) {
      if (++entries > maxFilesetEntries) return new Unknown(`fileset() found more than ${maxFilesetEntries} entries under ${base}`);
      const full = path.join(directory, name);
      const relative = prefix === '' ? name : `${prefix}/${name}`;
      let info;
      try {
        info = lstatSync(full);
        if (info.isSymbolicLink()) {
          const target = realPath(full);
          if (!(target === realModule || target.startsWith(realModule + path.sep))) continue;
          info = statSync(full);
          if (info.isDirectory()) continue;
        }
      } catch {
        continue;
      }
      if (info.isDirectory()) {
        const stopped = visit(full, relative, depth + 1);
        if (stopped) return stopped;
      } else if (info.isFile() && pattern.test(relative)) {
        found.push(relative);
      }
    }
    return undefined;
  };
  const stopped = visit(base, '', 0);
  return stopped ?? found.sort();
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    // A path that does not exist (yet) is judged by its parent, so `../outside/missing.txt` is still outside.
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}
