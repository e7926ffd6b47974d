// Drift measurements in one process, printed as JSON:
//   node measure-drift.mjs SIZE
// Scans a raw state of the generated AWS plan of SIZE resources (ids and ARNs filled in as Terraform records them)
// against the same resources as a live source returns them, with a tenth of the buckets' versioning changed, one
// bucket in twenty deleted and as many created by hand: after a warm-up, three times with drift turned off and
// three times with it on, alternately, so that both see the same machine; the medians of each.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { scan } from '../packages/core/dist/index.js';
import { awsRules, driftRules } from '../packages/rules/dist/index.js';
import { generateAwsPlan } from './generate-aws-plan.mjs';

const [sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const account = '111122223333';
const here = path.dirname(fileURLToPath(import.meta.url));
const directory = path.join(here, '.generated', 'drift');
mkdirSync(directory, { recursive: true });

const splits = { aws_s3_bucket_versioning: 'versioning', aws_s3_bucket_server_side_encryption_configuration: 'server-side-encryption', aws_s3_bucket_policy: 'policy', aws_s3_bucket_public_access_block: 'public-access-block' };

/** The ids a resource of the generated plan gets when applied, and its ARN. */
function applied(change) {
  const n = change.name.replace(/^[gi]/, '');
  const values = { ...change.change.after };
  switch (change.type) {
    case 'aws_s3_bucket':
      return { ...values, id: values.bucket, arn: `arn:aws:s3:::${values.bucket}`, region: 'us-east-1' };
    case 'aws_db_instance':
      return { ...values, id: `db-${n.padStart(8, '0')}`, arn: `arn:aws:rds:us-east-1:${account}:db:${values.identifier}` };
    case 'aws_kms_key':
      return { ...values, id: `key-${n}`, key_id: `key-${n}`, arn: `arn:aws:kms:us-east-1:${account}:key/key-${n}` };
    case 'aws_cloudwatch_log_group':
      return { ...values, id: values.name, arn: `arn:aws:logs:us-east-1:${account}:log-group:${values.name}` };
    case 'aws_iam_policy':
      return { ...values, id: `arn:aws:iam::${account}:policy/${values.name}`, arn: `arn:aws:iam::${account}:policy/${values.name}` };
    case 'aws_security_group':
      return { ...values, id: `sg-${n}`, arn: `arn:aws:ec2:us-east-1:${account}:security-group/sg-${n}` };
    case 'aws_cloudtrail':
      return { ...values, id: values.name, arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/${values.name}` };
    case 'aws_backup_selection':
      return { ...values, id: `selection-${change.address}` };
    default:
      return splits[change.type] ? { ...values, id: `acme-${n}`, bucket: `acme-${n}` } : values;
  }
}

const changes = generateAwsPlan(size).resource_changes.map((change) => ({ change, values: applied(change) }));
const state = {
  version: 4,
  terraform_version: '1.9.8',
  serial: 1,
  lineage: '00000000-0000-4000-8000-000000000000',
  outputs: {},
  resources: changes.map(({ change, values }) => ({
    ...(change.module_address ? { module: change.module_address } : {}),
    mode: 'managed',
    type: change.type,
    name: change.name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 0, attributes: values, sensitive_attributes: [] }],
  })),
};
const file = path.join(directory, `state-${size}.json`);
writeFileSync(file, JSON.stringify(state));

const live = [];
const deleted = (name) => Number(name.slice(1)) % 20 === 0;
for (const { change, values } of changes) {
  const group = change.name.slice(1);
  if (change.type.startsWith('aws_s3_bucket') && deleted(change.name)) continue;
  const split = splits[change.type];
  const bucketArn = `arn:aws:s3:::acme-${group}`;
  const arn = split ? bucketArn : (values.arn ?? `arn:aws:backup:us-east-1:${account}:backup-selection/${values.id}`);
  let attributes = values;
  if (change.type === 'aws_s3_bucket_versioning' && Number(group) % 10 === 1) attributes = { ...values, versioning_configuration: [{ status: 'Suspended' }] };
  live.push({ address: split ? `${bucketArn}/${split}` : arn, type: change.type, provider: 'aws', attributes, origin: { kind: 'aws', arn, account, region: 'us-east-1' }, ...(split ? { references: { bucket: [bucketArn] } } : {}) });
}
for (let i = 0; i < Math.ceil(size / 200); i++) {
  const arn = `arn:aws:s3:::hand-made-${i}`;
  live.push({ address: arn, type: 'aws_s3_bucket', provider: 'aws', attributes: { id: `hand-made-${i}`, bucket: `hand-made-${i}`, arn }, origin: { kind: 'aws', arn, account, region: 'us-east-1' } });
}
const source = { load: async () => ({ name: `aws:${account}`, kind: 'aws', resources: live, notifications: [], scope: { accounts: [account], regions: ['us-east-1'] } }) };

async function run(drift) {
  const start = performance.now();
  const result = await scan({ targets: [{ kind: 'path', path: file }, { kind: 'aws' }], sources: { aws: source }, rules: [...awsRules, ...driftRules], root: directory, drift });
  return { ms: performance.now() - start, result };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
await run(false);
const off = [];
const on = [];
let last;
for (let i = 0; i < 3; i++) {
  off.push((await run(false)).ms);
  last = await run(true);
  on.push(last.ms);
}
const counts = {};
for (const finding of last.result.findings) if (finding.ruleId.startsWith('drift-')) counts[`${finding.ruleId} ${finding.status}`] = (counts[`${finding.ruleId} ${finding.status}`] ?? 0) + 1;
process.stdout.write(JSON.stringify({ offMs: median(off), onMs: median(on), rssMb: process.resourceUsage().maxRSS / 1024, counts }));
