import { configuredRuleOptions, profileDefault, resolveRuleOptions, runsInProfile, type Profile, type RuleMeta, type RuleOptionValue, type RuleOptionValues } from '@trustscan/core';
import type { RulesListCommand } from '../cli.js';
import type { Io } from '../io.js';
import { effectiveRules, loadConfig } from '../scan-settings.js';

/**
 * Runs `trustscan rules list`: a table for people, or the full metadata as JSON for tools. Lists the rules a scan
 * here would run: the config file's rule directories, enabled and disabled rules, severity overrides, profile and
 * rule options apply.
 */
export async function runRulesList(command: RulesListCommand, io: Io): Promise<number> {
  const loaded = await loadConfig(command.config, io.cwd);
  const config = loaded?.config;
  const selected = await effectiveRules(command.rulesDirectories, config, io.cwd);
  const profile: Profile = command.profile ?? config?.profile ?? 'baseline';
  const rules = selected.filter((r) => runsInProfile(r.meta, profile));
  const values = resolveRuleOptions(selected, profile, config ? configuredRuleOptions(config, selected.map((r) => r.meta)) : {}, loaded?.configPath ?? 'trustscan rules list');
  const metas = rules.map((r) => r.meta);
  const otherProfile = selected.filter((r) => !runsInProfile(r.meta, profile)).map((r) => r.meta.id);
  if (command.format === 'json') {
    const listed = metas.map((meta) => (meta.options ? { ...meta, optionValues: values.get(meta.id) ?? {} } : meta));
    io.stdout.write(`${JSON.stringify({ schemaVersion: 1, profile, rules: listed, notInProfile: otherProfile }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(table(metas));
  io.stdout.write(optionsText(metas, values, profile));
  if (otherProfile.length > 0) io.stdout.write(`\nNot run in the ${profile} profile: ${otherProfile.join(', ')}.\n`);
  return 0;
}

function table(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => [m.id, m.severity, m.area, [...m.criteria.primary, ...(m.criteria.secondary ?? [])].join(' '), m.title]);
  const header = ['ID', 'SEVERITY', 'AREA', 'SOC 2', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${metas.length} rules.\n`;
}

/** Each rule's options with the value it runs with, and where that differs from the profile's default. */
function optionsText(metas: readonly RuleMeta[], values: ReadonlyMap<string, RuleOptionValues>, profile: Profile): string {
  const withOptions = metas.filter((m) => m.options && Object.keys(m.options).length > 0);
  if (withOptions.length === 0) return '';
  const lines = [`\nOptions (profile ${profile}; set them under rules.<id> in the config file):`];
  for (const meta of withOptions) {
    lines.push(`  ${meta.id}`);
    for (const [name, option] of Object.entries(meta.options ?? {})) {
      const value = values.get(meta.id)?.[name] ?? profileDefault(option, profile);
      const fallback = profileDefault(option, profile);
      const note = show(value) === show(fallback) ? '' : ` (${profile} default ${show(fallback)})`;
      lines.push(`    ${name} = ${show(value)}${note}: ${option.description}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function show(value: RuleOptionValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}
