// A realistic plan of N resources: S3 buckets with split configuration linked by reference (ids known after
// apply), RDS instances, IAM policies, and other resources no rule reads, half of them inside module instances.

/** Builds a plan JSON document with `count` resources. */
export function generatePlan(count) {
  const changes = [];
  const rootResources = [];
  const moduleResources = [];
  let i = 0;
  const push = (module, type, name, after, unknown, expressions) => {
    const address = `${module ? `${module}.` : ''}${type}.${name}`;
    changes.push({
      address,
      ...(module ? { module_address: module } : {}),
      mode: 'managed',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after, after_unknown: unknown, before_sensitive: false, after_sensitive: {} },
    });
    const config = { address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 };
    if (module) moduleResources.push({ module, config });
    else rootResources.push(config);
  };
  const ref = (target) => ({ references: [`${target}.id`, target] });
  while (i < count) {
    const group = Math.floor(i / 8);
    const module = group % 2 === 0 ? undefined : `module.app[${group % 50}]`;
    const n = `r${group}`;
    const bucket = `aws_s3_bucket.${n}`;
    push(module, 'aws_s3_bucket', n, { bucket: `acme-${group}`, force_destroy: false, tags: { team: 'data', env: 'prod' } }, { id: true, arn: true, versioning: true, logging: true, server_side_encryption_configuration: true, policy: true }, { bucket: { constant_value: `acme-${group}` } });
    push(module, 'aws_s3_bucket_versioning', n, { versioning_configuration: [{ status: group % 3 === 0 ? 'Suspended' : 'Enabled' }] }, { bucket: true, id: true }, { bucket: ref(bucket), versioning_configuration: [{ status: { constant_value: 'Enabled' } }] });
    push(module, 'aws_s3_bucket_server_side_encryption_configuration', n, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }, { bucket: true, id: true, rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] }, { bucket: ref(bucket), rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: { constant_value: 'aws:kms' }, kms_master_key_id: { references: ['aws_kms_key.k.arn'] } }] }] });
    push(module, 'aws_s3_bucket_public_access_block', n, { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: group % 5 !== 0 }, { bucket: true, id: true }, { bucket: ref(bucket) });
    push(module, 'aws_db_instance', n, { engine: 'postgres', instance_class: 'db.t3.micro', allocated_storage: 20, storage_encrypted: group % 4 !== 0, backup_retention_period: group % 2 === 0 ? 7 : 1, password: 'secret-password', username: 'app' }, { id: true, arn: true, endpoint: true }, { storage_encrypted: { constant_value: true } });
    push(module, 'aws_iam_policy', n, { name: `p${group}`, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: group % 7 === 0 ? '*' : ['s3:GetObject'], Resource: '*' }] }) }, { id: true, arn: true }, {});
    push(module, 'aws_security_group', n, { name: `sg${group}`, ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }] }, { id: true, arn: true }, {});
    push(module, 'aws_instance', n, { ami: 'ami-123', instance_type: 't3.micro', tags: { Name: n } }, { id: true, arn: true, private_ip: true }, {});
    i += 8;
  }
  const moduleCalls = {};
  if (moduleResources.length > 0) {
    moduleCalls.app = { source: './modules/app', count_expression: { constant_value: 50 }, module: { resources: dedupe(moduleResources.map((r) => r.config)) } };
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: {} },
    resource_changes: changes.slice(0, count),
    configuration: { root_module: { resources: rootResources, module_calls: moduleCalls } },
  };
}

function dedupe(configs) {
  const seen = new Map();
  for (const config of configs) seen.set(config.address, config);
  return [...seen.values()];
}
