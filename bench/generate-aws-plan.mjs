// A realistic AWS plan for the rule benchmarks: S3 buckets with split versioning, encryption, policy and public
// access block resources, RDS databases, KMS keys, log groups, IAM policies and security groups, half of them in 50
// module instances, linked by references whose ids are known after apply. Each module instance adds a tag-based
// backup selection and a single-region trail, so the cross-resource rules (backup coverage, trail coverage, split
// S3 resources) meet many candidates.
import { planBuilder, reference } from './plan-builder.mjs';

/** A plan of `count` aws resources, ten per group; odd groups live in one of 50 module instances. */
export function generateAwsPlan(count) {
  const plan = planBuilder('aws');
  const push = plan.add;
  const ref = reference;
  const document = (statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const instances = new Set();
  for (let i = 0, group = 0; i < count; i += 10, group++) {
    const instance = group % 50;
    const module = group % 2 === 0 ? undefined : `module.app[${instance}]`;
    const n = `g${group}`;
    const bucket = `aws_s3_bucket.${n}`;
    push(module, 'aws_s3_bucket', n, { bucket: `acme-${group}` }, { id: true, arn: true }, {});
    push(module, 'aws_s3_bucket_versioning', n, { versioning_configuration: [{ status: group % 3 === 0 ? 'Suspended' : 'Enabled' }] }, { bucket: true }, { bucket: ref(bucket) });
    push(module, 'aws_s3_bucket_server_side_encryption_configuration', n, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }, { bucket: true }, { bucket: ref(bucket) });
    const tlsDeny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::acme-${group}`, `arn:aws:s3:::acme-${group}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    const publicRead = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::acme-${group}/*` };
    push(module, 'aws_s3_bucket_policy', n, { policy: document(group % 11 === 0 ? [tlsDeny, publicRead] : [tlsDeny]) }, { bucket: true }, { bucket: ref(bucket) });
    push(module, 'aws_s3_bucket_public_access_block', n, { block_public_acls: true, block_public_policy: group % 11 !== 0, ignore_public_acls: true, restrict_public_buckets: group % 11 !== 0 }, { bucket: true }, { bucket: ref(bucket) });
    push(module, 'aws_db_instance', n, {
      identifier: `db-${group}`, engine: 'postgres', engine_version: group % 4 === 0 ? '13.15' : '16.3', instance_class: 'db.t3.micro', allocated_storage: 20,
      storage_encrypted: group % 5 !== 0, backup_retention_period: 7, publicly_accessible: false, tags: { backup: group % 6 === 0 ? 'none' : 'daily' },
    }, { arn: true, id: true, parameter_group_name: true }, {});
    push(module, 'aws_kms_key', n, { description: `key ${group}`, enable_key_rotation: group % 8 !== 0 }, { arn: true, key_id: true }, {});
    push(module, 'aws_cloudwatch_log_group', n, { name: `/acme/${group}`, retention_in_days: group % 9 === 0 ? 30 : 400 }, { arn: true }, {});
    const actions = group % 10 === 0 ? '*' : group % 7 === 0 ? 's3:*' : ['s3:GetObject', 's3:PutObject'];
    push(module, 'aws_iam_policy', n, { name: `policy-${group}`, policy: document([{ Effect: 'Allow', Action: actions, Resource: '*' }]) }, { arn: true, id: true }, {});
    push(module, 'aws_security_group', n, {
      name: `sg-${group}`, vpc_id: 'vpc-0a1b2c3d',
      ingress: [{ from_port: group % 7 === 0 ? 22 : 443, to_port: group % 7 === 0 ? 22 : 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] }],
    }, { id: true, arn: true }, {});
    if (module && !instances.has(instance)) {
      instances.add(instance);
      const m = `i${instance}`;
      push(module, 'aws_backup_selection', m, { name: `tagged-${instance}`, plan_id: 'plan', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: `daily-${instance}` }] }, { id: true }, {});
      push(module, 'aws_cloudtrail', m, { name: `trail-${instance}`, s3_bucket_name: 'acme-trails', enable_log_file_validation: true }, { arn: true }, {});
    }
  }
  push(undefined, 'aws_backup_selection', 'all_tagged', { name: 'all', plan_id: 'plan', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: 'daily' }] }, { id: true }, {});
  push(undefined, 'aws_cloudtrail', 'organization', { name: 'organization', s3_bucket_name: 'acme-trails', is_multi_region_trail: true, enable_log_file_validation: true }, { arn: true }, {});
  return plan.document();
}
