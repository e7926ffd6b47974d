import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../../model/errors.js';
import type { Notification } from '../../../model/finding.js';
import { relativeFile } from '../../../engine/locate.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import type { TerraformSession } from '../terraform-session.js';
import { applyVersionedDefaults } from '../providers/provider-defaults.js';
import { selectProviderVersions } from '../providers/provider-versions.js';
import { ModuleLoader } from './config/module-loader.js';
import { readVariableValues } from './config/variable-values.js';
import { collectResources } from './evaluate/collect-resources.js';
import { ModuleInstance } from './evaluate/module-instance.js';
import { EvaluationServices } from './evaluate/services.js';
import { ConfigurationFiles } from './files/configuration-files.js';
import type { InputLog } from './files/input-log.js';
import { readSourceFile, type SourceFile } from './files/module-files.js';
import { terraformFunctions } from './functions/index.js';
import { inlineWaivers } from './waivers/module-waivers.js';

// Kept apart from load-directory.ts, which imports it on a cache miss only: a scan whose roots are all unchanged
// never loads the evaluator, its functions or the module loader.

/**
 * Evaluates a root module offline: its module tree, variables and tfvars, expansion, functions, provider-version
 * defaults and inline waivers. Every input read is recorded in the log, for the result cache.
 */
export async function evaluateRoot(
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
    single = readSourceFile(onlyFile, relative, notifications, log, session.texts, repository);
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
  const given = await readVariableValues(rootDirectory, context.terraform, process.env, session.parser, terraformFunctions, relative, notifications, log, repository);
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
    output: { name: relative(absolute) || '.', kind: 'terraform-hcl', resources, notifications: sortNotifications(notifications), waivers, inputs: log.treeInputs(relative) },
    files: loader.fileCount,
  };
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
