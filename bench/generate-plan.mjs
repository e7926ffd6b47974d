// A realistic plan of N resources for the plan benchmark: S3 buckets with split configuration linked by reference
// (ids known after apply), RDS instances, IAM policies, and resources no rule reads, half inside module instances.
import { planBuilder, reference } from './plan-builder.mjs';

/** Builds a plan JSON document with `count` resources (and `planned_values` filled in with `plannedValues`). */
export function generatePlan(count, { plannedValues = false } = {}) {
  const plan = planBuilder('aws');
  for (let i = 0, group = 0; i < count; i += 8, group++) {
    const module = group % 2 === 0 ? undefined : `module.app[${group % 50}]`;
    const n = `r${group}`;
    const bucket = `aws_s3_bucket.${n}`;
    plan.add(module, 'aws_s3_bucket', n, { bucket: `acme-${group}`, force_destroy: false, tags: { team: 'data', env: 'prod' } }, { id: true, arn: true, versioning: true, logging: true, server_side_encryption_configuration: true, policy: true });
    plan.add(module, 'aws_s3_bucket_versioning', n, { versioning_configuration: [{ status: group % 3 === 0 ? 'Suspended' : 'Enabled' }] }, { bucket: true, id: true }, { bucket: reference(bucket) });
    plan.add(module, 'aws_s3_bucket_server_side_encryption_configuration', n, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }, { bucket: true, id: true, rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] }, { bucket: reference(bucket), rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: { constant_value: 'aws:kms' }, kms_master_key_id: { references: ['aws_kms_key.k.arn'] } }] }] });
    plan.add(module, 'aws_s3_bucket_public_access_block', n, { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: group % 5 !== 0 }, { bucket: true, id: true }, { bucket: reference(bucket) });
    plan.add(module, 'aws_db_instance', n, { engine: 'postgres', instance_class: 'db.t3.micro', allocated_storage: 20, storage_encrypted: group % 4 !== 0, backup_retention_period: group % 2 === 0 ? 7 : 1, password: 'secret-password', username: 'app' }, { id: true, arn: true, endpoint: true });
    plan.add(module, 'aws_iam_policy', n, { name: `p${group}`, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: group % 7 === 0 ? '*' : ['s3:GetObject'], Resource: '*' }] }) }, { id: true, arn: true });
    plan.add(module, 'aws_security_group', n, { name: `sg${group}`, ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }] }, { id: true, arn: true });
    plan.add(module, 'aws_instance', n, { ami: 'ami-123', instance_type: 't3.micro', tags: { Name: n } }, { id: true, arn: true, private_ip: true });
  }
  return plan.document({ plannedValues, limit: count });
}
