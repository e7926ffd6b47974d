import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeError } from '../../../model/errors.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import { TerraformSession } from '../terraform-session.js';
import { InputLog } from './files/input-log.js';
import { repositoryOf } from './files/repository.js';
import { recordHclLoadStatistics } from './load-statistics.js';

/** Where a root was found: the directory target walked to find it, which `--exclude` patterns are relative to. */
export interface RootOrigin {
  readonly discoveredIn?: string;
}

/**
 * Loads a Terraform root module (a directory, or a single `.tf`/`.tf.json` file) and evaluates it offline: variables
 * and tfvars, locals, local and installed modules, `count`/`for_each`, dynamic blocks and functions. Every managed
 * resource instance becomes a `Resource` with the provider schema's shape, `Unknown` where Terraform would only
 * know the value at apply time, the block's positions, references and sensitive paths. Problems with single files
 * (syntax errors, oversized or unreadable files) are notifications; the rest is still scanned. An unchanged root is
 * served from the result cache.
 */
export async function loadTerraformDirectory(target: string, context: SourceContext, origin: RootOrigin = {}): Promise<SourceOutput> {
  const session = context.terraformSession ?? new TerraformSession(context.terraform, context.root, context.signal);
  const root = await describeRoot(target, context, session, origin);
  if (root.key !== undefined && session.cache) {
    const cached = session.cache.get(root.key, session.texts);
    if (cached) {
      recordHclLoadStatistics({ parsed: 0, files: 0, resources: cached.resources.length, cached: true });
      return cached;
    }
  }
  const log = new InputLog();
  const recorded = Date.now();
  const parsedBefore = session.parser.statistics.parsed;
  const { evaluateRoot } = await import('./evaluate-root.js');
  const evaluated = await evaluateRoot(root.absolute, root.rootDirectory, root.onlyFile, context, session, log, root.repository, root.excludeBase);
  recordHclLoadStatistics({ parsed: session.parser.statistics.parsed - parsedBefore, files: evaluated.files, resources: evaluated.output.resources.length, cached: false });
  if (root.key === undefined || !session.cache) return evaluated.output;
  await session.cache.set(root.key, recorded, log.list(), evaluated.output);
  return { ...evaluated.output, cacheKey: root.key };
}

/** A root to load: where it is, the repository it belongs to, and its key in the cache of evaluated roots. */
export interface RootDescription {
  readonly absolute: string;
  readonly rootDirectory: string;
  readonly onlyFile?: string;
  readonly repository: string;
  readonly excludeBase: string;
  /** Absent without a cache. */
  readonly key?: string;
}

/**
 * Where a root is and its cache key, from everything given to its evaluation: the path and the scan root, the
 * variables and variable files, `TF_VAR_*` and `TF_WORKSPACE`, the excludes and the repository.
 */
export async function describeRoot(target: string, context: SourceContext, session: TerraformSession, origin: RootOrigin = {}): Promise<RootDescription> {
  const absolute = path.resolve(target);
  const { rootDirectory, onlyFile } = await resolveTarget(absolute);
  const repository = repositoryOf(rootDirectory, context.root);
  const excludeBase = origin.discoveredIn ?? rootDirectory;
  const environment = Object.entries(process.env)
    .filter(([name]) => name.startsWith('TF_VAR_') || name === 'TF_WORKSPACE')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const key = session.cache?.key({
    absolute,
    root: context.root,
    vars: context.terraform.vars ?? [],
    varFiles: (context.terraform.varFiles ?? []).map((f) => path.resolve(f)),
    environment,
    exclude: session.exclusion.patterns,
    excludeBase,
    repository,
  });
  return { absolute, rootDirectory, ...(onlyFile === undefined ? {} : { onlyFile }), repository, excludeBase, ...(key === undefined ? {} : { key }) };
}

async function resolveTarget(target: string): Promise<{ rootDirectory: string; onlyFile?: string }> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'a symbolic link loop' : describeError(error);
    throw new InputError(`${target}: cannot read it (${problem}); pass a Terraform directory or a .tf file.`, { subject: target });
  }
  if (info.isDirectory()) return { rootDirectory: target };
  if (target.endsWith('.tf') || target.endsWith('.tf.json')) return { rootDirectory: path.dirname(target), onlyFile: target };
  throw new InputError(`${target}: not a Terraform directory or a .tf/.tf.json file.`, { subject: target });
}
