import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeclarativeRule, InputError, scan, type Resource, type SourceOutput } from '@trustscan/core';
import { loadState } from '../../src/sources/terraform/state/load-state.js';
import { DeclarationLocator } from '../../src/sources/terraform/syntax/declarations.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const workspace = temporaryDirectory('state');
let count = 0;

/** Writes `text` as `<name>` in a new directory (with `files` beside it) and returns its path. */
function writeState(content: unknown, options: { name?: string; files?: Record<string, string> } = {}): string {
  const directory = path.join(workspace, `case-${++count}`);
  mkdirSync(directory, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  const file = path.join(directory, options.name ?? 'terraform.tfstate');
  writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

async function load(file: string, tfDir?: string): Promise<SourceOutput> {
  return loadState(file, { root: workspace, locator: new DeclarationLocator(), progress: () => {}, terraform: {}, declaredResources: async () => [], ...(tfDir ? { tfDir } : {}) });
}

function byAddress(output: SourceOutput): Map<string, Resource> {
  return new Map(output.resources.map((r) => [r.address, r]));
}

interface Instance {
  index_key?: number | string;
  status?: string;
  deposed?: string;
  attributes?: Record<string, unknown>;
  attributes_flat?: Record<string, string>;
  sensitive_attributes?: unknown;
}

/** A raw state resource, as `terraform state pull` writes it. */
function raw(type: string, name: string, instances: Instance[], extra: { module?: string; mode?: string } = {}) {
  return {
    ...(extra.module ? { module: extra.module } : {}),
    mode: extra.mode ?? 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: instances.map((i) => ({ schema_version: 0, sensitive_attributes: [], private: 'bnVsbA==', ...i })),
  };
}

function rawState(resources: unknown[]) {
  return { version: 4, terraform_version: '1.9.8', serial: 3, lineage: 'a0b1c2d3-e4f5-6789-abcd-ef0123456789', outputs: {}, resources, check_results: null };
}

const bucket = (name: string) => ({ id: name, arn: `arn:aws:s3:::${name}`, bucket: name, region: 'eu-west-1', force_destroy: false, tags: { team: 'data' } });

describe('Terraform state source', () => {
  describe('raw state (terraform state pull, .tfstate)', () => {
    it('reads managed instances with Terraform addresses: count, for_each and modules; data sources and deposed objects are left out', async () => {
      const file = writeState(
        rawState([
          raw('aws_s3_bucket', 'single', [{ attributes: bucket('acme-single') }]),
          raw('aws_s3_bucket', 'counted', [{ index_key: 0, attributes: bucket('acme-0') }, { index_key: 1, attributes: bucket('acme-1'), status: 'tainted' }]),
          raw('aws_s3_bucket', 'keyed', [{ index_key: 'logs', attributes: bucket('acme-logs') }]),
          raw('aws_s3_bucket', 'nested', [{ attributes: bucket('acme-nested') }], { module: 'module.storage["eu"].module.bucket' }),
          raw('aws_iam_policy_document', 'p', [{ attributes: { json: '{}' } }], { mode: 'data' }),
          raw('aws_s3_bucket', 'replaced', [{ attributes: bucket('acme-new') }, { deposed: '00000001', attributes: bucket('acme-old') }]),
        ]),
      );
      const output = await load(file);
      expect(output.kind).toBe('terraform-state');
      expect(output.resources.map((r) => r.address)).toEqual([
        'aws_s3_bucket.single',
        'aws_s3_bucket.counted[0]',
        'aws_s3_bucket.counted[1]',
        'aws_s3_bucket.keyed["logs"]',
        'module.storage["eu"].module.bucket.aws_s3_bucket.nested',
        'aws_s3_bucket.replaced',
      ]);
      const single = byAddress(output).get('aws_s3_bucket.single');
      expect(single).toMatchObject({ type: 'aws_s3_bucket', provider: 'aws', attributes: { bucket: 'acme-single', arn: 'arn:aws:s3:::acme-single' } });
      expect(byAddress(output).get('aws_s3_bucket.replaced')?.attributes['bucket']).toBe('acme-new');
      expect(output.notifications).toEqual([expect.objectContaining({ level: 'note', code: 'state-deposed-objects' })]);
    });

    it("points each resource at its line in the state file, and at its .tf block when the configuration is beside it or given", async () => {
      const state = rawState([raw('aws_s3_bucket', 'a', [{ attributes: bucket('acme-a') }]), raw('aws_s3_bucket', 'b', [{ attributes: bucket('acme-b') }])]);
      const alone = await load(writeState(state));
      const text = `${JSON.stringify(state, null, 2)}\n`;
      // The line of the resource's "type", which comes just before its "name".
      const lineOf = (name: string) => text.split('\n').findIndex((l) => l.includes(`"name": "${name}"`));
      expect(alone.resources.map((r) => (r.origin.kind === 'state' ? r.origin.line : undefined))).toEqual([lineOf('a'), lineOf('b')]);
      expect(alone.resources.every((r) => r.declaration === undefined)).toBe(true);

      const tf = 'resource "aws_s3_bucket" "a" {\n  bucket = "acme-a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "acme-b"\n}\n';
      const beside = await load(writeState(state, { files: { 'main.tf': tf } }));
      expect(beside.resources.map((r) => r.declaration?.range.startLine)).toEqual([1, 5]);
      const config = path.dirname(writeState({}, { name: 'unused.json', files: { 'infra/main.tf': tf } }));
      const given = await load(writeState(state), path.join(config, 'infra'));
      expect(given.resources.map((r) => r.declaration?.range.startLine)).toEqual([1, 5]);
    });

    it('finds the blocks of modules terraform init installed', async () => {
      const file = writeState(rawState([raw('aws_s3_bucket', 'this', [{ attributes: bucket('acme-m') }], { module: 'module.logs' })]), {
        files: {
          'main.tf': 'module "logs" {\n  source = "./modules/bucket"\n}\n',
          'modules/bucket/main.tf': '\n\nresource "aws_s3_bucket" "this" {\n  bucket = "acme-m"\n}\n',
          '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'logs', Source: './modules/bucket', Dir: 'modules/bucket' }] }),
        },
      });
      const [resource] = (await load(file)).resources;
      expect(resource?.declaration).toMatchObject({ file: path.join(path.dirname(file), 'modules/bucket/main.tf'), range: { startLine: 3 } });
    });

    it.each<[string, Instance, string[]]>([
      ['a path marked by a sensitive variable', { attributes: { ...bucket('s1'), tags: { owner: 'x' } }, sensitive_attributes: [[{ type: 'get_attr', value: 'tags' }, { type: 'index', value: { value: 'owner', type: 'string' } }]] }, ['tags.owner']],
      ['a list element', { attributes: { ...bucket('s2'), grant: [{ id: 'a' }, { id: 'b' }] }, sensitive_attributes: [[{ type: 'get_attr', value: 'grant' }, { type: 'index', value: { value: 1, type: 'number' } }]] }, ['grant.1']],
      ['a set element, which marks the whole set', { attributes: { ...bucket('s3'), cors_rule: [{ a: 1 }] }, sensitive_attributes: [[{ type: 'get_attr', value: 'cors_rule' }, { type: 'index', value: { value: { a: 1 }, type: ['object', { a: 'number' }] } }]] }, ['cors_rule']],
      ['an unreadable list, which marks everything', { attributes: { id: 'x', bucket: 'x' }, sensitive_attributes: 'not a list' }, ['id', 'bucket']],
    ])('marks %s sensitive', async (_name, instance, expected) => {
      const [resource] = (await load(writeState(rawState([raw('aws_s3_bucket', 'b', [instance])])))).resources;
      expect(resource?.sensitivePaths).toEqual(expected);
    });

    it.each<[string, string, Record<string, unknown>, string[]]>([
      ['a database password', 'aws_db_instance', { identifier: 'db', password: 'hunter2-secret', master_user_secret: [] }, ['password']],
      ['storage account keys and connection strings', 'azurerm_storage_account', { name: 'st', primary_access_key: 'k1', secondary_access_key: 'k2', primary_connection_string: 'c1', primary_blob_endpoint: 'https://st.blob.core.windows.net/' }, ['primary_access_key', 'secondary_access_key', 'primary_connection_string']],
      ['nested secrets in a block', 'azurerm_linux_web_app', { name: 'web', auth_settings_v2: [{ active_directory_v2: [{ client_secret_setting_name: 'S', client_id: 'id' }] }], connection_string: [{ name: 'db', value: 'Server=x;Password=y' }] }, ['auth_settings_v2.0.active_directory_v2.0.client_secret_setting_name', 'connection_string']],
      ['an SSM parameter value, by type', 'aws_ssm_parameter', { name: '/app/key', value: 'v', insecure_value: null }, ['value']],
      ['a private key and a provider-marked *_sensitive attribute', 'tls_private_key', { algorithm: 'RSA', private_key_pem: 'PEM', public_key_pem: 'PUB', content_sensitive: 's' }, ['private_key_pem', 'content_sensitive']],
      ['user data and tokens', 'aws_instance', { ami: 'ami-1', user_data: 'echo pw', metadata_options: [{ http_tokens: 'required' }] }, ['user_data', 'metadata_options.0.http_tokens']],
      ['nothing in a plain bucket', 'aws_s3_bucket', bucket('plain'), []],
    ])('treats %s as sensitive by its name or type', async (_name, type, attributes, expected) => {
      const [resource] = (await load(writeState(rawState([raw(type, 'r', [{ attributes }])])))).resources;
      expect([...(resource?.sensitivePaths ?? [])].sort()).toEqual([...expected].sort());
    });

    it('warns about instances with only the flat attributes of Terraform 0.11 and about duplicate addresses, and keeps the rest', async () => {
      const output = await load(
        writeState(
          rawState([
            raw('aws_s3_bucket', 'old', [{ attributes_flat: { id: 'acme-old', 'tags.%': '0' } }]),
            raw('aws_s3_bucket', 'twice', [{ attributes: bucket('acme-1') }]),
            raw('aws_s3_bucket', 'twice', [{ attributes: bucket('acme-2') }]),
          ]),
        ),
      );
      expect(output.resources.map((r) => [r.address, r.attributes['bucket']])).toEqual([['aws_s3_bucket.twice', 'acme-1']]);
      expect(output.notifications.map((n) => [n.level, n.code])).toEqual([
        ['warning', 'state-legacy-instances'],
        ['warning', 'state-duplicate-address'],
      ]);
      expect(output.notifications[0]?.message).toContain('aws_s3_bucket.old');
      expect(output.notifications[1]?.message).toContain('aws_s3_bucket.twice appears 2 times');
    });
  });

  describe('terraform show -json of a state', () => {
    it('reads the values representation, modules included, with sensitive_values and secret names marked', async () => {
      const file = writeState({
        format_version: '1.0',
        terraform_version: '1.9.8',
        values: {
          outputs: { db: { sensitive: true, value: 'x' } },
          root_module: {
            resources: [
              { address: 'aws_db_instance.app', mode: 'managed', type: 'aws_db_instance', name: 'app', provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 2, values: { identifier: 'app', password: 'p', storage_encrypted: true, tags: { owner: 'o' } }, sensitive_values: { password: true, tags: { owner: true } } },
              { address: 'data.aws_caller_identity.me', mode: 'data', type: 'aws_caller_identity', name: 'me', values: { account_id: '123456789012' }, sensitive_values: {} },
            ],
            child_modules: [{ address: 'module.logs', resources: [{ address: 'module.logs.aws_s3_bucket.this["a"]', mode: 'managed', type: 'aws_s3_bucket', name: 'this', index: 'a', values: bucket('acme-a'), sensitive_values: {} }] }],
          },
        },
      }, { name: 'show.json' });
      const output = await load(file);
      expect(output.resources.map((r) => r.address)).toEqual(['aws_db_instance.app', 'module.logs.aws_s3_bucket.this["a"]']);
      expect([...(output.resources[0]?.sensitivePaths ?? [])].sort()).toEqual(['password', 'tags.owner']);
      expect(output.resources[1]?.origin).toMatchObject({ kind: 'state', address: 'module.logs.aws_s3_bucket.this["a"]' });
    });
  });

  describe('recognised by content, whatever the file is called', () => {
    const rule = compileDeclarativeRule({
      id: 'test-bucket-not-force-destroyed',
      title: 'Buckets are not force-destroyed',
      description: 'Test rule.',
      remediation: 'Fix it.',
      severity: 'low',
      area: 'logging-monitoring',
      criteria: { primary: ['CC7.2'], basis: 'test' },
      resourceTypes: ['aws_s3_bucket'],
      check: { path: '$.force_destroy', equals: false, default: false },
      messages: { pass: '{{address}} passes.', fail: '{{address}} fails.' },
    });

    it.each<[string, unknown]>([
      ['raw state named .json', rawState([raw('aws_s3_bucket', 'b', [{ attributes: bucket('acme-b') }])])],
      ['shown state named .tfstate', { format_version: '1.0', values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: bucket('acme-b'), sensitive_values: {} }] } } }],
    ])('%s', async (name, content) => {
      const file = writeState(content, { name: name.startsWith('raw') ? 'state.json' : 'prod.tfstate' });
      const result = await scan({ targets: [{ kind: 'path', path: file }], rules: [rule], root: workspace });
      expect(result.notifications).toEqual([]);
      // The state file's SHA-256 identifies what was scanned, as a plan's does (the evidence ledger records it).
      expect(result.targets).toEqual([{ name: path.relative(workspace, file), kind: 'terraform-state', resources: 1, ok: true, inputs: { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), files: 1 } }]);
      expect(result.findings.map((f) => [f.ruleId, f.status, f.resource.address, f.resource.origin])).toEqual([['test-bucket-not-force-destroyed', 'pass', 'aws_s3_bucket.b', 'state']]);
      expect(result.findings[0]?.location.file).toBe(path.relative(workspace, file));
      expect(result.findings[0]?.location.startLine).toBeGreaterThan(1);
    });

    it.each<[string, unknown]>([
      ['an empty shown state', { format_version: '1.0' }],
      ['a raw state with no resources', rawState([])],
      ['a raw state with only data sources', rawState([raw('aws_caller_identity', 'me', [{ attributes: { account_id: '123456789012' } }], { mode: 'data' })])],
    ])('says so when it holds nothing to scan: %s', async (_name, content) => {
      const file = writeState(content);
      const result = await scan({ targets: [{ kind: 'path', path: file }], rules: [rule], root: workspace });
      expect(result.targets[0]).toMatchObject({ kind: 'terraform-state', resources: 0, ok: true });
      expect(result.notifications).toEqual([{ level: 'warning', code: 'state-empty', subject: path.relative(workspace, file), message: expect.stringContaining('the state holds no managed resources') as string }]);
    });
  });

  describe('bad input', () => {
    const secret = 'hunter2-do-not-print';
    it.each<[string, string, RegExp]>([
      ['a state version not yet known', JSON.stringify({ version: 5, serial: 1, lineage: 'x', resources: [] }), /state version 5 is not supported \(trustscan reads version 4/],
      ['a state version written as text', JSON.stringify({ version: '4', serial: 1, lineage: 'x', resources: [] }), /state version "4" is not supported/],
      ['a state of Terraform 0.11', JSON.stringify({ version: 3, serial: 1, lineage: 'x', modules: [] }), /state version 3 was written by Terraform 0\.11 or older; upgrade it by running `terraform state pull/],
      ['resources that are not a list', JSON.stringify({ version: 4, serial: 1, lineage: 'x', resources: {} }), /"resources" of the state is not a list/],
      ['a shown state of an unknown format', JSON.stringify({ format_version: '2.0', values: {} }), /state format version 2\.0 is not supported/],
      ['a truncated state', `{"version": 4, "resources": [{"type": "aws_db_instance", "instances": [{"attributes": {"password": "${secret}`, /the JSON is truncated \(Unterminated string in JSON at position \d+, line 1 column \d+\)/],
      ['a damaged state around a secret', `{"version": 4, "resources": [{"attributes": {"password": ${secret}}}]}`, /not valid JSON \(Unexpected token 'h'\)/],
      ['JSON that is neither plan nor state', JSON.stringify({ name: 'package', version: '1.0.0' }), /JSON but not a Terraform plan or state/],
    ])('%s is a one-line input error naming the file, without its text', async (_name, text, message) => {
      const file = writeState(text, { name: 'prod.tfstate' });
      const result = await scan({ targets: [{ kind: 'path', path: file }, { kind: 'path', path: writeState(rawState([raw('aws_s3_bucket', 'b', [{ attributes: bucket('acme-ok') }])])) }], rules: [], root: workspace });
      const [error] = result.notifications;
      expect(error).toMatchObject({ level: 'error', code: 'input-error', subject: file });
      expect(error?.message.startsWith(`${file}: `)).toBe(true);
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toContain('\n');
      expect(error?.message).not.toContain(secret);
      // The other target is still scanned.
      expect(result.targets.map((t) => t.ok)).toEqual([false, true]);
    });

    it('loadState given a file of another kind throws an InputError', async () => {
      const error = await load(writeState({ format_version: '1.2', resource_changes: [] })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/JSON but not Terraform state/);
    });
  });
});
