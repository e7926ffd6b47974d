import { InputError } from '../model/errors.js';
import type { Profile, Rule, RuleMeta, RuleOption, RuleOptionValue, RuleOptionValues } from '../model/rule.js';

/** Option values set by a user, by rule id and option name, before validation. */
export type RuleOptionOverrides = { readonly [ruleId: string]: { readonly [option: string]: unknown } };

/** Whether a rule runs under a profile. */
export function runsInProfile(meta: RuleMeta, profile: Profile): boolean {
  return meta.profiles === undefined || meta.profiles.includes(profile);
}

/** An option's value under a profile, before any override. */
export function profileDefault(option: RuleOption, profile: Profile): RuleOptionValue {
  return profile === 'strict' && option.strict !== undefined ? option.strict : option.default;
}

/** The name an option is declared with, given the name a user wrote: as declared, or in kebab-case (`min-days`). */
export function declaredOptionName(meta: RuleMeta, written: string): string | undefined {
  const names = Object.keys(meta.options ?? {});
  return names.find((name) => name === written) ?? names.find((name) => kebabCase(name) === written);
}

/** `minDays` → `min-days`. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Why `value` does not fit `option` (a phrase such as `must be an integer of at least 1`), or `undefined` when it
 * does. Values come from YAML or JSON, or from a library caller.
 */
export function optionProblem(option: RuleOption, value: unknown): string | undefined {
  const shown = JSON.stringify(value) ?? String(value);
  switch (option.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, not ${shown}`;
    case 'integer':
    case 'number':
      return numberProblem(option, value, option.type);
    case 'string':
      return stringProblem(option, value);
    case 'string-list':
    case 'integer-list': {
      if (!Array.isArray(value)) return `must be a list, not ${shown}`;
      const each = option.type === 'string-list' ? (item: unknown) => stringProblem(option, item) : (item: unknown) => numberProblem(option, item, 'integer');
      for (const [index, item] of value.entries()) {
        const problem = each(item);
        if (problem) return `item ${index + 1} ${problem}`;
      }
      return undefined;
    }
  }
}

function numberProblem(option: RuleOption, value: unknown, type: 'integer' | 'number'): string | undefined {
  const bounds = [option.minimum === undefined ? '' : ` of at least ${option.minimum}`, option.maximum === undefined ? '' : `${option.minimum === undefined ? ' of' : ' and'} at most ${option.maximum}`].join('');
  const wanted = `must be ${type === 'integer' ? 'an integer' : 'a number'}${bounds}`;
  if (typeof value !== 'number' || !Number.isFinite(value) || (type === 'integer' && !Number.isInteger(value))) return `${wanted}, not ${JSON.stringify(value) ?? String(value)}`;
  if ((option.minimum !== undefined && value < option.minimum) || (option.maximum !== undefined && value > option.maximum)) return `${wanted}, not ${value}`;
  return undefined;
}

function stringProblem(option: RuleOption, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return `must be text, not ${JSON.stringify(value) ?? String(value)}`;
  if (option.enum && !option.enum.includes(value)) return `must be one of ${option.enum.join(', ')}, not "${value}"`;
  return undefined;
}

/**
 * The options each rule runs with: its defaults under the profile, overridden by `overrides`. A value that does
 * not fit the rule's schema, an option the rule does not have, or a rule id no rule has, is an `InputError`
 * naming `where` (the API or file that gave it).
 */
export function resolveRuleOptions(rules: readonly Rule[], profile: Profile, overrides: RuleOptionOverrides = {}, where = 'scan()'): Map<string, RuleOptionValues> {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
  for (const [ruleId, options] of Object.entries(overrides)) {
    const meta = byId.get(ruleId);
    if (!meta) throw new InputError(`${where}: ruleOptions names "${ruleId}", which no loaded rule has; run \`trustscan rules list\` for the ids.`, { subject: where });
    for (const [name, value] of Object.entries(options)) {
      const declared = declaredOptionName(meta, name);
      const option = declared === undefined ? undefined : meta.options?.[declared];
      if (!option) throw new InputError(`${where}: rule ${ruleId} has no option "${name}"; ${optionsSentence(meta)}.`, { subject: where });
      const problem = optionProblem(option, value);
      if (problem) throw new InputError(`${where}: option ${name} of rule ${ruleId} ${problem}.`, { subject: where });
    }
  }
  const resolved = new Map<string, RuleOptionValues>();
  for (const rule of rules) {
    const declared = rule.meta.options;
    if (!declared) {
      resolved.set(rule.meta.id, {});
      continue;
    }
    const given = overrides[rule.meta.id] ?? {};
    const values: Record<string, RuleOptionValue> = {};
    for (const [name, option] of Object.entries(declared)) values[name] = profileDefault(option, profile);
    for (const [name, value] of Object.entries(given)) values[declaredOptionName(rule.meta, name) ?? name] = value as RuleOptionValue;
    resolved.set(rule.meta.id, values);
  }
  return resolved;
}

/** `its options are minDays, ports` or `it has no options`, for error messages. */
export function optionsSentence(meta: RuleMeta): string {
  const names = Object.keys(meta.options ?? {});
  return names.length === 0 ? 'it has no options' : `its options are ${names.join(', ')}`;
}
