import type { RuleMeta } from '@trustscan/core';
import type { RulesListCommand } from '../cli.js';
import type { Io } from '../io.js';
import { effectiveRules, loadConfig } from '../scan-settings.js';

/**
 * Runs `trustscan rules list`: a table for people, or the full metadata as JSON for tools. Lists the rules a scan
 * here would run: the config file's rule directories, enabled and disabled rules and severity overrides apply.
 */
export async function runRulesList(command: RulesListCommand, io: Io): Promise<number> {
  const loaded = await loadConfig(command.config, io.cwd);
  const metas = (await effectiveRules(command.rulesDirectories, loaded?.config, io.cwd)).map((r) => r.meta);
  if (command.format === 'json') {
    io.stdout.write(`${JSON.stringify({ schemaVersion: 1, rules: metas }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(table(metas));
  return 0;
}

function table(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => [m.id, m.severity, m.area, [...m.criteria.primary, ...(m.criteria.secondary ?? [])].join(' '), m.title]);
  const header = ['ID', 'SEVERITY', 'AREA', 'SOC 2', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${metas.length} rules.\n`;
}
