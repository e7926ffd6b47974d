import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeError } from '../../../model/errors.js';
import type { Notification } from '../../../model/finding.js';
import { relativeFile } from '../../../engine/locate.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import { TerraformSession } from '../terraform-session.js';
import { applyVersionedDefaults } from '../providers/provider-defaults.js';
import { selectProviderVersions } from '../providers/provider-versions.js';
import { ModuleLoader } from './config/module-loader.js';
import { readVariableValues } from './config/variable-values.js';
import { collectResources } from './evaluate/collect-resources.js';
import { ModuleInstance } from './evaluate/module-instance.js';
import { EvaluationServices } from './evaluate/services.js';
import { ConfigurationFiles } from './files/configuration-files.js';
import { InputLog } from './files/input-log.js';
import { readSourceFile, type SourceFile } from './files/module-files.js';
import { repositoryOf } from './files/repository.js';
import { terraformFunctions } from './functions/index.js';
import { recordHclLoadStatistics } from './load-statistics.js';
import { inlineWaivers } from './waivers/module-waivers.js';

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

async function evaluateRoot(
  absolute: string,
  rootDirectory: string,
  onlyFile: string | undefined,
  context: SourceContext,
  session: TerraformSession,
  log: InputLog,
  repository: string,
  excludeBase: string,
): Promise<{ output: SourceOutput; files: number }> {
  const relative = (file: string): string => relativeFile(context.root, file);
  const notifications: Notification[] = [];
  context.progress(`reading ${relative(absolute) || '.'}`);
  let single: SourceFile | undefined;
  if (onlyFile) {
    single = readSourceFile(onlyFile, relative, notifications, log, session.texts);
    if (!single) throw new InputError(notifications[0]?.message ?? `${onlyFile}: cannot read the file.`, { subject: onlyFile });
  }
  const exclusion = session.exclusion;
  const loader = new ModuleLoader(rootDirectory, session.parser, notifications, relative, {
    log,
    texts: session.texts,
    repository,
    ...(exclusion.empty ? {} : { excluded: (file: string, isDirectory: boolean) => exclusion.excludes(path.relative(excludeBase, file).split(path.sep).join('/'), isDirectory) }),
  });
  const rootConfig = await loader.load(single);
  if (loader.fileCount === 0 && notifications.length === 0) {
    throw new InputError(`${relative(absolute) || '.'}: no .tf or .tf.json files in this directory; pass the directory of a Terraform root module.`, { subject: absolute });
  }
  const given = await readVariableValues(rootDirectory, context.terraform, process.env, session.parser, terraformFunctions, relative, notifications, log);
  for (const [name, value] of given) {
    if (!rootConfig.variables.has(name) && !value.origin.startsWith('the environment')) {
      notifications.push({ level: 'warning', code: 'undeclared-variable', message: `${value.origin} sets ${name}, which the root module does not declare; the value is ignored.`, subject: value.origin });
    }
  }
  context.progress('evaluating');
  const services = new EvaluationServices(
    rootDirectory,
    terraformFunctions,
    new ConfigurationFiles(rootDirectory, repository, log),
    (name) => given.get(name),
    (call, callerDirectory, callPath) => loader.resolve(call, callerDirectory, callPath),
    process.env['TF_WORKSPACE'] ?? 'default',
    relative,
  );
  const root = new ModuleInstance(rootConfig, '', services, [], []);
  const collected = collectResources(root, context.signal);
  loader.reportNotInstalled();
  const versions = selectProviderVersions(readLockFile(rootDirectory, log), loader.providerRequirements());
  const resources = collected.resources.map((resource) => applyVersionedDefaults(resource, versions));
  notifications.push(...services.problems);
  const waivers = inlineWaivers(loader.files, collected.prefixesByDirectory, relative, notifications);
  return {
    output: { name: relative(absolute) || '.', kind: 'terraform-hcl', resources, notifications: sortNotifications(notifications), waivers },
    files: loader.fileCount,
  };
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

/** The root's `.terraform.lock.hcl`, if it has one. */
function readLockFile(rootDirectory: string, log: InputLog): string | undefined {
  const file = path.join(rootDirectory, '.terraform.lock.hcl');
  try {
    const text = readFileSync(file, 'utf8');
    log.record('file', file, text);
    return text;
  } catch {
    log.record('file', file, undefined);
    return undefined;
  }
}

function sortNotifications(notifications: readonly Notification[]): Notification[] {
  const rank = { error: 0, warning: 1, note: 2 } as const;
  return [...notifications].sort(
    (a, b) => rank[a.level] - rank[b.level] || compare(a.subject ?? '', b.subject ?? '') || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
