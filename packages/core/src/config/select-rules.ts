import { matchesGlob } from '../engine/glob.js';
import { declaredOptionName, optionProblem, optionsSentence, type RuleOptionOverrides } from '../engine/rule-options.js';
import type { Rule, RuleMeta } from '../model/rule.js';
import { ConfigError } from './config-error.js';
import type { RuleSelector, RuleSettings, TrustscanConfig } from './config.js';
import { ruleSectionKeys } from './read-config.js';
import { closest } from './yaml-fields.js';

/** Whether a selector picks the rule: by id or id glob, area, severity or criterion (primary or secondary). */
export function selectorMatches(selector: RuleSelector, meta: RuleMeta): boolean {
  switch (selector.kind) {
    case 'id':
      return matchesGlob(selector.pattern, meta.id);
    case 'area':
      return meta.area === selector.area;
    case 'severity':
      return meta.severity === selector.severity;
    case 'criterion':
      return meta.criteria.primary.includes(selector.criterion) || (meta.criteria.secondary ?? []).includes(selector.criterion);
  }
}

/**
 * The rules to run under the config's `rules` settings: the enabled ones (all when `enable` is absent) minus the
 * disabled ones, with severity overrides applied. Selectors see each rule's own severity, not an overridden one,
 * so `disable: [severity:low]` means what the rule pack calls low.
 */
export function selectRules(rules: readonly Rule[], settings: RuleSettings): Rule[] {
  // `enabled` written under a rule id decides for that rule, whatever the lists select.
  const enabled = new Map((settings.entries ?? []).filter((e) => e.enabled !== undefined).map((e) => [e.ruleId, e.enabled]));
  const selected = rules.filter(
    (rule) =>
      enabled.get(rule.meta.id) ??
      ((settings.enable === undefined || settings.enable.some((s) => selectorMatches(s, rule.meta))) && !settings.disable.some((s) => selectorMatches(s, rule.meta))),
  );
  return selected.map((rule) => {
    const severity = overriddenSeverity(rule.meta, settings);
    if (severity === undefined || severity === rule.meta.severity) return rule;
    return { meta: { ...rule.meta, severity }, evaluate: (resource, context) => rule.evaluate(resource, context) };
  });
}

function overriddenSeverity(meta: RuleMeta, settings: RuleSettings): RuleMeta['severity'] | undefined {
  const matching = settings.severity.filter((o) => selectorMatches(o.selector, meta));
  const exact = matching.filter((o) => o.selector.kind === 'id' && o.selector.pattern === meta.id);
  return (exact.at(-1) ?? matching.at(-1))?.severity;
}

/**
 * Rejects a config that names a rule id no loaded rule has (in `rules` or in a waiver): almost always a typo, and a
 * waiver or override that silently applies to nothing is worse than an error. Globs and area, severity or criterion
 * selectors may match nothing.
 */
export function checkRuleReferences(config: TrustscanConfig, rules: readonly RuleMeta[]): void {
  const ids = new Set(rules.map((r) => r.id));
  const hint = 'run `trustscan rules list` for the ids';
  const check = (selector: RuleSelector, field: string) => {
    if (selector.kind === 'id' && !selector.pattern.includes('*') && !ids.has(selector.pattern)) {
      throw new ConfigError(selector.source.file, selector.source.line, field, `no rule has the id "${selector.pattern}"; ${hint}`);
    }
  };
  const metas = new Map(rules.map((r) => [r.id, r]));
  for (const entry of config.rules.entries ?? []) {
    const meta = metas.get(entry.ruleId);
    const field = `rules.${entry.ruleId}`;
    if (!meta) {
      const guess = closest(entry.ruleId, ruleSectionKeys);
      throw new ConfigError(entry.source.file, entry.source.line, field, guess ? `unknown setting; did you mean "${guess}"?` : `no rule has the id "${entry.ruleId}"; ${hint}`);
    }
    for (const option of entry.options) {
      const name = declaredOptionName(meta, option.name);
      const schema = name === undefined ? undefined : meta.options?.[name];
      const at = `${field}.${option.name}`;
      if (!schema) throw new ConfigError(option.source.file, option.source.line, at, `the rule has no option "${option.name}"; ${optionsSentence(meta)} (or severity, enabled)`);
      const problem = optionProblem(schema, option.value);
      if (problem) throw new ConfigError(option.source.file, option.source.line, at, problem);
    }
  }
  config.rules.enable?.forEach((s, i) => check(s, `rules.enable[${i}]`));
  config.rules.disable.forEach((s, i) => check(s, `rules.disable[${i}]`));
  config.rules.severity.forEach((o) => check(o.selector, `rules.severity.${o.selector.text}`));
  config.waivers.forEach((waiver, i) => {
    if (!waiver.rule.includes('*') && !ids.has(waiver.rule)) {
      throw new ConfigError(waiver.source.file, waiver.source.line, `waivers[${i}].rule`, `no rule has the id "${waiver.rule}"; ${hint}`);
    }
  });
}

/** The option values the config file sets, by rule id and declared option name, for `scan({ ruleOptions })`. */
export function configuredRuleOptions(config: TrustscanConfig, rules: readonly RuleMeta[]): RuleOptionOverrides {
  const metas = new Map(rules.map((r) => [r.id, r]));
  const options: Record<string, Record<string, unknown>> = {};
  for (const entry of config.rules.entries ?? []) {
    const meta = metas.get(entry.ruleId);
    if (!meta || entry.options.length === 0) continue;
    const values = (options[entry.ruleId] ??= {});
    for (const option of entry.options) values[declaredOptionName(meta, option.name) ?? option.name] = option.value;
  }
  return options;
}
