import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AttachRolePolicyCommand, CreatePolicyCommand, CreatePolicyVersionCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, DeleteBucketCommand, PutBucketTaggingCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';

export const account = '123456789012';
const region = 'us-east-1';

const readReports = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/reports/*' }] });
const fullAdmin = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const listBuckets = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-data' }] });

/**
 * The Terraform configuration of the scenario, with the line of each block the tests assert: two buckets (one with
 * versioning and a public access block), a policy, a role with an inline policy and the policy attached.
 */
export const mainTf = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_iam_policy" "reports" {
  name   = "read-reports"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-data/reports/*" }] })
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.name
  name   = "list-data"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::acme-data" }] })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.reports.arn
}
`;

/** Lines of `mainTf` the tests point at. */
export const lines = { dataBucket: 1, versioningStatus: 8, logsBucket: 20, reportsPolicy: 24, reportsDocument: 26 };

const policyArn = `arn:aws:iam::${account}:policy/read-reports`;

function bucketAttributes(bucket: string): Record<string, unknown> {
  return {
    acceleration_status: '',
    acl: null,
    arn: `arn:aws:s3:::${bucket}`,
    bucket,
    bucket_domain_name: `${bucket}.s3.amazonaws.com`,
    bucket_prefix: '',
    bucket_regional_domain_name: `${bucket}.s3.${region}.amazonaws.com`,
    cors_rule: [],
    force_destroy: false,
    grant: [{ id: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }],
    hosted_zone_id: 'Z3AQBSTGFYJSTF',
    id: bucket,
    lifecycle_rule: [],
    logging: [],
    object_lock_configuration: [],
    object_lock_enabled: false,
    policy: '',
    region,
    replication_configuration: [],
    request_payer: 'BucketOwner',
    server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: '', sse_algorithm: 'AES256' }], bucket_key_enabled: false }] }],
    tags: null,
    tags_all: {},
    timeouts: null,
    versioning: [{ enabled: bucket === 'acme-data', mfa_delete: false }],
    website: [],
    website_domain: null,
    website_endpoint: null,
  };
}

export interface StateResource {
  readonly type: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
  readonly sensitive?: unknown[];
  readonly dependencies?: string[];
}

/** What `terraform apply` of `mainTf` records, resource by resource, with the values the AWS provider v5 writes. */
export const stateResources: readonly StateResource[] = [
  { type: 'aws_iam_policy', name: 'reports', attributes: { arn: policyArn, attachment_count: 1, description: '', id: policyArn, name: 'read-reports', name_prefix: '', path: '/', policy: readReports, policy_id: 'ANPAXKY7GA7QTHKXXAMPL', tags: null, tags_all: {} } },
  {
    type: 'aws_iam_role',
    name: 'app',
    attributes: {
      arn: `arn:aws:iam::${account}:role/app`,
      assume_role_policy: trust,
      create_date: '2026-01-12T09:30:11Z',
      description: '',
      force_detach_policies: false,
      id: 'app',
      inline_policy: [{ name: 'list-data', policy: listBuckets }],
      managed_policy_arns: [policyArn],
      max_session_duration: 3600,
      name: 'app',
      name_prefix: '',
      path: '/',
      permissions_boundary: '',
      tags: null,
      tags_all: {},
      unique_id: 'AROAXKY7GA7QRXXAMPLE',
    },
  },
  { type: 'aws_iam_role_policy', name: 'app', attributes: { id: 'app:list-data', name: 'list-data', name_prefix: '', policy: listBuckets, role: 'app' }, dependencies: ['aws_iam_role.app'] },
  { type: 'aws_iam_role_policy_attachment', name: 'app', attributes: { id: 'app-20260112093012345600000001', policy_arn: policyArn, role: 'app' }, dependencies: ['aws_iam_policy.reports', 'aws_iam_role.app'] },
  { type: 'aws_s3_bucket', name: 'data', attributes: bucketAttributes('acme-data') },
  { type: 'aws_s3_bucket', name: 'logs', attributes: bucketAttributes('acme-logs') },
  {
    type: 'aws_s3_bucket_public_access_block',
    name: 'data',
    attributes: { block_public_acls: true, block_public_policy: true, bucket: 'acme-data', id: 'acme-data', ignore_public_acls: true, restrict_public_buckets: true },
    dependencies: ['aws_s3_bucket.data'],
  },
  {
    type: 'aws_s3_bucket_versioning',
    name: 'data',
    attributes: { bucket: 'acme-data', expected_bucket_owner: '', id: 'acme-data', mfa: null, versioning_configuration: [{ mfa_delete: '', status: 'Enabled' }] },
    dependencies: ['aws_s3_bucket.data'],
  },
];

/** Raw state version 4, as `terraform state pull` prints it (Terraform 1.9, AWS provider 5.x). */
export function rawState(resources: readonly StateResource[] = stateResources, options: { lineage?: string } = {}): string {
  return `${JSON.stringify(
    {
      version: 4,
      terraform_version: '1.9.8',
      serial: 7,
      lineage: options.lineage ?? '5f2a7c1e-3b4d-4e8f-9a0b-1c2d3e4f5a6b',
      outputs: {},
      resources: resources.map((r) => ({
        mode: 'managed',
        type: r.type,
        name: r.name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: r.type === 'aws_s3_bucket' ? 0 : 0, attributes: r.attributes, sensitive_attributes: r.sensitive ?? [], private: 'bnVsbA==', ...(r.dependencies ? { dependencies: r.dependencies } : {}) }],
      })),
      check_results: null,
    },
    null,
    2,
  )}\n`;
}

/** The same state as `terraform show -json` prints it. */
export function shownState(resources: readonly StateResource[] = stateResources): string {
  return `${JSON.stringify({
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: resources.map((r) => ({
          address: `${r.type}.${r.name}`,
          mode: 'managed',
          type: r.type,
          name: r.name,
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 0,
          values: r.attributes,
          sensitive_values: sensitiveValues(r.attributes),
        })),
      },
    },
  })}\n`;
}

/** `sensitive_values` marks nested blocks with empty shadows, as Terraform does, and nothing sensitive. */
function sensitiveValues(attributes: Record<string, unknown>): Record<string, unknown> {
  const shadow: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (Array.isArray(value)) shadow[key] = value.map((item) => (typeof item === 'object' && item !== null ? {} : false));
    else if (typeof value === 'object' && value !== null) shadow[key] = {};
  }
  return shadow;
}

/** Writes the configuration into `directory/infra` and its state beside it as `terraform.tfstate` and `state.json`. */
export function writeTerraform(directory: string): { infra: string; state: string; shown: string } {
  const infra = path.join(directory, 'infra');
  mkdirSync(infra, { recursive: true });
  writeFileSync(path.join(infra, 'main.tf'), mainTf);
  const state = path.join(directory, 'state', 'terraform.tfstate');
  const shown = path.join(directory, 'state', 'show.json');
  mkdirSync(path.dirname(state), { recursive: true });
  writeFileSync(state, rawState());
  writeFileSync(shown, shownState());
  return { infra, state, shown };
}

/**
 * Builds the live account with the SDK against moto as `terraform apply` would have (`acme-data` is also tagged
 * `owner = platform`), then drifts it:
 * - behind Terraform's back, versioning of `acme-data` is suspended and `read-reports` gets a default version that
 *   allows everything;
 * - a bucket `acme-manual` and a role `hand-made` are created by hand;
 * - the bucket `acme-logs` is deleted by hand.
 */
export async function buildDriftedAccount(endpoint: string): Promise<void> {
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const s3 = new S3Client({ region, endpoint, forcePathStyle: true, credentials });
  const iam = new IAMClient({ region, endpoint, credentials });
  try {
    for (const bucket of ['acme-data', 'acme-logs']) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'acme-data', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'acme-data', Tagging: { TagSet: [{ Key: 'owner', Value: 'platform' }] } }));
    await s3.send(
      new PutPublicAccessBlockCommand({ Bucket: 'acme-data', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }),
    );
    await iam.send(new CreatePolicyCommand({ PolicyName: 'read-reports', PolicyDocument: readReports }));
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'list-data', PolicyDocument: listBuckets }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: policyArn }));

    await s3.send(new PutBucketVersioningCommand({ Bucket: 'acme-data', VersioningConfiguration: { Status: 'Suspended' } }));
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: fullAdmin, SetAsDefault: true }));
    await s3.send(new CreateBucketCommand({ Bucket: 'acme-manual' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'hand-made', AssumeRolePolicyDocument: trust }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'acme-logs' }));
  } finally {
    s3.destroy();
    iam.destroy();
  }
}
