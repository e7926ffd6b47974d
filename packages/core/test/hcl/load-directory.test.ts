import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Unknown, valueAt } from '../../src/model/value.js';
import { attributeRange } from '../../src/engine/locate.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { attributeOf, hclFixtures, loadHcl, loadHclFixture, resourceAt, unknownReason } from '../../../../testing/hcl.js';

describe('variables', () => {
  afterEach(() => {
    delete process.env['TF_VAR_from_env'];
    delete process.env['TF_VAR_from_var'];
  });

  it('applies defaults, tfvars, auto tfvars, --var-file, --var and TF_VAR_* with Terraform precedence', async () => {
    process.env['TF_VAR_from_env'] = 'gp3';
    process.env['TF_VAR_from_var'] = '5';
    const output = await loadHclFixture('variables', {
      varFiles: [path.join(hclFixtures, 'variables', 'extra.tfvars')],
      vars: [
        ['from_var', '20'],
        ['list_from_var', '["sg-1", "sg-2"]'],
        ['untyped', '["stays", "a", "string"]'],
      ],
    });
    const db = resourceAt(output, 'aws_db_instance.db');
    expect(db.attributes).toMatchObject({
      identifier: 'default-value',
      engine: 'postgres',
      engine_version: '15.4',
      instance_class: 'db.t3.micro',
      db_name: 'appdb',
      username: 'admin',
      allocated_storage: 20,
      storage_type: 'gp3',
      security_group_names: ['sg-1', 'sg-2'],
      storage_encrypted: true,
      performance_insights_enabled: true,
      max_allocated_storage: null,
      password: 'hunter2-secret',
      tags: { Untyped: '["stays", "a", "string"]', Mixed: 'default-value/hunter2-secret' },
    });
    expect(unknownReason(db.attributes['kms_key_id'])).toBe('var.unset has no value; set it with --var unset=…, a .tfvars file or TF_VAR_unset');
    expect(db.sensitivePaths).toEqual(['password', 'tags.Mixed']);
    expect(output.notifications).toEqual([]);
  });

  it('lets TF_VAR_* lose to every file', async () => {
    process.env['TF_VAR_from_var'] = '7';
    const output = await loadHclFixture('variables', { varFiles: [path.join(hclFixtures, 'variables', 'extra.tfvars')] });
    expect(resourceAt(output, 'aws_db_instance.db').attributes['allocated_storage']).toBe(1);
  });

  it('warns about values for undeclared variables and a missing --var-file', async () => {
    const output = await loadHclFixture('variables', { vars: [['nope', 'x']], varFiles: [path.join(hclFixtures, 'variables', 'missing.tfvars')] });
    expect(output.notifications.map((n) => [n.level, n.code])).toEqual([
      ['error', 'input-error'],
      ['warning', 'undeclared-variable'],
    ]);
    expect(output.notifications[0]?.message).toMatch(/missing\.tfvars: cannot read the variable file/);
  });
});

describe('locals', () => {
  it('evaluates locals across blocks and files in dependency order, and breaks cycles', async () => {
    const output = await loadHclFixture('locals');
    const bucket = resourceAt(output, 'aws_s3_bucket.b');
    expect(bucket.attributes['bucket']).toBe('acme-data-default');
    expect(bucket.attributes['tags']).toEqual({ Team: 'platform', Name: 'acme-data-default' });
    expect(unknownReason(bucket.attributes['acl'])).toMatch(/local\.cycle_a depends on itself|local\.cycle_b depends on itself/);
    expect(unknownReason(bucket.attributes['policy'])).toBe('local.not_declared is not declared in the root module');
    expect(output.notifications).toEqual([
      {
        level: 'note',
        code: 'expression-not-evaluated',
        message: 'b.tf:12: aws_s3_bucket.b.policy could not be evaluated (local.not_declared is not declared in the root module); it is treated as unknown.',
        subject: 'b.tf:12',
      },
    ]);
  });
});

describe('modules', () => {
  it('expands module calls with count and for_each, nested modules and outputs, with Terraform addresses', async () => {
    const output = await loadHclFixture('modules');
    expect(output.resources.map((r) => r.address)).toEqual([
      'aws_s3_bucket_versioning.single',
      'aws_ssm_parameter.names',
      'module.by_env["dev"].aws_s3_bucket.this',
      'module.by_env["prod"].aws_s3_bucket.this',
      'module.by_env["prod"].module.logging[0].aws_s3_bucket_logging.this',
      'module.counted[0].aws_s3_bucket.this',
      'module.counted[1].aws_s3_bucket.this',
      'module.single.aws_s3_bucket.this',
    ]);
    expect(resourceAt(output, 'module.by_env["prod"].aws_s3_bucket.this').attributes).toEqual({ bucket: 'env-prod', tags: { Module: 'modules/bucket' } });
    expect(resourceAt(output, 'aws_ssm_parameter.names').attributes['value']).toBe('single,counted-0,counted-1,env-dev,env-prod');
    const logging = resourceAt(output, 'module.by_env["prod"].module.logging[0].aws_s3_bucket_logging.this');
    expect(unknownReason(logging.attributes['bucket'])).toBe('module.by_env["prod"].aws_s3_bucket.this.id is known only after apply');
    expect(logging.references).toEqual({ bucket: ['module.by_env["prod"].aws_s3_bucket.this'] });
    expect(logging.origin).toEqual({ kind: 'hcl', file: path.join(hclFixtures, 'modules', 'modules', 'bucket', 'modules', 'logging', 'main.tf') });
    const versioning = resourceAt(output, 'aws_s3_bucket_versioning.single');
    expect(versioning.references).toEqual({ bucket: ['module.single.aws_s3_bucket.this'] });
    expect(output.notifications).toEqual([]);
  });

  it('points resources of module instances at the block in the module file', async () => {
    const output = await loadHclFixture('modules');
    const counted = resourceAt(output, 'module.counted[1].aws_s3_bucket.this');
    expect(counted.declaration?.file).toBe(path.join(hclFixtures, 'modules', 'modules', 'bucket', 'main.tf'));
    expect(counted.declaration?.range).toEqual({ startLine: 10, startColumn: 1, endLine: 15, endColumn: 2 });
    expect(counted.declaration?.attributes['tags']).toEqual({ startLine: 12, startColumn: 3, endLine: 14, endColumn: 4 });
  });

  it('stops a module cycle with a warning instead of recursing (Terraform rejects it; it is not unreadable input)', async () => {
    const output = await loadHclFixture('module-cycle');
    expect(output.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    expect(output.notifications).toEqual([
      expect.objectContaining({ level: 'warning', code: 'module-cycle', message: expect.stringMatching(/^module\.again: the module calls itself/) }),
    ]);
  });

  it('reads modules installed by terraform init and reports the others as not scanned', async () => {
    const output = await loadHclFixture('registry-modules');
    expect(output.resources.map((r) => r.address)).toEqual(['aws_flow_log.vpc', 'module.vpc.aws_vpc.this']);
    expect(resourceAt(output, 'module.vpc.aws_vpc.this').attributes['tags']).toEqual({ Name: 'main' });
    const flowLog = resourceAt(output, 'aws_flow_log.vpc');
    expect(flowLog.references).toEqual({ vpc_id: ['module.vpc.aws_vpc.this'] });
    expect(unknownReason(flowLog.attributes['log_destination'])).toMatch(/^module\.unlisted is not scanned/);
    expect(output.notifications).toEqual([
      {
        level: 'warning',
        code: 'module-not-scanned',
        message: 'module.unlisted (main.tf) is not scanned: its source "git::https://example.com/modules/thing.git" is not installed; run `terraform init` in . so that .terraform/modules/modules.json lists it.',
        subject: 'main.tf',
      },
    ]);
  });

  it('reports a registry module without a manifest', async () => {
    const output = await loadHclFixture('registry-missing');
    expect(output.resources).toEqual([]);
    expect(output.notifications.map((n) => n.code)).toEqual(['module-not-scanned']);
    expect(output.notifications[0]?.message).toContain('terraform-aws-modules/s3-bucket/aws');
  });
});

describe('dynamic blocks', () => {
  it('expands dynamic blocks with iterators after the static blocks, and nested dynamic blocks', async () => {
    const output = await loadHclFixture('dynamic');
    const group = resourceAt(output, 'aws_security_group.web');
    expect(group.attributes['ingress']).toEqual([
      { description: 'static', from_port: 80, to_port: 80, protocol: 'tcp' },
      { description: 'rule 0', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] },
      { description: 'rule 1', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['192.168.0.0/16', '172.16.0.0/12'] },
    ]);
    expect(unknownReason(group.attributes['egress'])).toBe(
      'the dynamic block egress repeats over an unknown value (var.unknown_rules has no value; set it with --var unknown_rules=…, a .tfvars file or TF_VAR_unknown_rules)',
    );
    const lifecycle = resourceAt(output, 'aws_s3_bucket_lifecycle_configuration.nested');
    expect(lifecycle.attributes['rule']).toEqual([
      { id: 'archive', status: 'Enabled', transition: [{ days: 90, storage_class: 'STANDARD_IA' }, { days: 180, storage_class: 'GLACIER' }] },
      { id: 'expire', status: 'Enabled', transition: [{ days: 30, storage_class: 'STANDARD_IA' }, { days: 60, storage_class: 'GLACIER' }] },
    ]);
  });
});

const scratch = mkdtempSync(path.join(os.tmpdir(), 'trustscan-blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function directory(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('block order and JSON blocks', () => {
  it('keeps static blocks where they are written around dynamic ones, as Terraform expands them', async () => {
    const dir = directory('order', {
      'main.tf': [
        'resource "aws_security_group" "sg" {',
        '  ingress {',
        '    from_port = 1',
        '  }',
        '  dynamic "ingress" {',
        '    for_each = [2, 3]',
        '    content {',
        '      from_port = ingress.value',
        '    }',
        '  }',
        '  ingress {',
        '    from_port = 4',
        '  }',
        '  dynamic "ingress" {',
        '    for_each = [5]',
        '    content {',
        '      from_port = ingress.value',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      'order.tf.json': JSON.stringify({
        resource: {
          aws_security_group: {
            json: {
              dynamic: { ingress: { for_each: '${[1]}', content: { from_port: '${ingress.value}' } } },
              ingress: { from_port: 2 },
            },
          },
        },
      }, null, 2),
    });
    const output = await loadHcl(dir);
    expect(resourceAt(output, 'aws_security_group.sg').attributes['ingress']).toEqual([1, 2, 3, 4, 5].map((from_port) => ({ from_port })));
    // In JSON the dynamic block is written first, and the static block, one object, is a block.
    expect(resourceAt(output, 'aws_security_group.json').attributes['ingress']).toEqual([{ from_port: 1 }, { from_port: 2 }]);
  });

  it('reads a nested block written as one JSON object as a list of that block, with its lines', async () => {
    const dir = directory('json-object-block', {
      'main.tf.json': JSON.stringify({ resource: { aws_s3_bucket_versioning: { v: { bucket: 'b', versioning_configuration: { status: 'Enabled' } } } } }, null, 2),
    });
    const versioning = resourceAt(await loadHcl(dir), 'aws_s3_bucket_versioning.v');
    expect(valueAt(versioning.attributes, ['versioning_configuration', 0, 'status'])).toBe('Enabled');
    expect(valueAt(versioning.attributes, ['versioning_configuration', 1, 'status'])).toBeUndefined();
    const declaration = versioning.declaration;
    if (!declaration) throw new Error('no declaration');
    expect(attributeRange(declaration, ['versioning_configuration', 0, 'status'])).toEqual({ startLine: 7, startColumn: 11, endLine: 7, endColumn: 30 });
  });
});

describe('aws_iam_policy_document', () => {
  it('renders the document as the provider does, the same as jsonencode of the same policy', async () => {
    const output = await loadHclFixture('iam');
    const fromDocument = resourceAt(output, 'aws_s3_bucket_policy.from_document').attributes['policy'];
    const fromJsonencode = resourceAt(output, 'aws_s3_bucket_policy.from_jsonencode').attributes['policy'];
    expect(typeof fromDocument).toBe('string');
    expect(JSON.parse(fromDocument as string)).toEqual(JSON.parse(fromJsonencode as string));
    expect(JSON.parse(fromDocument as string)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::secure/*', 'arn:aws:s3:::secure'],
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'ReadOnly',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::secure/${aws:username}/*',
          Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:root'] },
        },
      ],
    });
    expect(JSON.parse(resourceAt(output, 'aws_s3_bucket_policy.from_heredoc').attributes['policy'] as string)).toMatchObject({ Version: '2012-10-17' });
  });

  it('merges source documents by Sid and keeps the known part of a partly unknown document', async () => {
    const output = await loadHclFixture('iam');
    const merged = JSON.parse(resourceAt(output, 'aws_s3_bucket_policy.merged').attributes['policy'] as string) as { Statement: { Sid: string; Action: string }[] };
    expect(merged.Statement.map((s) => [s.Sid, s.Action])).toEqual([
      ['DenyInsecureTransport', 's3:*'],
      ['ReadOnly', 's3:ListBucket'],
    ]);
    const partly = resourceAt(output, 'aws_s3_bucket_policy.partly_unknown').attributes['policy'];
    expect(partly).toBeInstanceOf(Unknown);
    expect((partly as Unknown).reason).toBe('aws_s3_bucket.b.arn is known only after apply');
    expect((partly as Unknown).partial).toMatchObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] });
  });

  it('keeps statements a dynamic block adds over an unknown collection as unknown entries beside the known ones', async () => {
    const output = await loadHclFixture('iam');
    const policy = resourceAt(output, 'aws_iam_policy.dynamic_unknown').attributes['policy'];
    expect(policy).toBeInstanceOf(Unknown);
    const statements = ((policy as Unknown).partial as { Statement: unknown[] }).Statement;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({ Sid: 'Static', Action: 's3:GetObject' });
    expect(statements[1]).toBeInstanceOf(Unknown);
    expect((statements[1] as Unknown).reason).toMatch(/the dynamic block statement repeats over an unknown value/);
  });
});

describe('references and relations', () => {
  it('links split S3 resources to their bucket through references, locals, instance keys and module outputs', async () => {
    const output = await loadHclFixture('split-s3');
    const inventory = new Inventory(output.resources);
    const related = (address: string, type: string): string[] => inventory.related(resourceAt(output, address), type).map((r) => r.address);
    expect(related('aws_s3_bucket.direct', 'aws_s3_bucket_server_side_encryption_configuration')).toEqual(['aws_s3_bucket_server_side_encryption_configuration.direct']);
    expect(related('aws_s3_bucket.counted[1]', 'aws_s3_bucket_versioning')).toEqual(['aws_s3_bucket_versioning.counted[1]']);
    expect(related('aws_s3_bucket.keyed["logs"]', 'aws_s3_bucket_public_access_block')).toEqual(['aws_s3_bucket_public_access_block.keyed["logs"]']);
    expect(related('aws_s3_bucket.direct', 'aws_s3_bucket_logging')).toEqual(['aws_s3_bucket_logging.via_local']);
    expect(related('module.store.aws_s3_bucket.this', 'aws_s3_bucket_versioning')).toEqual(['aws_s3_bucket_versioning.via_module']);
    expect(related('aws_s3_bucket.direct', 'aws_s3_bucket_versioning')).toEqual(['aws_s3_bucket_versioning.by_name']);
    expect(related('aws_s3_bucket.keyed["data"]', 'aws_s3_bucket_ownership_controls')).toEqual(['aws_s3_bucket_ownership_controls.keyed["data"]']);
    expect(resourceAt(output, 'aws_s3_bucket_ownership_controls.keyed["logs"]').references).toEqual({ bucket: ['aws_s3_bucket.keyed["logs"]'] });
    expect(resourceAt(output, 'aws_s3_bucket_versioning.counted[0]').references).toEqual({ bucket: ['aws_s3_bucket.counted[0]'] });
    expect(resourceAt(output, 'aws_s3_bucket_logging.via_local').references).toEqual({ bucket: ['aws_s3_bucket.direct'], target_bucket: ['aws_s3_bucket.keyed["logs"]'] });
    expect(resourceAt(output, 'aws_s3_bucket_versioning.by_name').attributes['bucket']).toBe('direct-bucket');
    expect(unknownReason(attributeOf(resourceAt(output, 'aws_s3_bucket_server_side_encryption_configuration.direct'), 'bucket'))).toBe(
      'aws_s3_bucket.direct.id is known only after apply',
    );
  });
});

describe('input hashes', () => {
  it('folds every file read (configuration, modules, tfvars, --var-file) into a tree hash sha256sum can recompute', async () => {
    const directory = path.join(hclFixtures, 'variables');
    const output = await loadHclFixture('variables', { varFiles: [path.join(directory, 'extra.tfvars')] });
    const files = ['a.auto.tfvars', 'b.auto.tfvars.json', 'extra.tfvars', 'main.tf', 'terraform.tfvars', 'terraform.tfvars.json', 'variables.tf'];
    // What `sha256sum $(ls | LC_ALL=C sort) | sha256sum` prints, run in the scan root.
    const listing = files.map((file) => `${createHash('sha256').update(readFileSync(path.join(directory, file))).digest('hex')}  ${file}\n`).join('');
    expect(output.inputs).toEqual({ sha256: createHash('sha256').update(listing).digest('hex'), files: files.length });
  });

  it('includes the files of called modules', async () => {
    const output = await loadHclFixture('agreement');
    expect(output.inputs?.files).toBe(3);
  });
});
