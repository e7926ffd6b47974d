import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// Core does not depend on the rule pack; the test reads it from its sources, as a user's scan would.
import { rules } from '@trustscan/rules';
import { scan, type Finding, type ScanResult } from '@trustscan/core';
import { junitProblems } from '../../../testing/junit-validation.js';
import { motoEnvironment, startMoto, type MotoServer } from '../../../testing/moto.js';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { awsSource } from '../src/index.js';
import { account, buildDriftedAccount, lines, rawState, stateResources, writeTerraform } from './drift-scenario.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');
const validateJson = new Ajv2020.default({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(repository, 'packages/reporters/schema/report.schema.json'), 'utf8')) as object);

let moto: MotoServer;
const workspace = temporaryDirectory('moto-drift');
let files: ReturnType<typeof writeTerraform>;
const results = new Map<string, ScanResult>();

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(motoEnvironment(moto.endpoint))) vi.stubEnv(name, value);
  await buildDriftedAccount(moto.endpoint);
  files = writeTerraform(workspace);
  for (const [name, target] of [['HCL', files.infra], ['raw state', files.state], ['shown state', files.shown]] as const) {
    results.set(name, await scan({ targets: [{ kind: 'path', path: target }, { kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: workspace, terraform: { cacheDirectory: false } }));
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

/** The line of a resource in a state file as Terraform writes it: its `"type"` (raw) or its `"address"` (shown). */
function stateLine(file: string, address: string): number {
  const text = readFileSync(file, 'utf8');
  const [type, name] = address.split('.');
  const raw = text.split('\n').findIndex((line, i, all) => line.includes(`"type": "${type}"`) && (all[i + 1] ?? '').includes(`"name": "${name}"`));
  if (raw >= 0) return raw + 1;
  const lineOf = text.slice(0, text.indexOf(`"address":"${address}"`)).split('\n').length;
  return lineOf;
}

function where(finding: Finding | undefined): string {
  return finding ? `${finding.location.file}:${finding.location.startLine}` : 'none';
}

/** Where each declared copy of the drifted and missing resources is, per form of the declared side. */
const declaredAt = {
  HCL: { versioning: `infra/main.tf:${lines.versioningStatus}`, policy: `infra/main.tf:${lines.reportsDocument}`, logs: `infra/main.tf:${lines.logsBucket}` },
  'raw state': { versioning: () => `state/terraform.tfstate:${stateLine(files.state, 'aws_s3_bucket_versioning.data')}`, policy: () => `state/terraform.tfstate:${stateLine(files.state, 'aws_iam_policy.reports')}`, logs: () => `state/terraform.tfstate:${stateLine(files.state, 'aws_s3_bucket.logs')}` },
  'shown state': { versioning: () => `state/show.json:${stateLine(files.shown, 'aws_s3_bucket_versioning.data')}`, policy: () => `state/show.json:${stateLine(files.shown, 'aws_iam_policy.reports')}`, logs: () => `state/show.json:${stateLine(files.shown, 'aws_s3_bucket.logs')}` },
};

const resolve = (value: string | (() => string)): string => (typeof value === 'string' ? value : value());

describe.each(['HCL', 'raw state', 'shown state'] as const)('drift of a moto account against its Terraform %s', (form) => {
  const result = (): ScanResult => results.get(form) as ScanResult;
  const failing = (ruleId: string) => result().findings.filter((f) => f.ruleId === ruleId && f.status === 'fail');

  it('finds exactly the two controls changed behind Terraform, with both values and both locations', () => {
    expect(result().notifications.filter((n) => n.level !== 'note')).toEqual([]);
    const drifted = failing('drift-control');
    expect(drifted.map((f) => [f.drift?.control, f.resource.address, f.severity]).sort()).toEqual([
      ['aws-iam-policy-no-full-admin', 'aws_iam_policy.reports', 'critical'],
      ['aws-s3-bucket-versioning', 'aws_s3_bucket.data', 'medium'],
    ]);
    const versioning = drifted.find((f) => f.drift?.control === 'aws-s3-bucket-versioning');
    expect(where(versioning)).toBe(resolve(declaredAt[form].versioning));
    expect(versioning?.drift).toMatchObject({
      attribute: 'versioning_configuration.0.status',
      declared: { status: 'pass', value: '"Enabled"' },
      live: { status: 'fail', value: '"Suspended"', address: 'arn:aws:s3:::acme-data', location: { file: `cloud/aws/${account}/us-east-1/aws_s3_bucket_versioning/acme-data` } },
    });
    expect(versioning?.resource.cloudId).toBe('arn:aws:s3:::acme-data');
    const admin = drifted.find((f) => f.drift?.control === 'aws-iam-policy-no-full-admin');
    expect(where(admin)).toBe(resolve(declaredAt[form].policy));
    expect(admin?.drift).toMatchObject({ declared: { status: 'pass' }, live: { status: 'fail', address: `arn:aws:iam::${account}:policy/read-reports` } });
    expect(admin?.message).toContain('grants full administrator access');
  });

  it('agrees on every other control both copies have', () => {
    const others = result().findings.filter((f) => f.ruleId === 'drift-control' && f.status !== 'fail');
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(others.filter((f) => f.status !== 'pass').map((f) => f.message)).toEqual([]);
  });

  it('lists the resources created by hand as unmanaged, by type', () => {
    expect(failing('drift-unmanaged').map((f) => [f.resource.type, f.resource.cloudId, f.location.file])).toEqual([
      ['aws_iam_role', `arn:aws:iam::${account}:role/hand-made`, `cloud/aws/${account}/global/aws_iam_role/role%2Fhand-made`],
      ['aws_s3_bucket', 'arn:aws:s3:::acme-manual', `cloud/aws/${account}/us-east-1/aws_s3_bucket/acme-manual`],
    ]);
  });

  it('reports the bucket deleted by hand as missing, at its declaration', () => {
    const missing = failing('drift-missing');
    expect(missing.map((f) => [f.resource.address, where(f)])).toEqual([['aws_s3_bucket.logs', resolve(declaredAt[form].logs)]]);
  });
});

describe('joins, by every identity the scenario uses', () => {
  it.each<[string, string, string]>([
    ['HCL', 'aws_s3_bucket.data', 'bucket'],
    ['HCL', 'aws_iam_policy.reports', 'name'],
    ['HCL', 'aws_iam_role_policy.app', 'role+name'],
    ['HCL', 'aws_iam_role_policy_attachment.app', 'reference'],
    ['raw state', 'aws_s3_bucket.data', 'arn'],
    ['raw state', 'aws_iam_policy.reports', 'arn'],
    ['raw state', 'aws_iam_role_policy.app', 'role+name'],
    ['raw state', 'aws_iam_role_policy_attachment.app', 'role+policy_arn'],
  ])('%s: %s by %s', (form, address, by) => {
    const joined = (results.get(form) as ScanResult).findings.filter((f) => f.ruleId === 'drift-control' && f.resource.address === address).map((f) => f.drift?.joinedBy);
    expect(joined.length).toBeGreaterThan(0);
    expect(new Set(joined)).toEqual(new Set([by]));
  });

  it('compares a declaration read twice (the directory and its state) with each copy, without calling it a duplicate', async () => {
    const both = await scan({ targets: [{ kind: 'path', path: files.infra }, { kind: 'path', path: files.state }, { kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: workspace, terraform: { cacheDirectory: false } });
    expect(both.notifications.filter((n) => n.code === 'drift-duplicate-identity')).toEqual([]);
    expect(both.findings.filter((f) => f.ruleId === 'drift-control' && f.status === 'fail').map((f) => [f.drift?.control, f.target]).sort()).toEqual([
      ['aws-iam-policy-no-full-admin', 'infra'],
      ['aws-iam-policy-no-full-admin', 'state/terraform.tfstate'],
      ['aws-s3-bucket-versioning', 'infra'],
      ['aws-s3-bucket-versioning', 'state/terraform.tfstate'],
    ]);
  });
});

describe('bad input', () => {
  it('says that a state of another account joins nothing, and still reports every control', async () => {
    const other = '999988887777';
    const foreign = JSON.parse(rawState(stateResources).replaceAll(account, other)) as object;
    const file = path.join(workspace, 'other-account.tfstate');
    writeFileSync(file, JSON.stringify(foreign, null, 2));
    const result = await scan({ targets: [{ kind: 'path', path: file }, { kind: 'aws', regions: ['us-east-1'] }], sources: { aws: awsSource }, rules, root: workspace });
    expect(result.notifications.filter((n) => n.code.startsWith('drift-'))).toEqual([
      expect.objectContaining({ level: 'warning', code: 'drift-other-account', message: expect.stringContaining(`other-account.tfstate describes account ${other} but aws:${account} is account ${account}: nothing joins`) as string }),
    ]);
    expect(result.findings.filter((f) => f.ruleId.startsWith('drift-'))).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'aws-s3-bucket-versioning').map((f) => f.resource.origin).sort()).toEqual(['aws', 'aws', 'state', 'state']);
  });
});

describe('trustscan scan infra/ --aws (the real binary)', () => {
  const environment = (): NodeJS.ProcessEnv => ({ ...process.env, ...motoEnvironment(moto.endpoint), NO_COLOR: '1' });
  const run = (args: string[]) => spawnSync(process.execPath, [binary, ...args], { cwd: workspace, encoding: 'utf8', env: environment() });

  it('reports drift in every format, SARIF at the .tf line, without new flags', async () => {
    const out = temporaryDirectory('moto-drift-reports');
    const report = (name: string) => path.join(out, name);
    const scanRun = run(['scan', 'infra', '--aws', '--aws-region', 'us-east-1', '--no-cache', '-f', 'text', '-o', report('r.txt'), '-f', 'json', '-o', report('r.json'), '-f', 'sarif', '-o', report('r.sarif'), '-f', 'markdown', '-o', report('r.md'), '-f', 'html', '-o', report('r.html'), '-f', 'junit', '-o', report('r.xml'), '-q']);
    expect(scanRun.stderr).toBe('');
    expect(scanRun.status).toBe(1); // the drifted full-admin policy is critical

    const text = readFileSync(report('r.txt'), 'utf8');
    expect(text).toContain('Drift  Terraform against the cloud:');
    expect(text).toContain(
      [
        '  ✗ medium   aws-s3-bucket-versioning  aws_s3_bucket.data',
        '      declared  pass    infra/main.tf:8         versioning_configuration.0.status = "Enabled"',
        '      live      fail    arn:aws:s3:::acme-data  versioning_configuration.0.status = "Suspended"',
      ].join('\n'),
    );
    expect(text).toContain('Unmanaged resources (aws_iam_role 1, aws_s3_bucket 1)');
    expect(text).toMatch(/Missing resources\n.*aws_s3_bucket\.logs {2}infra\/main\.tf:20/);

    const json = JSON.parse(readFileSync(report('r.json'), 'utf8')) as { findings: Finding[] };
    expect(validateJson(json), JSON.stringify(validateJson.errors)).toBe(true);
    expect(json.findings.filter((f) => f.ruleId.startsWith('drift-')).map((f) => f.ruleId).sort()).toEqual(['drift-control', 'drift-control', 'drift-missing', 'drift-unmanaged', 'drift-unmanaged']);

    const sarifText = readFileSync(report('r.sarif'), 'utf8');
    expect(sarifProblems(sarifText)).toEqual([]);
    const sarif = JSON.parse(sarifText) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { drift?: { control?: string } } }[]; tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } } }[] };
    const versioning = sarif.runs[0]?.results.find((r) => r.ruleId === 'drift-control' && r.properties.drift?.control === 'aws-s3-bucket-versioning');
    expect(versioning?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'infra/main.tf' }, region: { startLine: 8 } });
    expect(versioning?.relatedLocations?.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual(['infra/main.tf', `cloud/aws/${account}/us-east-1/aws_s3_bucket_versioning/acme-data`]);
    expect(sarif.runs[0]?.tool.driver.rules.find((r) => r.id === 'drift-control')?.properties.tags).toEqual(['security', 'soc2', 'change-management', 'external/soc2/cc8.1', 'external/soc2/cc7.1']);

    const markdown = readFileSync(report('r.md'), 'utf8');
    expect(markdown).toContain('### Drift: Terraform against the cloud');
    expect(markdown).toContain('| Medium | `aws-s3-bucket-versioning` | `aws_s3_bucket.data` | ✅ pass at `infra/main.tf:8`: `versioning_configuration.0.status = "Enabled"` | ❌ fail on `arn:aws:s3:::acme-data`: `versioning_configuration.0.status = "Suspended"` |');
    expect(markdown).toContain('#### Unmanaged resources (2)');
    expect(markdown).toContain('#### Missing resources (1)');

    const html = readFileSync(report('r.html'), 'utf8');
    expect(html).toContain('<section id="drift">');
    expect(html).toContain('<h3>Drifted controls (2)</h3>');

    const junit = readFileSync(report('r.xml'), 'utf8');
    expect(await junitProblems(junit)).toEqual([]);
    expect(junit).toContain('drift-unmanaged');
  });

  it('turns drift off with --no-drift', () => {
    const out = temporaryDirectory('moto-drift-off');
    const scanRun = run(['scan', 'infra', '--aws', '--aws-region', 'us-east-1', '--no-cache', '--no-drift', '-f', 'json', '-o', path.join(out, 'r.json'), '-q', '--fail-on', 'never']);
    expect(scanRun.status).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as { findings: Finding[] };
    expect(json.findings.filter((f) => f.ruleId.startsWith('drift-'))).toEqual([]);
    expect(json.findings.some((f) => f.ruleId === 'aws-s3-bucket-versioning')).toBe(true);
  });
});
