import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motoEnvironment, startMoto, type MotoServer } from '../../../testing/moto.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { account, buildDriftedAccount, rawState, stateResources, type StateResource } from './drift-scenario.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');

/** Secrets planted in the state, each where Terraform or a provider puts one. */
const secrets = {
  sensitiveTag: 'Owner-Secret-5521',
  dbPassword: 'Db-Password-7731',
  accessKeySecret: 'wJalrXUtnFEMI-Secret-4410',
  smtpPassword: 'Smtp-Secret-9921',
  storageKey: 'Storage-Key-6602==',
  connectionString: 'DefaultEndpointsProtocol=https;AccountName=stacme;AccountKey=Conn-Secret-3310==',
  shownPassword: 'Shown-Password-2207',
  brokenFile: 'Broken-Secret-1188',
};

const planted: readonly StateResource[] = [
  ...stateResources.map((r) =>
    r.type === 'aws_s3_bucket' && r.name === 'data' ? { ...r, attributes: { ...r.attributes, tags: { owner: secrets.sensitiveTag }, tags_all: { owner: secrets.sensitiveTag } }, sensitive: [[{ type: 'get_attr', value: 'tags' }, { type: 'index', value: { value: 'owner', type: 'string' } }], [{ type: 'get_attr', value: 'tags_all' }]] } : r,
  ),
  { type: 'aws_db_instance', name: 'app', attributes: { id: 'db-ABCDEFGHIJKLMNOP', arn: `arn:aws:rds:us-east-1:${account}:db:app-db`, identifier: 'app-db', engine: 'postgres', username: 'app', password: secrets.dbPassword, storage_encrypted: true, region: 'us-east-1' } },
  { type: 'aws_iam_access_key', name: 'ci', attributes: { id: 'AKIAXKY7GA7QEXAMPLE1', user: 'ci', secret: secrets.accessKeySecret, ses_smtp_password_v4: secrets.smtpPassword, status: 'Active' } },
  {
    type: 'azurerm_storage_account',
    name: 'st',
    attributes: {
      id: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stacme',
      name: 'stacme',
      resource_group_name: 'rg-app',
      primary_access_key: secrets.storageKey,
      primary_connection_string: secrets.connectionString,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
    },
  },
];

/** Declarative rules of a team that print the values they check: exactly what must come out redacted. */
const teamRules: Record<string, string> = {
  'acme-db-password-rotated.yaml': [
    'id: acme-db-password-rotated',
    'title: Database passwords come from the vault',
    'description: The master password is the one the vault rotates.',
    'remediation: Set `manage_master_user_password = true`.',
    'severity: high',
    'area: least-privilege',
    'criteria:',
    '  primary: [CC6.1]',
    '  basis: ACME standard DB-7.',
    'resourceTypes: [aws_db_instance]',
    'check:',
    '  path: $.password',
    '  equals: rotated-by-vault',
    'messages:',
    '  pass: Database {{address}} uses the rotated password.',
    '  fail: Database {{address}} has the password {{value}}.',
    '',
  ].join('\n'),
  'acme-bucket-owner.yaml': [
    'id: acme-bucket-owner',
    'title: Buckets name the platform team as owner',
    'description: Every bucket has an owner tag.',
    'remediation: Tag the bucket with `owner = "platform"`.',
    'severity: low',
    'area: logging-monitoring',
    'criteria:',
    '  primary: [CC7.2]',
    '  basis: ACME standard TAG-1.',
    'resourceTypes: [aws_s3_bucket]',
    'check:',
    '  path: $.tags.owner',
    '  equals: platform',
    'messages:',
    '  pass: Bucket {{address}} belongs to the platform team.',
    '  fail: Bucket {{address}} belongs to {{value}}.',
    '',
  ].join('\n'),
  'acme-storage-key.yaml': [
    'id: acme-storage-key',
    'title: Storage accounts use Entra ID, not keys',
    'description: Shared keys are not handed out.',
    'remediation: Set `shared_access_key_enabled = false`.',
    'severity: medium',
    'area: least-privilege',
    'criteria:',
    '  primary: [CC6.1]',
    '  basis: ACME standard AZ-2.',
    'resourceTypes: [azurerm_storage_account]',
    'check:',
    '  path: $.primary_access_key',
    '  equals: none',
    'messages:',
    '  pass: Storage account {{address}} has no key.',
    '  fail: Storage account {{address}} has the key {{value}} ({{path}}).',
    '',
  ].join('\n'),
};

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
  await buildDriftedAccount(moto.endpoint);
});

afterAll(async () => {
  await moto?.stop();
});

describe('secrets in Terraform state', () => {
  it('never appear in any report, the evidence ledger, a notification, an error message or --debug output, drift included', () => {
    const directory = temporaryDirectory('state-secrets');
    const out = path.join(directory, 'out');
    const rules = path.join(directory, 'rules');
    mkdirSync(rules, { recursive: true });
    for (const [name, text] of Object.entries(teamRules)) writeFileSync(path.join(rules, name), text);
    writeFileSync(path.join(directory, 'terraform.tfstate'), rawState(planted));
    writeFileSync(
      path.join(directory, 'show.json'),
      JSON.stringify({
        format_version: '1.0',
        values: { root_module: { resources: [{ address: 'aws_db_instance.replica', mode: 'managed', type: 'aws_db_instance', name: 'replica', values: { identifier: 'replica', password: secrets.shownPassword }, sensitive_values: { password: true } }] } },
      }),
    );
    writeFileSync(path.join(directory, 'broken.tfstate'), `{"version": 4, "resources": [{"instances": [{"attributes": {"password": ${secrets.brokenFile}}}]}]}`);

    const formats = ['text', 'json', 'sarif', 'markdown', 'html', 'junit'];
    const run = spawnSync(
      process.execPath,
      [binary, 'scan', 'terraform.tfstate', 'show.json', 'broken.tfstate', '--aws', '--aws-region', 'us-east-1', '--rules', 'rules', '--no-config', '--debug', '--include-passed', '--evidence', 'ledger', ...formats.flatMap((f) => ['-f', f, '-o', path.join(out, `report.${f}`)]), '-f', 'text'],
      { cwd: directory, encoding: 'utf8', env: { ...process.env, ...motoEnvironment(moto.endpoint), NO_COLOR: '1' } },
    );
    // The broken state is an input error; everything else is scanned and reported.
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.tfstate: not valid JSON \(Unexpected token 'B'\); regenerate it/);
    const outputs: [string, string][] = [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
      ...readdirSync(out).map((name): [string, string] => [name, readFileSync(path.join(out, name), 'utf8')]),
      // The evidence ledger's record, decompressed: every finding, passes and drift included.
      ...readdirSync(path.join(directory, 'ledger', 'records')).map((name): [string, string] => [name, gunzipSync(readFileSync(path.join(directory, 'ledger', 'records', name))).toString('utf8')]),
    ];
    expect(outputs.map(([name]) => name).sort()).toEqual(['000000000001.jsonl.gz', 'report.html', 'report.json', 'report.junit', 'report.markdown', 'report.sarif', 'report.text', 'stderr', 'stdout']);
    expect(outputs.find(([name]) => name === '000000000001.jsonl.gz')?.[1]).toContain('"ruleId":"drift-control"');
    for (const [name, text] of outputs) {
      for (const [what, secret] of Object.entries(secrets)) expect(text.includes(secret), `${what} in ${name}`).toBe(false);
    }

    // The checks that would have printed them ran, and said "(sensitive)" instead.
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { findings: { ruleId: string; status: string; message: string; resource: { address: string }; drift?: { control?: string; declared?: { value?: string } } }[] };
    const message = (ruleId: string, address: string) => report.findings.find((f) => f.ruleId === ruleId && f.resource.address === address)?.message;
    expect(message('acme-db-password-rotated', 'aws_db_instance.app')).toBe('Database aws_db_instance.app has the password (sensitive).');
    expect(message('acme-db-password-rotated', 'aws_db_instance.replica')).toBe('Database aws_db_instance.replica has the password (sensitive).');
    expect(message('acme-bucket-owner', 'aws_s3_bucket.data')).toBe('Bucket aws_s3_bucket.data belongs to (sensitive).');
    expect(message('acme-storage-key', 'azurerm_storage_account.st')).toBe('Storage account azurerm_storage_account.st has the key (sensitive) (primary_access_key).');
    // The owner tag drifted (the live bucket is tagged "platform"): the comparison shows the live value, not the declared one.
    const drift = report.findings.find((f) => f.ruleId === 'drift-control' && f.drift?.control === 'acme-bucket-owner');
    expect(drift).toMatchObject({ status: 'fail', drift: { declared: { value: '(sensitive)' } } });
  });
});
