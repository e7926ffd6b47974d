// Secrets never appear in any output. Known secret values are planted wherever they can come from (sensitive
// variables set by terraform.tfvars, TF_VAR_* and --var; `*_sensitive` plan paths; raw state attributes, marked
// sensitive or named like secrets), the CLI scans them as a user runs it with --debug, every report format, the
// evidence ledger and its views, and then again with inputs broken right next to a secret, so that error messages
// are covered. Every byte written is searched for every secret, also base64- and URL-encoded.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../testing/plan-builder.js';
import { temporaryDirectory } from '../testing/temporary-directory.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.join(repository, 'packages/cli/bin/trustscan.js');

const secrets = {
  tfvars: 'TFVARS-SECRET-5b1d9e',
  tfvarsName: 'tfvars-secret-bucket-93ac',
  environment: 'ENV-SECRET-7c21f0',
  commandLine: 'CLI-SECRET-e2a4b7',
  plan: 'PLAN-SECRET-0f3c8a',
  planName: 'plan-secret-bucket-44d2',
  planTag: 'PLAN-SECRET-TAG-61be',
  state: 'STATE-SECRET-9d7e13',
  stateUnmarked: 'STATE-SECRET-UNMARKED-2b6f',
  stateName: 'state-secret-bucket-c85e',
} as const;

const mainTf = `
variable "db_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "bucket_suffix" {
  type      = string
  sensitive = true
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "db" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = var.db_password
  storage_encrypted   = false
  publicly_accessible = true
  tags = {
    token = var.api_token
    admin = var.admin_password
    team  = "data"
  }
}

resource "aws_s3_bucket" "b" {
  bucket = var.bucket_suffix
  tags   = { Name = var.bucket_suffix }
}
`;

function plan(): Record<string, unknown> {
  return buildPlan([
    {
      address: 'aws_db_instance.db',
      values: { engine: 'postgres', instance_class: 'db.t3.micro', allocated_storage: 20, username: 'app', password: secrets.plan, storage_encrypted: false, publicly_accessible: true, tags: { token: secrets.planTag, team: 'data' } },
      sensitive: ['password', 'tags.token'],
    },
    { address: 'aws_s3_bucket.b', values: { bucket: secrets.planName, tags: { Name: secrets.planName } }, sensitive: ['bucket', 'tags.Name'] },
  ]);
}

function rawState(): Record<string, unknown> {
  const instance = (attributes: Record<string, unknown>, sensitive: unknown[]) => ({ schema_version: 0, attributes, sensitive_attributes: sensitive, private: 'bnVsbA==' });
  return {
    version: 4,
    terraform_version: '1.9.8',
    serial: 3,
    lineage: 'a0b1c2d3-e4f5-6789-abcd-ef0123456789',
    outputs: { db_password: { value: secrets.state, type: 'string', sensitive: true } },
    resources: [
      {
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'db',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          instance(
            { id: 'db-1', arn: 'arn:aws:rds:eu-west-1:123456789012:db:db-1', engine: 'postgres', username: 'app', password: secrets.state, master_user_secret: [{ secret_arn: secrets.stateUnmarked }], storage_encrypted: false, publicly_accessible: true, tags: { team: 'data' } },
            [[{ type: 'get_attr', value: 'password' }]],
          ),
        ],
      },
      {
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'b',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [instance({ id: secrets.stateName, bucket: secrets.stateName, arn: `arn:aws:s3:::${secrets.stateName}`, tags: { Name: secrets.stateName } }, [[{ type: 'get_attr', value: 'bucket' }], [{ type: 'get_attr', value: 'id' }], [{ type: 'get_attr', value: 'arn' }], [{ type: 'get_attr', value: 'tags' }]])],
      },
    ],
    check_results: null,
  };
}

/** Each secret and the encodings a report could carry it in. */
const forms = Object.entries(secrets).flatMap(([name, value]) => [
  [name, value],
  [`${name} (base64)`, Buffer.from(value).toString('base64')],
  [`${name} (URL)`, encodeURIComponent(`"${value}"`)],
  [`${name} (lower case)`, value.toLowerCase()],
]);

/** Every secret found in `text`, by name. */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return forms.filter(([, form]) => lower.includes((form as string).toLowerCase())).map(([name]) => name as string);
}

/** Every file under `directory`, with gzip records (the evidence ledger) decompressed. */
function filesUnder(directory: string): [string, string][] {
  const found: [string, string][] = [];
  for (const name of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(directory, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    found.push([name, (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')]);
  }
  return found;
}

function trustscan(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 });
}

const reports = ['sarif=out/report.sarif', 'json=out/report.json', 'text=out/report.txt', 'markdown=out/report.md', 'html=out/report.html', 'junit=out/report.xml'].flatMap((r) => ['--report', r]);

describe('secrets never appear in any output', () => {
  it('from sensitive variables (tfvars, TF_VAR_*, --var), sensitive plan paths and raw state: reports, evidence, its views, standard output and error with --debug', () => {
    const work = temporaryDirectory('secrets');
    writeFileSync(path.join(work, 'main.tf'), mainTf);
    writeFileSync(path.join(work, 'terraform.tfvars'), `db_password   = "${secrets.tfvars}"\nbucket_suffix = "${secrets.tfvarsName}"\n`);
    writeFileSync(path.join(work, 'plan.json'), JSON.stringify(plan()));
    writeFileSync(path.join(work, 'terraform.tfstate'), JSON.stringify(rawState()));
    const scan = trustscan(['scan', '.', 'plan.json', 'terraform.tfstate', '--no-config', '--no-cache', '--include-passed', '--debug', '--fail-on', 'never', '--var', `admin_password=${secrets.commandLine}`, ...reports, '-f', 'text', '--evidence', 'evidence'], work, { TF_VAR_api_token: secrets.environment });
    expect(scan.stderr).toContain('recorded the scan in evidence as record 1');
    expect(scan.status).toBe(0);
    // The scan did read every planted value: the findings name the resources that hold them.
    const json = JSON.parse(readFileSync(path.join(work, 'out/report.json'), 'utf8')) as { findings: { resource: { address: string } }[]; targets: { resources: number }[] };
    expect(json.targets.map((t) => t.resources)).toEqual([2, 2, 2]);
    const view = trustscan(['evidence', 'report', 'evidence', '--from', '2000-01-01', '--to', '2100-01-01', '-f', 'markdown'], work);
    const summary = trustscan(['evidence', 'summary', 'evidence', '-f', 'markdown'], work);
    expect([view.status, summary.status]).toEqual([0, 0]);
    const outputs: [string, string][] = [
      ['standard output', scan.stdout],
      ['standard error', scan.stderr],
      ['evidence report', view.stdout + view.stderr],
      ['evidence summary', summary.stdout + summary.stderr],
      ...filesUnder(path.join(work, 'out')),
      ...filesUnder(path.join(work, 'evidence')),
    ];
    expect(outputs.map(([name]) => name)).toEqual(expect.arrayContaining(['report.sarif', 'report.json', 'report.txt', 'report.md', 'report.html', 'report.xml']));
    expect(outputs.some(([name]) => name.endsWith('.jsonl.gz'))).toBe(true);
    expect(outputs.map(([name, text]) => [name, leaks(text)]).filter(([, found]) => found.length > 0)).toEqual([]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a tfvars value that cannot be converted', { 'terraform.tfvars': `db_password = tonumber("${secrets.tfvars}")\n` }, ['.']],
    ['a tfvars syntax error after a secret', { 'terraform.tfvars': `db_password = "${secrets.tfvars}" "${secrets.tfvars}"\n` }, ['.']],
    ['a tfvars string that never ends', { 'terraform.tfvars': `db_password = "${secrets.tfvars}\n` }, ['.']],
    ['a sensitive variable of the wrong type', { 'main.tf': mainTf.replace('variable "db_password" {\n  type      = string', 'variable "db_password" {\n  type      = number'), 'terraform.tfvars': `db_password = "${secrets.tfvars}"\n` }, ['.']],
    ['a plan cut off after a secret', { 'plan.json': JSON.stringify(plan()).split(secrets.plan)[0] + secrets.plan }, ['plan.json']],
    ['a plan with a bad byte after a secret', { 'plan.json': JSON.stringify(plan()).replace(`"${secrets.plan}"`, `"${secrets.plan}"x`) }, ['plan.json']],
    ['a state cut off after a secret', { 'terraform.tfstate': JSON.stringify(rawState()).split(secrets.state)[0] + secrets.state }, ['terraform.tfstate']],
    ['a state with a bad byte after a secret', { 'terraform.tfstate': JSON.stringify(rawState()).replace(`"${secrets.state}"`, `"${secrets.state}"}`) }, ['terraform.tfstate']],
  ])('error messages: %s', (_, files, targets) => {
    const work = temporaryDirectory('secrets-errors');
    writeFileSync(path.join(work, 'main.tf'), mainTf);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text);
    const scan = trustscan(['scan', ...targets, '--no-config', '--no-cache', '--include-passed', '--debug', '--var', `admin_password=${secrets.commandLine}`, ...reports, '-f', 'text'], work, { TF_VAR_api_token: secrets.environment });
    const outputs: [string, string][] = [['standard output', scan.stdout], ['standard error', scan.stderr], ...filesUnder(path.join(work, 'out'))];
    // Something went wrong and was said: an error on standard error, or an unknown value in the reports.
    expect(scan.stderr.length + scan.stdout.length).toBeGreaterThan(0);
    expect(outputs.map(([name, text]) => [name, leaks(text)]).filter(([, found]) => found.length > 0)).toEqual([]);
  });
});
