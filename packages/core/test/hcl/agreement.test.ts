import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type Finding, type ScanResult } from '@trustscan/core';
// Core does not depend on the rule pack; this test borrows it to check that the two Terraform sources agree.
import { rules } from '../../../rules/src/index.js';
import { buildPlan, type PlannedResource } from '../../../../testing/plan-builder.js';
import { hclFixtures } from '../../../../testing/hcl.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const scratch = temporaryDirectory('agreement');

/** Attributes the AWS provider computes for a new bucket: unknown in a plan, absent from HCL. */
const bucketComputed = [
  'acceleration_status', 'acl', 'arn', 'bucket_domain_name', 'bucket_prefix', 'bucket_regional_domain_name', 'cors_rule', 'grant',
  'hosted_zone_id', 'id', 'lifecycle_rule', 'logging', 'object_lock_configuration', 'object_lock_enabled', 'policy', 'region',
  'replication_configuration', 'request_payer', 'server_side_encryption_configuration', 'tags_all', 'versioning', 'website',
  'website_domain', 'website_endpoint',
];

function tlsPolicy(bucket: string): string {
  const document = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}/*`, `arn:aws:s3:::${bucket}`],
        Principal: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
  return JSON.stringify(document, null, 2);
}

/** The plan `terraform plan` would write for fixtures/agreement with its terraform.tfvars (environment = "prod"). */
const planned: PlannedResource[] = [
  { address: 'aws_s3_bucket.logs', values: { bucket: 'acme-prod-logs', force_destroy: false, tags: null }, computed: bucketComputed },
  {
    address: 'aws_s3_bucket_public_access_block.logs',
    values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    unknown: ['bucket'],
    computed: ['id'],
    expressions: { bucket: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] },
  },
  { address: 'aws_s3_bucket.data', values: { bucket: 'acme-prod-data', force_destroy: false, tags: null }, computed: bucketComputed },
  {
    address: 'aws_s3_bucket_versioning.data',
    values: { expected_bucket_owner: null, mfa: null, versioning_configuration: [{ status: 'Enabled' }] },
    unknown: ['bucket'],
    computed: ['id', 'versioning_configuration.0.mfa_delete'],
    expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
  },
  {
    address: 'aws_s3_bucket_server_side_encryption_configuration.data',
    values: { expected_bucket_owner: null, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }], bucket_key_enabled: null }] },
    unknown: ['bucket', 'rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id'],
    computed: ['id'],
    expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] },
  },
  {
    address: 'aws_s3_bucket_logging.data',
    values: { expected_bucket_owner: null, target_prefix: 'data/', target_grant: [], target_object_key_format: [] },
    unknown: ['bucket', 'target_bucket'],
    computed: ['id'],
    expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'], target_bucket: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] },
  },
  {
    address: 'aws_s3_bucket_policy.data',
    values: { policy: tlsPolicy('acme-prod-data') },
    unknown: ['bucket'],
    computed: ['id'],
    expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'], policy: ['data.aws_iam_policy_document.data_tls.json', 'data.aws_iam_policy_document.data_tls'] },
  },
  {
    address: 'aws_kms_key.data',
    values: { description: 'data bucket key', enable_key_rotation: false, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', tags: null },
    computed: ['arn', 'id', 'key_id', 'policy', 'rotation_period_in_days', 'tags_all'],
  },
  { address: 'module.archive["a"].aws_s3_bucket.this', values: { bucket: 'acme-prod-archive-a', force_destroy: false, tags: null }, computed: bucketComputed },
  {
    address: 'module.archive["a"].aws_s3_bucket_versioning.this[0]',
    values: { expected_bucket_owner: null, mfa: null, versioning_configuration: [{ status: 'Enabled' }] },
    unknown: ['bucket'],
    computed: ['id', 'versioning_configuration.0.mfa_delete'],
    expressions: { bucket: ['aws_s3_bucket.this.id', 'aws_s3_bucket.this'] },
  },
  { address: 'module.archive["b"].aws_s3_bucket.this', values: { bucket: 'acme-prod-archive-b', force_destroy: false, tags: null }, computed: bucketComputed },
  {
    address: 'aws_security_group.web',
    values: {
      name: 'web',
      description: 'Managed by Terraform',
      revoke_rules_on_delete: false,
      tags: null,
      timeouts: null,
      ingress: [22, 443].map((port) => ({
        cidr_blocks: ['0.0.0.0/0'],
        description: '',
        from_port: port,
        ipv6_cidr_blocks: [],
        prefix_list_ids: [],
        protocol: 'tcp',
        security_groups: [],
        self: false,
        to_port: port,
      })),
    },
    computed: ['arn', 'egress', 'id', 'name_prefix', 'owner_id', 'tags_all', 'vpc_id'],
  },
  {
    address: 'aws_iam_policy.admin',
    values: { name: 'admin', path: '/', description: null, tags: null, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2) },
    computed: ['arn', 'attachment_count', 'id', 'name_prefix', 'policy_id', 'tags_all'],
    // Terraform renders the data source during plan; the configuration still names it.
    expressions: { policy: ['data.aws_iam_policy_document.admin.json', 'data.aws_iam_policy_document.admin'] },
  },
  {
    address: 'aws_db_instance.db',
    values: {
      identifier: 'acme-prod-db',
      engine: 'postgres',
      instance_class: 'db.t3.micro',
      allocated_storage: 20,
      storage_encrypted: false,
      backup_retention_period: 0,
      publicly_accessible: true,
      skip_final_snapshot: false,
      tags: null,
    },
    computed: ['address', 'arn', 'endpoint', 'engine_version', 'id', 'kms_key_id', 'parameter_group_name', 'port', 'tags_all'],
  },
  {
    address: 'aws_cloudwatch_log_group.app',
    values: { name: '/acme-prod/app', retention_in_days: 0, kms_key_id: null, skip_destroy: false, tags: null },
    computed: ['arn', 'id', 'log_group_class', 'name_prefix', 'tags_all'],
  },
];

type Pair = { rule: string; resource: string; location: string };

function pairs(result: ScanResult, status: Finding['status']): Pair[] {
  return result.findings
    .filter((f) => f.status === status)
    .map((f) => ({ rule: f.ruleId, resource: f.resource.address, location: `${f.location.file}:${f.location.startLine}-${f.location.endLine}` }))
    .sort((a, b) => `${a.rule} ${a.resource}`.localeCompare(`${b.rule} ${b.resource}`));
}

describe('HCL and plan agreement', () => {
  it('reports the same failing (rule, resource) pairs at the same .tf lines for a configuration and its plan', async () => {
    const directory = path.join(hclFixtures, 'agreement');
    const planFile = path.join(scratch, 'plan.json');
    writeFileSync(planFile, JSON.stringify(buildPlan(planned, { moduleSources: { 'module.archive': './modules/archive' } })));
    const hcl = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules, root: directory, terraform: { cacheDirectory: false } });
    const plan = await scan({ targets: [{ kind: 'terraform-plan', path: planFile }], rules, root: directory, tfDir: directory });
    expect(hcl.notifications).toEqual([]);
    expect(plan.notifications).toEqual([]);
    expect(hcl.summary.resources).toBe(plan.summary.resources);

    const failing = pairs(hcl, 'fail');
    expect(pairs(plan, 'fail')).toEqual(failing);
    expect(failing.map((p) => `${p.rule} ${p.resource} ${p.location}`)).toEqual([
      // Its automated backups decide in the baseline profile, so the finding points at their retention.
      'aws-backup-data-store-covered aws_db_instance.db main.tf:121-121',
      'aws-ec2-security-group-admin-ports-closed aws_security_group.web main.tf:92-100',
      // The statement of the data source that grants it, not the line that reads `.json`.
      'aws-iam-policy-no-full-admin aws_iam_policy.admin main.tf:104-107',
      'aws-kms-key-rotation aws_kms_key.data main.tf:79-79',
      'aws-rds-backup-retention aws_db_instance.db main.tf:121-121',
      'aws-rds-not-publicly-accessible aws_db_instance.db main.tf:122-122',
      'aws-rds-storage-encrypted aws_db_instance.db main.tf:120-120',
      'aws-s3-bucket-access-logging module.archive["a"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-access-logging module.archive["b"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-public-access-block aws_s3_bucket.data main.tf:27-29',
      'aws-s3-bucket-public-access-block module.archive["a"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-public-access-block module.archive["b"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-tls-only aws_s3_bucket.logs main.tf:15-17',
      'aws-s3-bucket-tls-only module.archive["a"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-tls-only module.archive["b"].aws_s3_bucket.this modules/archive/main.tf:9-11',
      'aws-s3-bucket-versioning aws_s3_bucket.logs main.tf:15-17',
      'aws-s3-bucket-versioning module.archive["b"].aws_s3_bucket.this modules/archive/main.tf:9-11',
    ]);
    // Passing pairs agree too: nothing here is known to one source only.
    expect(pairs(plan, 'pass').map((p) => `${p.rule} ${p.resource}`)).toEqual(pairs(hcl, 'pass').map((p) => `${p.rule} ${p.resource}`));
    expect(pairs(plan, 'unknown').map((p) => `${p.rule} ${p.resource}`)).toEqual(pairs(hcl, 'unknown').map((p) => `${p.rule} ${p.resource}`));
  });
});
