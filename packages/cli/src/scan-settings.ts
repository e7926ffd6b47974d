import path from 'node:path';
import { rules as builtInRules } from '@trustscan/rules';
import {
  InputError,
  checkRuleReferences,
  configuredRuleOptions,
  findConfigFile,
  loadRulesDirectory,
  readConfigFile,
  selectRules,
  type Profile,
  type Rule,
  type RuleOptionOverrides,
  type Target,
  type TrustscanConfig,
  type Waiver,
} from '@trustscan/core';
import type { FailOn, ScanCommand } from './cli.js';
import { rulesIdentity } from './rules-identity.js';

/** What a scan runs with once the command line and the config file are merged: the command line wins. */
export interface ScanSettings {
  readonly config?: TrustscanConfig;
  /** The config file as reports name it: relative to the working directory. */
  readonly configPath?: string;
  readonly targets: readonly Target[];
  readonly rules: readonly Rule[];
  /** `--profile`, else the config file's, else `baseline`. */
  readonly profile: Profile;
  /** Option values the config file sets, by rule id, already checked against each rule's schema. */
  readonly ruleOptions: RuleOptionOverrides;
  readonly waivers: readonly Waiver[];
  readonly failOn: FailOn;
  readonly failOnUnknown: boolean;
  readonly tfDir?: string;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
  /** `--exclude` patterns after the config file's `exclude:`. */
  readonly exclude: readonly string[];
  /** Identifies the rules and their settings, so the findings of unchanged Terraform roots can be reused. */
  readonly rulesIdentity: string;
  /** Absolute path of the baseline to apply. */
  readonly baseline?: string;
}

/** The config file a command asks for: `--config FILE`, none with `--no-config`, else the nearest one found. */
export async function loadConfig(requested: string | false | undefined, cwd: string): Promise<{ config: TrustscanConfig; configPath: string } | undefined> {
  if (requested === false) return undefined;
  const file = requested === undefined ? await findConfigFile(cwd) : path.resolve(cwd, requested);
  if (file === undefined) return undefined;
  const configPath = displayPath(file, cwd);
  return { config: await readConfigFile(file, { displayPath: configPath }), configPath };
}

/**
 * Merges the command line over the config file. Paths typed on the command line are relative to the working
 * directory; paths in the config file were resolved against its own directory when it was read.
 */
export async function resolveScanSettings(command: ScanCommand, cwd: string): Promise<ScanSettings> {
  const loaded = await loadConfig(command.config, cwd);
  const config = loaded?.config;
  const rules = await effectiveRules(command.rulesDirectories, config, cwd);
  const typedTargets: Target[] = [
    ...command.paths.map((p): Target => ({ kind: 'path', path: path.resolve(cwd, p) })),
    ...(command.aws ? [{ kind: 'aws' as const, ...command.aws }] : []),
    ...(command.azure ? [{ kind: 'azure' as const, ...command.azure }] : []),
  ];
  const targets = command.explicit.includes('paths') || config?.targets === undefined ? typedTargets : config.targets;
  const tfDir = command.tfDir === undefined ? config?.tfDir : path.resolve(cwd, command.tfDir);
  const baseline = command.baseline === undefined ? config?.baseline : path.resolve(cwd, command.baseline);
  return {
    ...(loaded ? { config: loaded.config, configPath: loaded.configPath } : {}),
    targets,
    rules,
    profile: command.profile ?? config?.profile ?? 'baseline',
    ruleOptions: config ? configuredRuleOptions(config, rules.map((r) => r.meta)) : {},
    waivers: config?.waivers ?? [],
    failOn: command.explicit.includes('failOn') ? command.failOn : (config?.failOn ?? command.failOn),
    failOnUnknown: command.failOnUnknown || (config?.failOnUnknown ?? false),
    // Command-line variables come after the file's, so they win, as later -var flags do in Terraform.
    vars: [...(config?.variables ?? []), ...command.vars],
    varFiles: [...(config?.varFiles ?? []), ...command.varFiles.map((file) => path.resolve(cwd, file))],
    exclude: [...(config?.exclude ?? []), ...command.exclude],
    rulesIdentity: rulesIdentity(rules, config?.file, [...(config?.rules.directories ?? []), ...command.rulesDirectories.map((d) => path.resolve(cwd, d))]),
    ...(tfDir === undefined ? {} : { tfDir }),
    ...(baseline === undefined ? {} : { baseline }),
  };
}

/**
 * The built-in pack plus the rule directories of the config and the command line, checked against the config's
 * rule references (a misspelt id is an error), then narrowed by its `enable`/`disable` and severity overrides.
 */
export async function effectiveRules(directories: readonly string[], config: TrustscanConfig | undefined, cwd: string): Promise<Rule[]> {
  const all = await loadRules([...(config?.rules.directories ?? []).map((d) => displayPath(d, cwd)), ...directories], cwd);
  if (!config) return all;
  checkRuleReferences(config, all.map((r) => r.meta));
  return selectRules(all, config.rules);
}

/** The built-in pack plus the user's declarative rules; a user rule may not reuse a built-in id. */
export async function loadRules(directories: readonly string[], cwd: string): Promise<Rule[]> {
  const rules: Rule[] = [...builtInRules];
  const ids = new Set(rules.map((r) => r.meta.id));
  for (const directory of directories) {
    for (const rule of await loadRulesDirectory(path.resolve(cwd, directory))) {
      if (ids.has(rule.meta.id)) throw new InputError(`${directory}: rule id "${rule.meta.id}" is already used by another rule; choose a new id.`, { subject: directory });
      ids.add(rule.meta.id);
      rules.push(rule);
    }
  }
  return rules;
}

/** A path as a person in `cwd` would type it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
