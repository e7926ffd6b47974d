import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, findConfigFile, parseConfig, readConfigFile } from '@trustscan/core';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const file = '/repo/infra/trustscan.config.yaml';

/** The error a config text raises, as the one line a user sees. */
function problem(text: string, name = file): string {
  try {
    parseConfig(text, name, 'trustscan.config.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

const waiver = (fields: Record<string, string>) =>
  ['waivers:', '  - rule: aws-s3-bucket-versioning', ...Object.entries({ resource: 'aws_s3_bucket.logs', reason: 'Log bucket contents are re-creatable.', owner: 'platform', expires: '2030-01-31', ...fields }).filter(([, v]) => v !== '').map(([k, v]) => `    ${k}: ${v}`)].join('\n');

describe('config file', () => {
  it('reads every setting, resolving paths against the file and remembering where each waiver is written', () => {
    const config = parseConfig(
      [
        'version: 1',
        'targets:',
        '  - plan.json',
        '  - path: ../modules',
        '  - aws: { regions: [eu-west-1, us-east-1], profile: audit }',
        '  - azure:',
        '      subscriptions: 00000000-0000-0000-0000-000000000001',
        '      resource-graph: true',
        'tf-dir: .',
        'variables:',
        '  env: prod',
        '  replicas: 3',
        '  tags: { team: data }',
        'var-files: [prod.tfvars]',
        'exclude: [deprecated/, "**/examples/**"]',
        'rules:',
        '  directories: [policies]',
        '  enable: [aws-*, "criterion:A1.2"]',
        '  disable: [area:logging-monitoring, severity:low]',
        '  severity:',
        '    aws-s3-*: medium',
        '    aws-s3-bucket-versioning: high',
        'fail-on: medium',
        'fail-on-unknown: true',
        'baseline: .trustscan/baseline.json',
        'waivers:',
        '  - rule: aws-s3-bucket-versioning',
        '    resources: [aws_s3_bucket.logs, "arn:aws:s3:::acme-logs"]',
        '    reason: Access logs are re-creatable from CloudTrail.',
        '    owner: platform-team@acme.test',
        '    expires: 2030-01-31',
      ].join('\n'),
      file,
      'infra/trustscan.config.yaml',
    );
    expect(config.targets).toEqual([
      { kind: 'path', path: '/repo/infra/plan.json' },
      { kind: 'path', path: '/repo/modules' },
      { kind: 'aws', regions: ['eu-west-1', 'us-east-1'], profile: 'audit' },
      { kind: 'azure', subscriptions: ['00000000-0000-0000-0000-000000000001'], resourceGraph: true },
    ]);
    expect(config.tfDir).toBe('/repo/infra');
    expect(config.variables).toEqual([['env', 'prod'], ['replicas', '3'], ['tags', '{"team":"data"}']]);
    expect(config.varFiles).toEqual(['/repo/infra/prod.tfvars']);
    expect(config.exclude).toEqual(['deprecated/', '**/examples/**']);
    expect(config.rules.directories).toEqual(['/repo/infra/policies']);
    expect(config.rules.enable?.map((s) => s.kind)).toEqual(['id', 'criterion']);
    expect(config.rules.disable.map((s) => s.text)).toEqual(['area:logging-monitoring', 'severity:low']);
    expect(config.rules.severity.map((o) => [o.selector.text, o.severity, o.selector.source.line])).toEqual([['aws-s3-*', 'medium', 21], ['aws-s3-bucket-versioning', 'high', 22]]);
    expect(config).toMatchObject({ failOn: 'medium', failOnUnknown: true, baseline: '/repo/infra/.trustscan/baseline.json' });
    expect(config.waivers).toEqual([
      {
        rule: 'aws-s3-bucket-versioning',
        resources: ['aws_s3_bucket.logs', 'arn:aws:s3:::acme-logs'],
        reason: 'Access logs are re-creatable from CloudTrail.',
        owner: 'platform-team@acme.test',
        expires: '2030-01-31',
        source: { kind: 'config', file: 'infra/trustscan.config.yaml', line: 27 },
      },
    ]);
  });

  it('reads the evidence store, key and retention, resolving a directory store and the key against the file', () => {
    expect(parseConfig('evidence:\n  store: ../evidence\n  key: keys/evidence.pem\n  retain-days: 400\n', file).evidence).toEqual({ store: '/repo/evidence', key: '/repo/infra/keys/evidence.pem', retainDays: 400 });
    expect(parseConfig('evidence: { store: s3://acme-evidence/trustscan/prod }', file).evidence).toEqual({ store: 's3://acme-evidence/trustscan/prod' });
  });

  it.each<[string, string, number]>([
    ['a day', '1d', 86_400_000],
    ['twelve hours', '12h', 43_200_000],
    ['a week', '1w', 604_800_000],
    ['seven days', '7d', 604_800_000],
  ])('reads the expected cadence of scans: %s', (_name, text, milliseconds) => {
    expect(parseConfig(`evidence:\n  cadence: ${text}\n`, file).evidence).toEqual({ cadence: { text, milliseconds } });
  });

  it('reads the owners of corrective actions and the SLA days by severity, remembering where each owner is written', () => {
    const config = parseConfig(
      [
        'owners:',
        '  - owner: data@acme.example',
        '    resources: ["aws_db_instance.*", "arn:aws:rds:*"]',
        '    tags: { team: data, tier: 1 }',
        '  - owner: platform@acme.example',
        '    paths: infra/**',
        '    targets: ["aws:*"]',
        'sla: { critical: 3, high: 14 }',
      ].join('\n'),
      file,
      'trustscan.config.yaml',
    );
    expect(config.owners).toEqual([
      { owner: 'data@acme.example', resources: ['aws_db_instance.*', 'arn:aws:rds:*'], tags: { team: 'data', tier: '1' }, source: { file: 'trustscan.config.yaml', line: 2 } },
      { owner: 'platform@acme.example', paths: ['infra/**'], targets: ['aws:*'], source: { file: 'trustscan.config.yaml', line: 5 } },
    ]);
    expect(config.sla).toEqual({ critical: 3, high: 14 });
  });

  it('reads the JSON form with the same lines', () => {
    const json = JSON.stringify({ 'fail-on': 'low', waivers: [{ rule: 'aws-*', resource: 'aws_s3_bucket.*', reason: 'Sandbox account only.', owner: 'sre', expires: '2031-12-31' }] }, null, 2);
    const config = parseConfig(json, '/repo/trustscan.config.json', 'trustscan.config.json');
    expect(config.failOn).toBe('low');
    expect(config.waivers[0]?.source).toEqual({ kind: 'config', file: 'trustscan.config.json', line: 4 });
  });

  it('accepts an empty file as all defaults', () => {
    expect(parseConfig('', file)).toMatchObject({ variables: [], varFiles: [], waivers: [], rules: { directories: [], disable: [], severity: [] } });
    expect(parseConfig('', file).targets).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ['a missing reason', waiver({ reason: '' }), 'trustscan.config.yaml:2: waivers[0].reason: is required: why the risk is accepted, at least 10 characters.'],
    ['a short reason', waiver({ reason: 'accepted' }), 'trustscan.config.yaml:4: waivers[0].reason: "accepted" is too short; say why the risk is accepted in at least 10 characters.'],
    ['a missing owner', waiver({ owner: '' }), 'trustscan.config.yaml:2: waivers[0].owner: is required: who answers for the accepted risk (a person or team).'],
    ['a missing expiry', waiver({ expires: '' }), 'trustscan.config.yaml:2: waivers[0].expires: is required: the last day the waiver applies, as YYYY-MM-DD.'],
    ['an impossible date', waiver({ expires: '2030-02-30' }), 'trustscan.config.yaml:6: waivers[0].expires: "2030-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2030-01-31.'],
    ['a date in another format', waiver({ expires: '31/01/2030' }), 'trustscan.config.yaml:6: waivers[0].expires: "31/01/2030" is not a date; write it as YYYY-MM-DD, e.g. 2030-01-31.'],
    ['no resource', waiver({ resource: '' }), 'trustscan.config.yaml:2: waivers[0].resource: is required: the Terraform address, ARN or Azure resource id (globs allowed) the waiver covers.'],
    ['resource and resources', `${waiver({})}\n    resources: [a]`, 'trustscan.config.yaml:2: waivers[0].resources: give either resource or resources, not both.'],
    ['a misspelt waiver field', `${waiver({})}\n    expiry: 2030-01-01`, 'trustscan.config.yaml:7: waivers[0].expiry: unknown setting; did you mean "expires"?'],
    ['an empty rule', 'waivers:\n  - rule: ""\n    resource: a', 'trustscan.config.yaml:2: waivers[0].rule: must not be empty.'],
    ['a retention of zero days', 'evidence:\n  store: s3://acme-evidence\n  retain-days: 0', 'trustscan.config.yaml:3: evidence.retain-days: must be a whole number of days from 1 to 36500.'],
    ['a retention in words', 'evidence:\n  retain-days: a year', 'trustscan.config.yaml:2: evidence.retain-days: must be a whole number of days from 1 to 36500.'],
    ['a malformed S3 store', 'evidence:\n  store: s3://Acme_Evidence/x', 'trustscan.config.yaml:2: evidence.store: "s3://Acme_Evidence/x" is not an S3 location; write s3://bucket/prefix.'],
    ['a misspelt evidence setting', 'evidence:\n  retain-day: 30', 'trustscan.config.yaml:2: evidence.retain-day: unknown setting; did you mean "retain-days"?'],
    ['a cadence without a unit', 'evidence:\n  cadence: 1', 'trustscan.config.yaml:2: evidence.cadence: must be how often scans run, as a number and h, d or w, e.g. 1d, 12h or 1w.'],
    ['a cadence in words', 'evidence:\n  cadence: daily', 'trustscan.config.yaml:2: evidence.cadence: must be how often scans run, as a number and h, d or w, e.g. 1d, 12h or 1w.'],
    ['an owner without a name', 'owners:\n  - paths: [infra/**]', 'trustscan.config.yaml:2: owners[0].owner: is required: the person or team who fixes what this entry matches.'],
    ['an owner of nothing', 'owners:\n  - owner: sre', 'trustscan.config.yaml:2: owners[0]: must say what the owner answers for: resources, paths, tags or targets (use resources: ["*"] for everything else).'],
    ['a misspelt owner field', 'owners:\n  - owner: sre\n    resource: [a]', 'trustscan.config.yaml:3: owners[0].resource: unknown setting; did you mean "resources"?'],
    ['a tag without a value', 'owners:\n  - owner: sre\n    tags:\n      team:', 'trustscan.config.yaml:4: owners[0].tags.team: must be a tag value (text).'],
    ['owners as a mapping', 'owners:\n  sre: [a]', 'trustscan.config.yaml:2: owners: must be a list.'],
    ['an SLA of zero days', 'sla:\n  high: 0', 'trustscan.config.yaml:2: sla.high: must be a whole number of days from 1 to 3650.'],
    ['an SLA in words', 'sla: { low: "a month" }', 'trustscan.config.yaml:1: sla.low: must be a whole number of days from 1 to 3650.'],
    ['an SLA for an unknown severity', 'sla:\n  severe: 1', 'trustscan.config.yaml:2: sla.severe: unknown setting; the settings here are critical, high, medium, low.'],
    ['a misspelt setting', 'targets: [a]\nfail-onn: high', 'trustscan.config.yaml:2: fail-onn: unknown setting; did you mean "fail-on"?'],
    ['a bad fail-on', 'fail-on: severe', 'trustscan.config.yaml:1: fail-on: must be one of critical, high, medium, low, never, not "severe".'],
    ['a string for a flag', 'fail-on-unknown: "yes"', 'trustscan.config.yaml:1: fail-on-unknown: must be true or false.'],
    ['an unknown area', 'rules:\n  disable: [area:networking]', 'trustscan.config.yaml:2: rules.disable[0]: unknown area "networking"; the areas are encryption-at-rest, encryption-in-transit, logging-monitoring, backup-recovery, least-privilege, change-management.'],
    ['an unknown criterion', 'rules:\n  enable:\n    - criterion:CC99.1', 'trustscan.config.yaml:3: rules.enable[0]: unknown Trust Services Criterion "CC99.1", e.g. CC6.1.'],
    ['a bad severity override', 'rules:\n  severity:\n    aws-s3-bucket-versioning: severe', 'trustscan.config.yaml:3: rules.severity.aws-s3-bucket-versioning: must be one of critical, high, medium, low, not "severe".'],
    ['a target naming two kinds', 'targets:\n  - path: a\n    aws: {}', 'trustscan.config.yaml:2: targets[0]: must name one target: path, aws or azure.'],
    ['an unknown AWS option', 'targets:\n  - aws:\n      region: eu-west-1', 'trustscan.config.yaml:3: targets[0].aws.region: unknown setting; did you mean "regions"?'],
    ['a variable without a value', 'variables:\n  env:', 'trustscan.config.yaml:2: variables.env: needs a value.'],
    ['an exclude that is not a list', 'exclude: deprecated/', 'trustscan.config.yaml:1: exclude: must be a list.'],
    ['an exclude pattern that is not a string', 'exclude:\n  - [a]', 'trustscan.config.yaml:2: exclude[0]: must be text.'],
    ['a version from the future', 'version: 2', 'trustscan.config.yaml:1: version: must be 1, the only config version so far.'],
    ['a list at the top', '- a', 'trustscan.config.yaml:1: must be a mapping of version, targets, tf-dir, variables, var-files, exclude, rules, profile, fail-on, fail-on-unknown, baseline, waivers, evidence, owners, sla.'],
    ['broken YAML', 'waivers:\n  - rule: a\n   bad: [', 'trustscan.config.yaml:3: not valid YAML: '],
    ['a duplicate key', 'fail-on: high\nfail-on: low', 'trustscan.config.yaml:2: not valid YAML: Map keys must be unique.'],
  ])('rejects %s, naming the file, the line and the field', (_name, text, message) => {
    expect(problem(text)).toContain(message);
  });

  it('rejects invalid JSON in a .json file with its line', () => {
    expect(problem('{\n  "fail-on": "high",\n}', '/repo/trustscan.config.json')).toMatch(/^trustscan\.config\.yaml:3: not valid JSON \(/);
  });

  it('names an unreadable file', async () => {
    await expect(readConfigFile('/no/such/trustscan.config.yaml', { displayPath: 'x.yaml' })).rejects.toThrow('x.yaml: cannot read the config file (no such file).');
  });

  it('is found upward from the working directory, and not past the repository root', async () => {
    const outside = temporaryDirectory('config');
    writeFileSync(path.join(outside, 'trustscan.config.yaml'), 'fail-on: low\n');
    const repository = path.join(outside, 'repo');
    const deep = path.join(repository, 'infra', 'prod');
    mkdirSync(deep, { recursive: true });
    mkdirSync(path.join(repository, '.git'));
    expect(await findConfigFile(deep)).toBeUndefined();

    writeFileSync(path.join(repository, 'trustscan.config.json'), '{}');
    expect(await findConfigFile(deep)).toBe(path.join(repository, 'trustscan.config.json'));
    writeFileSync(path.join(repository, 'trustscan.config.yaml'), '');
    expect(await findConfigFile(deep)).toBe(path.join(repository, 'trustscan.config.yaml'));
    writeFileSync(path.join(repository, 'infra', 'trustscan.config.yml'), '');
    expect(await findConfigFile(deep)).toBe(path.join(repository, 'infra', 'trustscan.config.yml'));
    expect(await findConfigFile(outside)).toBe(path.join(outside, 'trustscan.config.yaml'));
  });
});
