import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareDrift,
  compileDeclarativeRule,
  defineRule,
  driftRules,
  scan,
  Unknown,
  type AwsTarget,
  type DeclarativeRuleDefinition,
  type Finding,
  type LiveSource,
  type Resource,
  type ScanResult,
  type Value,
} from '@trustscan/core';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const account = '123456789012';
const otherAccount = '210987654321';
const workspace = temporaryDirectory('drift');
let count = 0;

const base = { description: 'Test rule.', remediation: 'Fix it.', criteria: { primary: ['A1.2' as const], basis: 'test' } };
const definitions: DeclarativeRuleDefinition[] = [
  {
    ...base,
    id: 'test-versioning',
    title: 'Buckets keep versions',
    severity: 'high',
    area: 'backup-recovery',
    resourceTypes: ['aws_s3_bucket'],
    check: { path: '$.versioning[0].enabled', equals: true, default: false },
    messages: { pass: '{{address}} keeps versions.', fail: '{{address}} does not keep versions ({{path}} = {{value}}).' },
  },
  {
    ...base,
    id: 'test-force-destroy',
    title: 'Buckets are not force-destroyed',
    severity: 'low',
    area: 'backup-recovery',
    resourceTypes: ['aws_s3_bucket'],
    check: { path: '$.force_destroy', equals: false, default: false },
    messages: { pass: '{{address}} passes.', fail: '{{address}} fails.' },
  },
  {
    ...base,
    id: 'test-owner-tag',
    title: 'Buckets name their owner',
    severity: 'medium',
    area: 'logging-monitoring',
    resourceTypes: ['aws_s3_bucket'],
    check: { path: '$.tags.owner', equals: 'platform' },
    messages: { pass: '{{address}} is owned by the platform team.', fail: '{{address}} is owned by {{value}}.' },
  },
];
const liveOnly = defineRule({
  meta: { ...base, id: 'test-live-only', title: 'Live only', severity: 'low', area: 'logging-monitoring', resourceTypes: ['aws_s3_bucket'], liveOnly: true, messages: { unknown: 'Not known offline.', pass: 'Passes live.' } },
  evaluate: (resource) => (resource.origin.kind === 'aws' ? { status: 'pass', messageId: 'pass' } : { status: 'unknown', messageId: 'unknown' }),
});
const rules = [...definitions.map((d) => compileDeclarativeRule(d)), liveOnly, ...driftRules];

function bucketAttributes(name: string, values: Record<string, Value> = {}): Record<string, Value> {
  return { id: name, arn: `arn:aws:s3:::${name}`, bucket: name, region: 'us-east-1', force_destroy: false, versioning: [{ enabled: true, mfa_delete: false }], tags: { owner: 'platform' }, ...values };
}

function liveBucket(name: string, values: Record<string, Value> = {}, where: { account?: string; region?: string } = {}): Resource {
  const arn = `arn:aws:s3:::${name}`;
  return { address: arn, type: 'aws_s3_bucket', provider: 'aws', attributes: bucketAttributes(name, values), origin: { kind: 'aws', arn, account: where.account ?? account, region: where.region ?? 'us-east-1' } };
}

interface Declared {
  readonly type?: string;
  readonly name: string;
  readonly attributes: Record<string, Value>;
  readonly sensitive?: unknown[];
}

/** Writes raw state holding the declared resources and returns its path. */
function writeState(resources: readonly Declared[]): string {
  const directory = path.join(workspace, `case-${++count}`);
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, 'terraform.tfstate');
  const state = {
    version: 4,
    terraform_version: '1.9.8',
    serial: 1,
    lineage: 'b1c2d3e4-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map((r) => ({ mode: 'managed', type: r.type ?? 'aws_s3_bucket', name: r.name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes: r.attributes, sensitive_attributes: r.sensitive ?? [] }] })),
  };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return file;
}

/** A live source that returns fixed resources, as `@trustscan/aws` would normalize them. */
function liveSource(resources: readonly Resource[], options: { observedTypes?: string[]; regions?: string[]; scopeAccount?: string } = {}): LiveSource<AwsTarget> {
  return {
    load: async () => ({
      name: `aws:${options.scopeAccount ?? account}`,
      kind: 'aws',
      resources,
      notifications: [],
      ...(options.observedTypes ? { observedTypes: options.observedTypes } : {}),
      scope: { accounts: [options.scopeAccount ?? account], regions: options.regions ?? ['us-east-1'] },
    }),
  };
}

async function scanDrift(declared: readonly Declared[], live: readonly Resource[], options: { observedTypes?: string[]; regions?: string[]; scopeAccount?: string; extraTargets?: string[]; drift?: boolean } = {}): Promise<ScanResult & { state: string }> {
  const state = writeState(declared);
  const result = await scan({
    targets: [{ kind: 'path', path: state }, ...(options.extraTargets ?? []).map((p) => ({ kind: 'path' as const, path: p })), { kind: 'aws' }],
    sources: { aws: liveSource(live, options) },
    rules,
    root: workspace,
    terraform: { cacheDirectory: false },
    ...(options.drift === undefined ? {} : { drift: options.drift }),
  });
  return { ...result, state };
}

/** The line of a resource's `"type"` in a state file Terraform wrote: just before its `"name"`. */
function typeLine(file: string, name: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(`"name": "${name}"`));
}

function drift(result: ScanResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

function control(result: ScanResult, id: string): Finding | undefined {
  const found = result.findings.filter((f) => f.ruleId === 'drift-control' && f.drift?.control === id);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

describe('drift between a Terraform state and a live account', () => {
  describe('drift-control compares each control on both copies', () => {
    it('fails a control that passes as declared and fails live, with both values and both locations', async () => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }], [liveBucket('acme-data', { versioning: [{ enabled: false, mfa_delete: false }] })]);
      const finding = control(result, 'test-versioning');
      const stateFile = path.relative(workspace, result.state);
      expect(finding).toMatchObject({
        status: 'fail',
        severity: 'high',
        area: 'change-management',
        tsc: ['CC8.1', 'CC7.1', 'A1.2'],
        resource: { address: 'aws_s3_bucket.data', type: 'aws_s3_bucket', origin: 'state', cloudId: 'arn:aws:s3:::acme-data' },
        target: stateFile,
        location: { file: stateFile, startLine: 10 },
        path: 'versioning.0.enabled',
        drift: {
          kind: 'control',
          control: 'test-versioning',
          attribute: 'versioning.0.enabled',
          joinedBy: 'arn',
          declared: { target: stateFile, address: 'aws_s3_bucket.data', cloudId: 'arn:aws:s3:::acme-data', status: 'pass', value: 'true', location: { file: stateFile, startLine: 10 } },
          live: { target: `aws:${account}`, address: 'arn:aws:s3:::acme-data', status: 'fail', value: 'false', location: { file: `cloud/aws/${account}/us-east-1/aws_s3_bucket/acme-data` } },
        },
      });
      expect(finding?.message).toBe(
        `test-versioning drifted on aws_s3_bucket.data: the Terraform declaration passes it (versioning.0.enabled = true at ${stateFile}:10) but the live resource arn:aws:s3:::acme-data fails it (versioning.0.enabled = false). arn:aws:s3:::acme-data does not keep versions (versioning.0.enabled = false).`,
      );
    });

    it('fails a control fixed by hand that the declaration would undo', async () => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data', { force_destroy: true }) }], [liveBucket('acme-data')]);
      expect(control(result, 'test-force-destroy')).toMatchObject({ status: 'fail', severity: 'low', drift: { declared: { status: 'fail', value: 'true' }, live: { status: 'pass', value: 'false' } } });
      expect(control(result, 'test-force-destroy')?.message).toContain('so the next apply would undo the fix');
    });

    it.each<[string, Record<string, Value>, Record<string, Value>, string]>([
      ['agree when both copies pass', {}, {}, 'pass'],
      ['agree when both copies fail', { force_destroy: true }, { force_destroy: true }, 'pass'],
      ['cannot tell when the live value is unknown', {}, { force_destroy: new Unknown('s3:GetBucketAcl was denied') }, 'unknown'],
    ])('%s', async (_name, declaredValues, liveValues, status) => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data', declaredValues) }], [liveBucket('acme-data', liveValues)]);
      expect(control(result, 'test-force-destroy')?.status).toBe(status);
    });

    it('leaves out controls decided only against the cloud', async () => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }], [liveBucket('acme-data')]);
      expect(control(result, 'test-live-only')).toBeUndefined();
      expect(result.findings.filter((f) => f.ruleId === 'drift-control').map((f) => f.drift?.control).sort()).toEqual(['test-force-destroy', 'test-owner-tag', 'test-versioning']);
    });

    it('never shows a value the state keeps sensitive, in the message or the comparison', async () => {
      const secret = 'Owner-Secret-8842';
      const result = await scanDrift(
        [{ name: 'data', attributes: bucketAttributes('acme-data', { tags: { owner: secret } }), sensitive: [[{ type: 'get_attr', value: 'tags' }, { type: 'index', value: { value: 'owner', type: 'string' } }]] }],
        [liveBucket('acme-data')],
      );
      const finding = control(result, 'test-owner-tag');
      expect(finding).toMatchObject({ status: 'fail', drift: { declared: { status: 'fail', value: '(sensitive)' }, live: { status: 'pass', value: '"platform"' } } });
      expect(JSON.stringify(result)).not.toContain(secret);
    });
  });

  describe('drift-unmanaged and drift-missing', () => {
    it('reports live resources nothing declares and declared ones not found, once each, where a reader finds them', async () => {
      const result = await scanDrift(
        [
          { name: 'data', attributes: bucketAttributes('acme-data') },
          { name: 'gone', attributes: bucketAttributes('acme-gone') },
        ],
        [liveBucket('acme-data'), liveBucket('acme-manual')],
      );
      const stateFile = path.relative(workspace, result.state);
      expect(drift(result, 'drift-unmanaged').map((f) => [f.status, f.severity, f.resource.address, f.location.file, f.message])).toEqual([
        [
          'fail',
          'medium',
          'arn:aws:s3:::acme-manual',
          `cloud/aws/${account}/us-east-1/aws_s3_bucket/acme-manual`,
          `aws_s3_bucket acme-manual runs in aws:${account} but no Terraform configuration in this scan declares it: it was made outside Terraform, or its configuration was not scanned (arn:aws:s3:::acme-manual).`,
        ],
      ]);
      expect(drift(result, 'drift-missing').map((f) => [f.status, f.severity, f.resource.address, f.resource.cloudId, `${f.location.file}:${f.location.startLine}`, f.message])).toEqual([
        [
          'fail',
          'medium',
          'aws_s3_bucket.gone',
          'arn:aws:s3:::acme-gone',
          `${stateFile}:${typeLine(result.state, 'gone')}`,
          `aws_s3_bucket.gone is declared in ${stateFile} but the live scan of aws:${account} did not find it (ARN arn:aws:s3:::acme-gone): it has not been applied yet, or it was deleted outside Terraform.`,
        ],
      ]);
      expect(drift(result, 'drift-missing')[0]?.tsc).toEqual(['CC8.1', 'CC7.1']);
      expect(drift(result, 'drift-unmanaged')[0]?.tsc).toEqual(['CC8.1', 'CC7.1', 'CC6.1']);
    });

    // The role's ARN names the state's account; bucket ARNs name none.
    const role: Declared = { type: 'aws_iam_role', name: 'app', attributes: { id: 'app', name: 'app', arn: `arn:aws:iam::${account}:role/app` } };

    it.each<[string, Resource, string[]]>([
      ['the default VPC', { address: `arn:aws:ec2:us-east-1:${account}:vpc/vpc-1`, type: 'aws_vpc', provider: 'aws', attributes: { id: 'vpc-1', is_default: true }, origin: { kind: 'aws', arn: `arn:aws:ec2:us-east-1:${account}:vpc/vpc-1`, account, region: 'us-east-1' } }, []],
      ['a service-linked role', { address: `arn:aws:iam::${account}:role/aws-service-role/x`, type: 'aws_iam_role', provider: 'aws', attributes: { name: 'AWSServiceRoleForX', path: '/aws-service-role/x/' }, origin: { kind: 'aws', arn: `arn:aws:iam::${account}:role/aws-service-role/x`, account, region: 'global' } }, []],
      ['a setting that is part of a bucket', { address: 'arn:aws:s3:::acme-manual/versioning', type: 'aws_s3_bucket_versioning', provider: 'aws', attributes: { bucket: 'acme-manual' }, origin: { kind: 'aws', arn: 'arn:aws:s3:::acme-manual', account, region: 'us-east-1' } }, []],
      ['a bucket declared in --tf-dir', { ...liveBucket('acme-tf'), declaration: { file: '/repo/main.tf', range: { startLine: 1, startColumn: 1, endLine: 3, endColumn: 2 }, attributes: {} } }, []],
      ['a bucket of an account the state does not describe', liveBucket('acme-elsewhere', {}, { account: otherAccount }), []],
      ['a bucket made by hand', liveBucket('acme-manual'), ['arn:aws:s3:::acme-manual']],
    ])('unmanaged or not: %s', async (_name, resource, expected) => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }, role], [liveBucket('acme-data'), resource], { scopeAccount: account });
      expect(drift(result, 'drift-unmanaged').map((f) => f.resource.address)).toEqual(expected);
    });

    it.each<[string, Declared, { observedTypes?: string[]; regions?: string[] }, string[]]>([
      ['a bucket in a region the live scan did not read', { name: 'eu', attributes: bucketAttributes('acme-eu', { region: 'eu-west-1' }) }, {}, []],
      ['a bucket of a type the live scan could not list', { name: 'gone', attributes: bucketAttributes('acme-gone') }, { observedTypes: ['aws_iam_role'] }, []],
      ['a setting that is part of a bucket', { type: 'aws_s3_bucket_versioning', name: 'gone', attributes: { id: 'acme-gone', bucket: 'acme-gone' } }, {}, []],
      ['a bucket deleted by hand', { name: 'gone', attributes: bucketAttributes('acme-gone') }, {}, ['aws_s3_bucket.gone']],
    ])('missing or not: %s', async (_name, declaration, options, expected) => {
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }, declaration], [liveBucket('acme-data')], options);
      expect(drift(result, 'drift-missing').map((f) => f.resource.address)).toEqual(expected);
    });

    it('lists declarations whose identity is known only after apply in a note, never as missing', async () => {
      const directory = path.join(workspace, `hcl-${++count}`);
      mkdirSync(directory, { recursive: true });
      writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "tmp" {\n  bucket_prefix = "acme-tmp-"\n}\n');
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }], [liveBucket('acme-data')], { extraTargets: [directory] });
      expect(drift(result, 'drift-missing')).toEqual([]);
      expect(result.notifications.find((n) => n.code === 'drift-identity-unknown')?.message).toMatch(/1 declared resource could not be joined to the cloud because its name and ids are known only after apply .*aws_s3_bucket\.tmp/);
    });
  });

  describe('bad input', () => {
    it('says that a state of another account joins nothing, and compares nothing', async () => {
      const role: Declared = { type: 'aws_iam_role', name: 'app', attributes: { id: 'app', name: 'app', arn: `arn:aws:iam::${account}:role/app` } };
      const result = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }, role], [liveBucket('acme-data', {}, { account: otherAccount })], { scopeAccount: otherAccount });
      expect(result.findings.filter((f) => f.ruleId.startsWith('drift-'))).toEqual([]);
      expect(result.notifications.filter((n) => n.code.startsWith('drift-'))).toEqual([
        {
          level: 'warning',
          code: 'drift-other-account',
          subject: path.relative(workspace, result.state),
          message: `${path.relative(workspace, result.state)} describes account ${account} but aws:${otherAccount} is account ${otherAccount}: nothing joins, so drift between them was not compared. Scan the state of the same account, or the account of this state.`,
        },
      ]);
      // The rules' own findings are all still there.
      expect(result.findings.filter((f) => f.ruleId === 'test-versioning').map((f) => f.resource.origin).sort()).toEqual(['aws', 'state']);
    });

    it('says when one live resource is declared twice, and compares it with each declaration', async () => {
      const result = await scanDrift(
        [
          { name: 'data', attributes: bucketAttributes('acme-data') },
          { name: 'copy', attributes: bucketAttributes('acme-data', { versioning: [{ enabled: false }] }) },
        ],
        [liveBucket('acme-data')],
      );
      const duplicate = result.notifications.find((n) => n.code === 'drift-duplicate-identity');
      expect(duplicate?.level).toBe('warning');
      expect(duplicate?.message).toMatch(/1 live resource is declared more than once: arn:aws:s3:::acme-data by aws_s3_bucket\.copy \(.*\) and aws_s3_bucket\.data/);
      expect(result.findings.filter((f) => f.ruleId === 'drift-control' && f.drift?.control === 'test-versioning').map((f) => [f.resource.address, f.status])).toEqual([
        ['aws_s3_bucket.data', 'pass'],
        ['aws_s3_bucket.copy', 'fail'],
      ]);
    });

    it('joins over every declared target: two roots declaring one bucket each, and the same bucket twice', async () => {
      const second = writeState([{ name: 'logs', attributes: bucketAttributes('acme-logs') }]);
      const split = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }], [liveBucket('acme-data'), liveBucket('acme-logs')], { extraTargets: [second] });
      expect(drift(split, 'drift-unmanaged')).toEqual([]);
      expect(drift(split, 'drift-missing')).toEqual([]);
      expect(new Set(split.findings.filter((f) => f.ruleId === 'drift-control').map((f) => `${f.target} ${f.resource.address}`))).toEqual(
        new Set([`${path.relative(workspace, split.state)} aws_s3_bucket.data`, `${path.relative(workspace, second)} aws_s3_bucket.logs`]),
      );
      expect(split.notifications.filter((n) => n.code === 'drift-duplicate-identity')).toEqual([]);

      const twice = await scanDrift([{ name: 'data', attributes: bucketAttributes('acme-data') }], [liveBucket('acme-data')], { extraTargets: [writeState([{ name: 'data', attributes: bucketAttributes('acme-data') }])] });
      expect(twice.notifications.filter((n) => n.code === 'drift-duplicate-identity').map((n) => n.message)).toEqual([expect.stringMatching(/arn:aws:s3:::acme-data by aws_s3_bucket\.data \(case-\d+\/terraform\.tfstate\) and aws_s3_bucket\.data \(case-\d+\/terraform\.tfstate\)/)]);
    });

    it('says when the live side is of a provider no Terraform target declares', async () => {
      const result = await scanDrift([{ type: 'azurerm_storage_account', name: 'st', attributes: { id: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st', name: 'st' } }], [liveBucket('acme-data')]);
      expect(result.notifications.find((n) => n.code.startsWith('drift-'))).toMatchObject({ level: 'note', code: 'drift-not-compared', message: expect.stringContaining('no Terraform target of this scan declares AWS resources') as string });
      expect(drift(result, 'drift-unmanaged')).toEqual([]);
    });
  });

  it('is off with drift: false, and without the drift rules', async () => {
    const declared = [{ name: 'data', attributes: bucketAttributes('acme-data') }];
    const live = [liveBucket('acme-data', { versioning: [{ enabled: false }] }), liveBucket('acme-manual')];
    const off = await scanDrift(declared, live, { drift: false });
    expect(off.findings.filter((f) => f.ruleId.startsWith('drift-'))).toEqual([]);
    expect(off.rules.map((r) => r.id).filter((id) => id.startsWith('drift-'))).toEqual([]);
    expect(off.notifications).toEqual([]);
    const state = writeState(declared);
    const withoutRules = await scan({ targets: [{ kind: 'path', path: state }, { kind: 'aws' }], sources: { aws: liveSource(live) }, rules: rules.filter((r) => r.meta.drift === undefined), root: workspace });
    expect(withoutRules.findings.filter((f) => f.ruleId.startsWith('drift-'))).toEqual([]);
  });

  it('compares an unchanged Terraform directory whose findings are cached, as on its first scan', async () => {
    const directory = path.join(workspace, `case-${++count}`);
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, 'main.tf'), 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  tags = { owner = "platform" }\n  versioning {\n    enabled = true\n  }\n}\n');
    const cacheDirectory = path.join(directory, '.cache');
    const once = (targets: Parameters<typeof scan>[0]['targets']): Promise<ScanResult> =>
      scan({ targets, sources: { aws: liveSource([liveBucket('acme-data', { versioning: [{ enabled: false }] })]) }, rules, root: workspace, terraform: { cacheDirectory }, rulesIdentity: 'test' });
    const declaredOnly = await once([{ kind: 'path', path: directory }]);
    // The second Terraform-only scan reuses the root's findings; its evidence still names what was read.
    const reused = await once([{ kind: 'path', path: directory }]);
    expect(reused.findings).toEqual(declaredOnly.findings);
    expect(reused.targets[0]?.inputs).toEqual(declaredOnly.targets[0]?.inputs);
    expect(reused.targets[0]?.inputs?.files).toBe(1);
    const both = await once([{ kind: 'path', path: directory }, { kind: 'aws' }]);
    expect(drift(both, 'drift-unmanaged')).toEqual([]);
    expect(both.findings.filter((f) => f.ruleId === 'drift-control' && f.status === 'fail').map((f) => `${f.resource.address} ${f.message.split(' ')[0] ?? ''}`)).toEqual(['aws_s3_bucket.data test-versioning']);
  });

  it('is a function of two sets of resources and findings, for library users', () => {
    const declared: Resource = { address: 'aws_s3_bucket.data', type: 'aws_s3_bucket', provider: 'aws', attributes: bucketAttributes('acme-data'), origin: { kind: 'hcl', file: path.join(workspace, 'main.tf') } };
    const live = liveBucket('acme-data', { force_destroy: true });
    const finding = (resource: Resource, status: 'pass' | 'fail'): Finding => ({
      ruleId: 'test-force-destroy',
      status,
      severity: 'low',
      area: 'backup-recovery',
      tsc: ['A1.2'],
      resource: { address: resource.address, type: resource.type, provider: 'aws', origin: resource.origin.kind },
      location: { file: 'main.tf', startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
      message: `${resource.address} ${status}s.`,
      path: 'force_destroy',
      fingerprint: '0'.repeat(32),
    });
    const outcome = compareDrift({
      declared: [{ name: 'infra', kind: 'terraform-hcl', resources: [declared], findings: [finding(declared, 'pass')] }],
      live: [{ name: `aws:${account}`, kind: 'aws', resources: [live], findings: [finding(live, 'fail')] }],
      rules: rules.map((r) => r.meta),
      root: workspace,
    });
    expect(outcome.findings.map((f) => [f.ruleId, f.status, f.drift?.control, f.drift?.joinedBy, f.drift?.declared?.value, f.drift?.live?.value])).toEqual([['drift-control', 'fail', 'test-force-destroy', 'arn', 'false', 'true']]);
  });
});
