import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  InputError,
  checkRuleReferences,
  configuredRuleOptions,
  defineRule,
  parseConfig,
  resolveRuleOptions,
  scan,
  selectRules,
  type Rule,
} from '@trustscan/core';
import { buildPlan } from '../../../../testing/plan-builder.js';

/** A rule with options, as the built-in pack declares them: a retention threshold and a strict-only switch. */
const retention = defineRule<'kept' | 'short', { readonly minDays: number; readonly requireForever: boolean; readonly ports: readonly number[] }>({
  meta: {
    id: 'test-log-retention',
    title: 'Logs are kept long enough',
    description: 'Test rule.',
    remediation: 'Keep them.',
    severity: 'medium',
    area: 'logging-monitoring',
    criteria: { primary: ['CC7.2'], basis: 'test' },
    resourceTypes: ['aws_cloudwatch_log_group'],
    options: {
      minDays: { type: 'integer', description: 'Fewest days.', default: 365, strict: 730, minimum: 1 },
      requireForever: { type: 'boolean', description: 'Never expire.', default: false },
      ports: { type: 'integer-list', description: 'Ports.', default: [22], minimum: 0, maximum: 65535 },
    },
    messages: { kept: 'Log group {{address}} keeps logs for {{days}} days.', short: 'Log group {{address}} keeps logs for {{days}} days, less than {{minDays}}.' },
  },
  evaluate(group, context) {
    const days = Number(group.attributes['retention_in_days'] ?? 0);
    return days >= context.options.minDays ? { status: 'pass', messageId: 'kept', data: { address: group.address, days } } : { status: 'fail', messageId: 'short', data: { address: group.address, days } };
  },
});

const strictOnly = defineRule({
  meta: { ...retention.meta, id: 'test-strict-only', profiles: ['strict'], options: undefined, messages: { kept: 'Log group {{address}} is judged.' } },
  evaluate: (group) => ({ status: 'pass', messageId: 'kept', data: { address: group.address } }),
});

const rules: readonly Rule[] = [retention, strictOnly];
const metas = rules.map((r) => r.meta);
const configOf = (text: string) => parseConfig(text, '/repo/trustscan.config.yaml', 'trustscan.config.yaml');
const problem = (text: string): string => {
  try {
    checkRuleReferences(configOf(text), metas);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('rule options and profiles in the config file', () => {
  it('reads the profile and the settings written under rule ids, beside the fixed keys', () => {
    const config = configOf(
      ['profile: strict', 'rules:', '  disable: [test-strict-only]', '  test-log-retention:', '    min-days: 90', '    ports: [22, 5432]', '    severity: low', '  test-strict-only:', '    enabled: true'].join('\n'),
    );
    expect(config.profile).toBe('strict');
    expect(config.rules.entries).toEqual([
      {
        ruleId: 'test-log-retention',
        source: { file: 'trustscan.config.yaml', line: 4 },
        options: [
          { name: 'min-days', value: 90, source: { file: 'trustscan.config.yaml', line: 5 } },
          { name: 'ports', value: [22, 5432], source: { file: 'trustscan.config.yaml', line: 6 } },
        ],
      },
      { ruleId: 'test-strict-only', source: { file: 'trustscan.config.yaml', line: 8 }, options: [], enabled: true },
    ]);
    checkRuleReferences(config, metas);
    // Options keep their declared names; `enabled` beats the disable list; the severity becomes an exact override.
    expect(configuredRuleOptions(config, metas)).toEqual({ 'test-log-retention': { minDays: 90, ports: [22, 5432] } });
    expect(selectRules(rules, config.rules).map((r) => [r.meta.id, r.meta.severity])).toEqual([
      ['test-log-retention', 'low'],
      ['test-strict-only', 'medium'],
    ]);
    expect(selectRules(rules, configOf('rules:\n  test-log-retention:\n    enabled: false').rules).map((r) => r.meta.id)).toEqual(['test-strict-only']);
  });

  it.each<[string, string, string]>([
    ['an unknown profile', 'profile: paranoid', 'trustscan.config.yaml:1: profile: must be one of baseline, strict, not "paranoid".'],
    ['a misspelt fixed key', 'rules:\n  disabel: [test-log-retention]', 'trustscan.config.yaml:2: rules.disabel: unknown setting; did you mean "disable"?'],
    ['a rule id with settings that are not a mapping', 'rules:\n  test-log-retention: 90', 'trustscan.config.yaml:2: rules.test-log-retention: must be a mapping of rule options (and severity or enabled).'],
    ['an option without a value', 'rules:\n  test-log-retention:\n    minDays:', 'trustscan.config.yaml:3: rules.test-log-retention.minDays: needs a value.'],
    ['a bad per-rule severity', 'rules:\n  test-log-retention:\n    severity: severe', 'trustscan.config.yaml:3: rules.test-log-retention.severity: must be one of critical, high, medium, low, not "severe".'],
    ['a per-rule enabled that is not a flag', 'rules:\n  test-log-retention:\n    enabled: "no"', 'trustscan.config.yaml:3: rules.test-log-retention.enabled: must be true or false.'],
  ])('rejects %s while reading, naming the file, the line and the field', (_name, text, message) => {
    expect(() => configOf(text)).toThrow(message);
  });

  it.each<[string, string, string]>([
    ['a rule id no rule has', 'rules:\n  test-log-retentoin:\n    minDays: 90', 'trustscan.config.yaml:2: rules.test-log-retentoin: no rule has the id "test-log-retentoin"; run `trustscan rules list` for the ids.'],
    ['an option the rule does not have', 'rules:\n  test-log-retention:\n    maxDays: 90', 'trustscan.config.yaml:3: rules.test-log-retention.maxDays: the rule has no option "maxDays"; its options are minDays, requireForever, ports (or severity, enabled).'],
    ['a number below the minimum', 'rules:\n  test-log-retention:\n    minDays: 0', 'trustscan.config.yaml:3: rules.test-log-retention.minDays: must be an integer of at least 1, not 0.'],
    ['text for a number', 'rules:\n  test-log-retention:\n    minDays: a year', 'trustscan.config.yaml:3: rules.test-log-retention.minDays: must be an integer of at least 1, not "a year".'],
    ['a fraction for an integer', 'rules:\n  test-log-retention:\n    minDays: 7.5', 'rules.test-log-retention.minDays: must be an integer of at least 1, not 7.5.'],
    ['text for a flag', 'rules:\n  test-log-retention:\n    requireForever: "yes"', 'trustscan.config.yaml:3: rules.test-log-retention.requireForever: must be true or false, not "yes".'],
    ['a list item out of range', 'rules:\n  test-log-retention:\n    ports: [22, 70000]', 'trustscan.config.yaml:3: rules.test-log-retention.ports: item 2 must be an integer of at least 0 and at most 65535, not 70000.'],
    ['a value for a list', 'rules:\n  test-log-retention:\n    ports: 22', 'trustscan.config.yaml:3: rules.test-log-retention.ports: must be a list, not 22.'],
  ])('rejects %s once rules are loaded, naming the file, the line and the field', (_name, text, message) => {
    expect(problem(text)).toContain(message);
  });
});

describe('resolving options for a scan', () => {
  it('gives each rule its defaults under the profile, overridden by the caller', () => {
    expect(resolveRuleOptions(rules, 'baseline').get('test-log-retention')).toEqual({ minDays: 365, requireForever: false, ports: [22] });
    expect(resolveRuleOptions(rules, 'strict').get('test-log-retention')).toEqual({ minDays: 730, requireForever: false, ports: [22] });
    expect(resolveRuleOptions(rules, 'strict', { 'test-log-retention': { 'min-days': 30 } }).get('test-log-retention')).toEqual({ minDays: 30, requireForever: false, ports: [22] });
    expect(resolveRuleOptions(rules, 'baseline').get('test-strict-only')).toEqual({});
  });

  it.each<[string, Record<string, Record<string, unknown>>, string]>([
    ['an unknown rule', { nope: { minDays: 1 } }, 'scan(): ruleOptions names "nope", which no loaded rule has; run `trustscan rules list` for the ids.'],
    ['an unknown option', { 'test-log-retention': { days: 1 } }, 'scan(): rule test-log-retention has no option "days"; its options are minDays, requireForever, ports.'],
    ['a bad value', { 'test-log-retention': { minDays: '90' } }, 'scan(): option minDays of rule test-log-retention must be an integer of at least 1, not "90".'],
  ])('rejects %s from a library caller as an input error naming scan()', (_name, overrides, message) => {
    expect(() => resolveRuleOptions(rules, 'baseline', overrides)).toThrow(InputError);
    expect(() => resolveRuleOptions(rules, 'baseline', overrides)).toThrow(message);
  });
});

describe('profiles and options through scan()', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'trustscan-rule-options-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const plan = path.join(workspace, 'plan.json');
  writeFileSync(plan, JSON.stringify(buildPlan([{ address: 'aws_cloudwatch_log_group.app', values: { name: '/app', retention_in_days: 400 } }])));
  const run = (options: Partial<Parameters<typeof scan>[0]>) => scan({ targets: [{ kind: 'terraform-plan', path: plan }], rules, root: workspace, ...options });

  it('runs the baseline profile by default: strict-only rules do not run, defaults decide, the result names both', async () => {
    const result = await run({});
    expect(result.findings.map((f) => [f.ruleId, f.status])).toEqual([['test-log-retention', 'pass']]);
    expect(result.profile).toBe('baseline');
    expect(result.rules.map((r) => r.id)).toEqual(['test-log-retention']);
    expect(result.ruleOptions).toEqual({ 'test-log-retention': { minDays: 365, requireForever: false, ports: [22] } });
  });

  it('runs strict-only rules and strict defaults under the strict profile; messages name option values', async () => {
    const result = await run({ profile: 'strict' });
    expect(result.findings.map((f) => [f.ruleId, f.status, f.message])).toEqual([
      ['test-log-retention', 'fail', 'Log group aws_cloudwatch_log_group.app keeps logs for 400 days, less than 730.'],
      ['test-strict-only', 'pass', 'Log group aws_cloudwatch_log_group.app is judged.'],
    ]);
  });

  it('takes options from the caller, which win over the profile', async () => {
    const result = await run({ profile: 'strict', ruleOptions: { 'test-log-retention': { minDays: 180 } } });
    expect(result.findings.find((f) => f.ruleId === 'test-log-retention')?.status).toBe('pass');
    expect(result.ruleOptions?.['test-log-retention']).toEqual({ minDays: 180, requireForever: false, ports: [22] });
  });

  it('rejects an unknown profile from a library caller', async () => {
    await expect(run({ profile: 'paranoid' as never })).rejects.toThrow('scan(): profile must be one of baseline, strict, not "paranoid".');
  });
});
