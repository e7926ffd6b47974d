import { describe, expect, it } from 'vitest';
import { ConfigError, checkRuleReferences, parseConfig, selectRules } from '@trustscan/core';
import { testRules as rules } from './test-rules.js';

const configOf = (text: string) => parseConfig(text, '/repo/trustscan.config.yaml', 'trustscan.config.yaml');
const ids = (text: string) => selectRules(rules, configOf(text).rules).map((r) => r.meta.id);
const [encrypted, backups, buckets] = ['test-db-storage-encrypted', 'test-db-backup-retention', 'test-bucket-not-force-destroyed'];

describe('rule selection from the config', () => {
  it('runs every rule by default', () => {
    expect(ids('')).toEqual([encrypted, backups, buckets]);
  });

  it.each<[string, string, string[]]>([
    ['an id', 'disable: [test-db-backup-retention]', [encrypted, buckets]],
    ['a glob', 'disable: ["test-db-*"]', [buckets]],
    ['an area', 'disable: [area:logging-monitoring]', [encrypted, backups]],
    ['a severity', 'disable: [severity:high]', [backups, buckets]],
    ['a criterion, secondary ones included', 'enable: [criterion:CC7.4]', [backups]],
    ['enable, then disable', 'enable: ["test-db-*"]\n  disable: [severity:medium]', [encrypted]],
  ])('selects by %s', (_name, settings, expected) => {
    expect(ids(`rules:\n  ${settings}`)).toEqual(expected);
  });

  it('overrides severities, an exact id winning over a glob, and leaves other rules as they are', () => {
    const selected = selectRules(rules, configOf('rules:\n  severity:\n    test-db-backup-retention: critical\n    "test-db-*": low').rules);
    expect(selected.map((r) => r.meta.severity)).toEqual(['low', 'critical', 'low']);
    expect(selected[2]).toBe(rules[2]);
    // Selectors see the pack's own severity, so `severity:high` still means what the pack calls high.
    expect(selectRules(rules, configOf('rules:\n  disable: [severity:high]\n  severity:\n    "test-db-*": high').rules).map((r) => r.meta.id)).toEqual([backups, buckets]);
    expect(rules[1]?.meta.severity).toBe('medium');
  });

  it('rejects a rule id that no rule has, naming the line, but lets globs match nothing', () => {
    const metas = rules.map((r) => r.meta);
    const config = configOf('rules:\n  disable:\n    - "azure-*"\n    - test-db-backup-retentoin');
    expect(() => checkRuleReferences(config, metas)).toThrow(ConfigError);
    expect(() => checkRuleReferences(config, metas)).toThrow('trustscan.config.yaml:4: rules.disable[1]: no rule has the id "test-db-backup-retentoin"; run `trustscan rules list` for the ids.');
    const severity = configOf('rules:\n  severity:\n    nope: low');
    expect(() => checkRuleReferences(severity, metas)).toThrow('trustscan.config.yaml:3: rules.severity.nope: no rule has the id "nope"');
    const waiver = configOf('waivers:\n  - rule: test-db-encrypted\n    resource: a\n    reason: Ten characters at least.\n    owner: me\n    expires: 2030-01-01');
    expect(() => checkRuleReferences(waiver, metas)).toThrow('trustscan.config.yaml:2: waivers[0].rule: no rule has the id "test-db-encrypted"');
    expect(() => checkRuleReferences(configOf('rules:\n  disable: ["azure-*"]'), metas)).not.toThrow();
  });
});
