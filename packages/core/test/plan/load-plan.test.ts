import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeclarativeRule, Inventory, InputError, isUnknown, scan, Unknown, type Resource } from '@trustscan/core';
import { loadPlan } from '../../src/sources/terraform/plan/load-plan.js';
import { DeclarationLocator } from '../../src/sources/terraform/syntax/declarations.js';
import { buildPlan, type PlannedResource, type PlanOptions } from '../../../../testing/plan-builder.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const bucketNamedRule = compileDeclarativeRule({
  id: 'test-bucket-named',
  title: 'Buckets have a name',
  description: 'A test rule.',
  remediation: 'Name it.',
  severity: 'low',
  area: 'logging-monitoring',
  criteria: { primary: ['CC7.2'], basis: 'test' },
  resourceTypes: ['aws_s3_bucket'],
  check: { path: '$.bucket', exists: true },
  messages: { pass: 'Bucket {{address}} has a name.', fail: 'Bucket {{address}} has no name.' },
});

const workspace = temporaryDirectory('plan');
let count = 0;

function writePlan(plan: unknown, options: { directory?: string; encoding?: 'utf8' | 'utf16le' | 'utf16be' | 'utf8bom' } = {}): string {
  const directory = options.directory ?? path.join(workspace, `case-${++count}`);
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, 'plan.json');
  const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
  const encoding = options.encoding ?? 'utf8';
  if (encoding === 'utf16le') writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  else if (encoding === 'utf16be') writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  else if (encoding === 'utf8bom') writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  else writeFileSync(file, text);
  return file;
}

async function load(file: string, tfDir?: string): Promise<Resource[]> {
  const output = await loadPlan(file, {
    root: workspace,
    locator: new DeclarationLocator(),
    progress: () => {},
    terraform: {},
    declaredResources: async () => [],
    ...(tfDir ? { tfDir } : {}),
  });
  return [...output.resources];
}

async function loadBuilt(resources: readonly PlannedResource[], options?: PlanOptions): Promise<Map<string, Resource>> {
  return new Map((await load(writePlan(buildPlan(resources, options)))).map((r) => [r.address, r]));
}

describe('plan JSON source', () => {
  describe('which changes are evaluated', () => {
    const cases: [string, string[], boolean][] = [
      ['create', ['create'], true],
      ['update', ['update'], true],
      ['no-op', ['no-op'], true],
      ['replace, delete first', ['delete', 'create'], true],
      ['replace, create first', ['create', 'delete'], true],
      ['create then forget', ['create', 'forget'], true],
      ['pure delete', ['delete'], false],
      ['forget (removed block)', ['forget'], false],
    ];
    it.each(cases)('%s (%j) is evaluated: %s', async (_name, actions, evaluated) => {
      const plan = buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' }, actions }]);
      if (actions.includes('delete') && !actions.includes('create')) {
        const change = (plan['resource_changes'] as { change: Record<string, unknown> }[])[0];
        if (change) change.change['after'] = null;
      }
      const resources = await load(writePlan(plan));
      expect(resources.map((r) => r.address)).toEqual(evaluated ? ['aws_s3_bucket.b'] : []);
    });

    it('leaves out data sources and deposed objects', async () => {
      const plan = buildPlan([
        { address: 'data.aws_iam_policy_document.p', values: { json: '{}' }, actions: ['read'] },
        { address: 'aws_s3_bucket.b', values: { bucket: 'x' } },
      ]);
      const changes = plan['resource_changes'] as Record<string, unknown>[];
      changes.push({ ...(changes[1] as object), deposed: '00000001', change: { actions: ['delete'], before: {}, after: null } });
      expect((await load(writePlan(plan))).map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    });

    it('reads planned_values when a plan has no resource_changes', async () => {
      const plan = {
        format_version: '0.1',
        planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'x' } }], child_modules: [{ address: 'module.m', resources: [{ address: 'module.m.aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', values: { enable_key_rotation: true } }] }] } },
      };
      const resources = await load(writePlan(plan));
      expect(resources.map((r) => [r.address, r.attributes])).toEqual([
        ['aws_s3_bucket.b', { bucket: 'x' }],
        ['module.m.aws_kms_key.k', { enable_key_rotation: true }],
      ]);
    });
  });

  describe('values', () => {
    it('marks after_unknown values as Unknown, including list elements, and keeps known values', async () => {
      const plan = buildPlan([{ address: 'aws_security_group.sg', values: { name: 'web', ingress: [{ from_port: 443, cidr_blocks: ['10.0.0.0/8', null] }] }, unknown: ['ingress.0.cidr_blocks.1', 'vpc_id'] }]);
      const [sg] = await load(writePlan(plan));
      const ingress = sg?.attributes['ingress'] as { cidr_blocks: unknown[] }[];
      expect(ingress[0]?.cidr_blocks[0]).toBe('10.0.0.0/8');
      expect(ingress[0]?.cidr_blocks[1]).toBeInstanceOf(Unknown);
      expect((sg?.attributes['vpc_id'] as Unknown).reason).toBe('known after apply');
    });

    it('treats provider-computed values the configuration does not set as absent, like an absent HCL attribute', async () => {
      const resources = await loadBuilt([{ address: 'aws_db_instance.db', values: { engine: 'postgres' }, computed: ['backup_retention_period', 'storage_encrypted'], unknown: ['kms_key_id'] }]);
      const db = resources.get('aws_db_instance.db');
      expect(db?.attributes).not.toHaveProperty('backup_retention_period');
      expect(db?.attributes).not.toHaveProperty('storage_encrypted');
      expect(isUnknown(db?.attributes['kms_key_id'])).toBe(true);
    });

    it('records sensitive paths from after_sensitive, including a shadow tree of false', async () => {
      const plan = buildPlan([{ address: 'aws_db_instance.db', values: { password: 'hunter2-secret', username: 'app' }, sensitive: ['password'] }]);
      const change = (plan['resource_changes'] as { change: Record<string, unknown> }[])[0];
      const [db] = await load(writePlan(plan));
      expect(db?.sensitivePaths).toEqual(['password']);
      if (change) change.change['after_sensitive'] = false;
      const [plain] = await load(writePlan(plan));
      expect(plain?.sensitivePaths).toBeUndefined();
    });

    it.each(['utf16le', 'utf16be', 'utf8bom'] as const)('reads a plan encoded as %s', async (encoding) => {
      const resources = await load(writePlan(buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'å-bucket' } }]), { encoding }));
      expect(resources[0]?.attributes['bucket']).toBe('å-bucket');
    });

    it.each(['0.1', '0.2', '1.0', '1.1', '1.2'])('accepts format version %s', async (version) => {
      const resources = await load(writePlan(buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' } }], { formatVersion: version })));
      expect(resources).toHaveLength(1);
    });
  });

  describe('links between resources', () => {
    const splitVersioning = (address: string, references: string[]): PlannedResource => ({
      address,
      values: { versioning_configuration: [{ status: 'Enabled' }] },
      unknown: ['bucket'],
      expressions: { bucket: references },
    });

    it('follows a reference to a bucket whose id is known only after apply', async () => {
      const resources = await loadBuilt([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' }, computed: ['id'] }, splitVersioning('aws_s3_bucket_versioning.v', ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'])]);
      const inventory = new Inventory([...resources.values()]);
      const bucket = inventory.get('aws_s3_bucket.b');
      expect(bucket && inventory.related(bucket, 'aws_s3_bucket_versioning').map((r) => r.address)).toEqual(['aws_s3_bucket_versioning.v']);
    });

    it('follows references through a module input and a module output', async () => {
      const resources = await loadBuilt(
        [
          { address: 'aws_s3_bucket.root', values: { bucket: 'root' } },
          splitVersioning('module.versioning.aws_s3_bucket_versioning.this', ['var.bucket_id']),
          { address: 'module.store.aws_s3_bucket.this', values: { bucket: 'stored' } },
          splitVersioning('aws_s3_bucket_versioning.stored', ['module.store.bucket_id', 'module.store']),
        ],
        {
          moduleInputs: { 'module.versioning': { bucket_id: ['aws_s3_bucket.root.id', 'aws_s3_bucket.root'] } },
          moduleOutputs: { 'module.store': { bucket_id: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] } },
        },
      );
      expect(resources.get('module.versioning.aws_s3_bucket_versioning.this')?.references).toEqual({ bucket: ['aws_s3_bucket.root'] });
      expect(resources.get('aws_s3_bucket_versioning.stored')?.references).toEqual({ bucket: ['module.store.aws_s3_bucket.this'] });
    });

    it('pairs counted instances by index and keeps the most specific reference', async () => {
      const resources = await loadBuilt([
        { address: 'aws_s3_bucket.b[0]', values: { bucket: 'a' } },
        { address: 'aws_s3_bucket.b[1]', values: { bucket: 'b' } },
        splitVersioning('aws_s3_bucket_versioning.v[1]', ['aws_s3_bucket.b[1].id', 'aws_s3_bucket.b[1]', 'aws_s3_bucket.b']),
        splitVersioning('aws_s3_bucket_versioning.w[0]', ['aws_s3_bucket.b.id', 'aws_s3_bucket.b']),
      ]);
      const inventory = new Inventory([...resources.values()]);
      const related = (address: string) => inventory.related(inventory.get(address) as Resource, 'aws_s3_bucket').map((r) => r.address);
      expect(resources.get('aws_s3_bucket_versioning.v[1]')?.references).toEqual({ bucket: ['aws_s3_bucket.b[1]'] });
      expect(related('aws_s3_bucket_versioning.v[1]')).toEqual(['aws_s3_bucket.b[1]']);
      expect(related('aws_s3_bucket_versioning.w[0]')).toEqual(['aws_s3_bucket.b[0]']);
    });

    it('records references inside nested blocks under the block name, as the HCL source does', async () => {
      const plan = buildPlan([
        { address: 'azurerm_key_vault_key.k', values: { name: 'k' } },
        { address: 'azurerm_storage_account.s', values: { name: 's', customer_managed_key: [{}] }, unknown: ['customer_managed_key.0.key_vault_key_id'] },
      ]);
      const config = (plan['configuration'] as { root_module: { resources: { address: string; expressions: Record<string, unknown> }[] } }).root_module.resources[1];
      if (config) config.expressions['customer_managed_key'] = [{ key_vault_key_id: { references: ['azurerm_key_vault_key.k.id', 'azurerm_key_vault_key.k'] } }];
      const [, account] = await load(writePlan(plan));
      expect(account?.references).toEqual({ customer_managed_key: ['azurerm_key_vault_key.k'] });
    });

    it('falls back to known values when the configuration has no reference (e.g. through a local)', async () => {
      const resources = await loadBuilt([{ address: 'aws_s3_bucket.b', values: { bucket: 'named' } }, { address: 'aws_s3_bucket_versioning.v', values: { bucket: 'named', versioning_configuration: [{ status: 'Enabled' }] } }]);
      const inventory = new Inventory([...resources.values()]);
      expect(inventory.related(inventory.get('aws_s3_bucket.b') as Resource, 'aws_s3_bucket_versioning')).toHaveLength(1);
    });
  });

  describe('locations', () => {
    it('points at the .tf block beside the plan, and inside modules at the module file', async () => {
      const directory = path.join(workspace, `located-${++count}`);
      mkdirSync(path.join(directory, 'modules', 'store'), { recursive: true });
      writeFileSync(path.join(directory, 'main.tf'), 'module "store" {\n  source = "./modules/store"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
      writeFileSync(path.join(directory, 'modules', 'store', 'main.tf'), '# store\nresource "aws_s3_bucket" "this" {\n  bucket = "y"\n\n  versioning {\n    enabled = false\n  }\n}\n');
      const file = writePlan(buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' } }, { address: 'module.store.aws_s3_bucket.this', values: { bucket: 'y' } }], { moduleSources: { 'module.store': './modules/store' } }), { directory });
      const resources = new Map((await load(file)).map((r) => [r.address, r]));
      expect(resources.get('aws_s3_bucket.b')?.declaration).toMatchObject({ file: path.join(directory, 'main.tf'), range: { startLine: 5, endLine: 7 } });
      const inModule = resources.get('module.store.aws_s3_bucket.this')?.declaration;
      expect(inModule).toMatchObject({ file: path.join(directory, 'modules', 'store', 'main.tf'), range: { startLine: 2, startColumn: 1, endLine: 8, endColumn: 2 } });
      expect(inModule?.attributes['versioning.0.enabled']).toEqual({ startLine: 6, startColumn: 5, endLine: 6, endColumn: 20 });
    });

    it('uses --tf-dir when the plan lives elsewhere, and registry modules through .terraform/modules/modules.json', async () => {
      const config = path.join(workspace, `config-${++count}`);
      mkdirSync(path.join(config, '.terraform', 'modules', 'vpc'), { recursive: true });
      writeFileSync(path.join(config, 'main.tf'), 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n');
      writeFileSync(path.join(config, '.terraform', 'modules', 'modules.json'), JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' }] }));
      writeFileSync(path.join(config, '.terraform', 'modules', 'vpc', 'main.tf'), 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\n');
      const file = writePlan(buildPlan([{ address: 'module.vpc.aws_vpc.this', values: { cidr_block: '10.0.0.0/16' } }], { moduleSources: { 'module.vpc': 'terraform-aws-modules/vpc/aws' } }));
      const [vpc] = await load(file, config);
      expect(vpc?.declaration?.file).toBe(path.join(config, '.terraform', 'modules', 'vpc', 'main.tf'));
    });
  });

  describe('bad input', () => {
    const cases: [string, string, RegExp][] = [
      ['truncated JSON', '{"format_version":"1.2","resource_changes":[{"address":', /plan\.json: the JSON is truncated/],
      ['not JSON', '{ this is not json', /plan\.json: not valid JSON/],
      ['JSON that is not a plan', '{"name":"package","version":"1.0.0"}', /plan\.json: JSON but not a Terraform plan/],
      ['Terraform state instead of a plan', '{"format_version":"1.0","values":{"root_module":{}}}', /plan\.json: this is Terraform state JSON, not a plan/],
      ['an unknown format major version', '{"format_version":"2.0","resource_changes":[]}', /plan\.json: plan format version 2\.0 is not supported/],
    ];
    it.each(cases)('%s is a one-line InputError naming the file', async (_name, text, message) => {
      const error = await load(writePlan(text)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });

    it('reports a --tf-dir that is not a directory, and still scans', async () => {
      const good = writePlan(buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' } }]));
      const result = await scan({ targets: [{ kind: 'path', path: good }], rules: [bucketNamedRule], root: workspace, tfDir: path.join(workspace, 'no-such-config') });
      expect(result.notifications).toEqual([
        { level: 'error', code: 'input-error', message: `${path.join(workspace, 'no-such-config')}: --tf-dir is not a readable directory; pass the Terraform configuration directory.`, subject: path.join(workspace, 'no-such-config') },
      ]);
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
    });

    it('keeps scanning the other targets when one is broken, and lists the broken one', async () => {
      const good = writePlan(buildPlan([{ address: 'aws_s3_bucket.b', values: { bucket: 'x' } }]));
      const broken = writePlan('{"format_version": "1.2", "resource_changes": [');
      const missing = path.join(workspace, 'does-not-exist.json');
      const rules = [bucketNamedRule];
      const result = await scan({ targets: [{ kind: 'path', path: broken }, { kind: 'path', path: good }, { kind: 'path', path: missing }], rules, root: workspace });
      expect(result.findings.some((f) => f.resource.address === 'aws_s3_bucket.b')).toBe(true);
      expect(result.notifications.map((n) => [n.level, n.code])).toEqual([
        ['error', 'input-error'],
        ['error', 'input-error'],
      ]);
      expect(result.notifications[1]?.message).toMatch(/does-not-exist\.json: cannot read it \(no such file or directory\)/);
      expect(result.targets.map((t) => t.ok)).toEqual([false, true, false]);
    });
  });
});
