import { describe, expect, it } from 'vitest';
import { isUnknown, type Resource, type Value } from '@trustscan/core';
import { readConfigurationItem } from '../src/configuration-item.js';
import { normalizeItem, normalizers } from '../src/normalize/index.js';
import * as items from './configuration-items.js';

interface Expected {
  readonly type: string;
  readonly address: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** Attributes that must be `Unknown`, with a fragment of the reason. */
  readonly unknown?: Readonly<Record<string, string>>;
  readonly references?: Readonly<Record<string, readonly string[]>>;
}

interface Case {
  readonly name: string;
  readonly item: unknown;
  readonly expected: readonly Expected[];
}

const policy = (document: unknown): string => JSON.stringify(document);

const cases: Case[] = [
  {
    name: 'S3 bucket, event form: versioning, TLS-only policy and ACL from Config; what Config lacks is unknown',
    item: items.s3BucketEventForm,
    expected: [
      { type: 'aws_s3_bucket', address: 'arn:aws:s3:::acme-reports', attributes: { bucket: 'acme-reports', id: 'acme-reports', arn: 'arn:aws:s3:::acme-reports', tags: { team: 'finance' } } },
      {
        type: 'aws_s3_bucket_server_side_encryption_configuration',
        address: 'arn:aws:s3:::acme-reports/server-side-encryption',
        unknown: { rule: 'has no ServerSideEncryptionConfiguration' },
        references: { bucket: ['arn:aws:s3:::acme-reports'] },
      },
      { type: 'aws_s3_bucket_versioning', address: 'arn:aws:s3:::acme-reports/versioning', attributes: { bucket: 'acme-reports', versioning_configuration: [{ status: 'Enabled', mfa_delete: 'Disabled' }] } },
      { type: 'aws_s3_bucket_public_access_block', address: 'arn:aws:s3:::acme-reports/public-access-block', unknown: { block_public_acls: 'has no PublicAccessBlockConfiguration' } },
      {
        type: 'aws_s3_bucket_policy',
        address: 'arn:aws:s3:::acme-reports/policy',
        attributes: { policy: items.s3BucketEventForm.supplementaryConfiguration.BucketPolicy.policyText },
      },
      {
        type: 'aws_s3_bucket_acl',
        address: 'arn:aws:s3:::acme-reports/acl',
        attributes: {
          access_control_policy: [
            {
              grant: [
                { grantee: [{ type: 'CanonicalUser', id: 'c0ffee', uri: null, email_address: null, display_name: null }], permission: 'FULL_CONTROL' },
                { grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', id: null, email_address: null, display_name: null }], permission: 'READ' },
              ],
              owner: [{ id: 'c0ffee', display_name: null }],
            },
          ],
        },
      },
      { type: 'aws_s3_bucket_ownership_controls', address: 'arn:aws:s3:::acme-reports/ownership-controls', unknown: { rule: 'BucketOwnershipControls' } },
      { type: 'aws_s3_bucket_object_lock_configuration', address: 'arn:aws:s3:::acme-reports/object-lock', unknown: { rule: 'ObjectLockConfiguration' } },
    ],
  },
  {
    name: 'S3 bucket, API form: JSON strings, a double-encoded ACL, KMS encryption, logging, object lock; versioning off and no policy are not emitted',
    item: items.s3BucketApiForm,
    expected: [
      { type: 'aws_s3_bucket', address: 'arn:aws:s3:::acme-data' },
      {
        type: 'aws_s3_bucket_server_side_encryption_configuration',
        address: 'arn:aws:s3:::acme-data/server-side-encryption',
        attributes: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'alias/data' }], bucket_key_enabled: true }] },
      },
      { type: 'aws_s3_bucket_logging', address: 'arn:aws:s3:::acme-data/logging', attributes: { target_bucket: 'acme-logs', target_prefix: 'data/' } },
      {
        type: 'aws_s3_bucket_public_access_block',
        address: 'arn:aws:s3:::acme-data/public-access-block',
        attributes: { block_public_acls: true, ignore_public_acls: true, block_public_policy: false, restrict_public_buckets: true },
      },
      { type: 'aws_s3_bucket_acl', address: 'arn:aws:s3:::acme-data/acl' },
      { type: 'aws_s3_bucket_ownership_controls', address: 'arn:aws:s3:::acme-data/ownership-controls' },
      {
        type: 'aws_s3_bucket_object_lock_configuration',
        address: 'arn:aws:s3:::acme-data/object-lock',
        attributes: { object_lock_enabled: 'Enabled', rule: [{ default_retention: [{ mode: 'COMPLIANCE', days: null, years: 1 }] }] },
      },
    ],
  },
  {
    name: 'IAM policy, event form: the document decoded and wrapped in an array',
    item: items.iamPolicyEventForm,
    expected: [
      {
        type: 'aws_iam_policy',
        address: 'arn:aws:iam::210987654321:policy/lb-read',
        attributes: {
          id: 'arn:aws:iam::210987654321:policy/lb-read',
          name: 'lb-read',
          path: '/',
          policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['elasticloadbalancing:Describe*'], Resource: ['*'] }] }),
        },
      },
    ],
  },
  {
    name: 'IAM policy, API form: URL-encoded versions, the default one is the policy',
    item: items.iamPolicyApiForm,
    expected: [{ type: 'aws_iam_policy', address: 'arn:aws:iam::123456789012:policy/ops', attributes: { policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) } }],
  },
  {
    name: 'IAM role with an AWS managed policy attached',
    item: items.iamRoleEventForm,
    expected: [
      {
        type: 'aws_iam_role',
        address: 'arn:aws:iam::210987654321:role/service-role/config-recorder',
        attributes: {
          id: 'config-recorder',
          name: 'config-recorder',
          path: '/service-role/',
          unique_id: 'AROAEXAMPLE3',
          assume_role_policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
        },
      },
      {
        type: 'aws_iam_role_policy_attachment',
        address: 'arn:aws:iam::210987654321:role/service-role/config-recorder/attachment/arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
        attributes: { role: 'config-recorder', policy_arn: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole' },
        references: { role: ['arn:aws:iam::210987654321:role/service-role/config-recorder'], policy_arn: ['arn:aws:iam::aws:policy/service-role/AWS_ConfigRole'] },
      },
    ],
  },
  {
    name: 'IAM user with an inline policy and AdministratorAccess attached',
    item: items.iamUserEventForm,
    expected: [
      { type: 'aws_iam_user', address: 'arn:aws:iam::210987654321:user/jane', attributes: { name: 'jane', unique_id: 'AIDAEXAMPLE4' } },
      {
        type: 'aws_iam_user_policy',
        address: 'arn:aws:iam::210987654321:user/jane/policy/deploy',
        attributes: { id: 'jane:deploy', name: 'deploy', user: 'jane', policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['codedeploy:*'], Resource: ['*'] }] }) },
      },
      { type: 'aws_iam_user_policy_attachment', address: 'arn:aws:iam::210987654321:user/jane/attachment/arn:aws:iam::aws:policy/AdministratorAccess', attributes: { user: 'jane', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
    ],
  },
  {
    name: 'IAM group with a URL-encoded inline policy',
    item: items.iamGroupApiForm,
    expected: [
      { type: 'aws_iam_group', address: 'arn:aws:iam::123456789012:group/admins', attributes: { id: 'admins', name: 'admins', unique_id: 'AGPAEXAMPLE5' } },
      {
        type: 'aws_iam_group_policy',
        address: 'arn:aws:iam::123456789012:group/admins/policy/all',
        attributes: { group: 'admins', name: 'all', policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }) },
        references: { group: ['arn:aws:iam::123456789012:group/admins'] },
      },
    ],
  },
  {
    name: 'RDS cluster with lower-case keys',
    item: items.rdsClusterEventForm,
    expected: [
      {
        type: 'aws_rds_cluster',
        address: 'arn:aws:rds:us-east-2:210987654321:cluster:orders',
        attributes: { cluster_identifier: 'orders', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-2:210987654321:key/orders', backup_retention_period: 1, db_cluster_parameter_group_name: 'default.aurora-mysql5.7' },
      },
    ],
  },
  {
    name: 'RDS instance, public and unencrypted, without backups',
    item: items.rdsInstanceApiForm,
    expected: [
      {
        type: 'aws_db_instance',
        address: 'arn:aws:rds:us-east-1:123456789012:db:legacy',
        attributes: { identifier: 'legacy', storage_encrypted: false, backup_retention_period: 0, publicly_accessible: true, parameter_group_name: 'legacy-pg', enabled_cloudwatch_logs_exports: ['postgresql'], kms_key_id: null },
      },
    ],
  },
  {
    name: 'RDS instance of an Aurora cluster becomes aws_rds_cluster_instance',
    item: items.rdsClusterMemberApiForm,
    expected: [{ type: 'aws_rds_cluster_instance', address: 'arn:aws:rds:us-east-1:123456789012:db:orders-1', attributes: { identifier: 'orders-1', cluster_identifier: 'orders', publicly_accessible: false } }],
  },
  {
    name: 'EBS volume without an ARN in the item',
    item: items.ebsVolumeApiForm,
    expected: [{ type: 'aws_ebs_volume', address: 'arn:aws:ec2:us-west-2:123456789012:volume/vol-0abc', attributes: { id: 'vol-0abc', encrypted: false, kms_key_id: null, size: 8, type: 'gp3' } }],
  },
  {
    name: 'DynamoDB table: PITR off, AWS owned key',
    item: items.dynamodbTableEventForm,
    expected: [{ type: 'aws_dynamodb_table', address: 'arn:aws:dynamodb:us-east-2:210987654321:table/locks', attributes: { name: 'locks', point_in_time_recovery: [{ enabled: false }], server_side_encryption: [], billing_mode: 'PAY_PER_REQUEST' } }],
  },
  {
    name: 'DynamoDB table: PITR on, customer managed key',
    item: items.dynamodbTableApiForm,
    expected: [
      {
        type: 'aws_dynamodb_table',
        address: 'arn:aws:dynamodb:us-east-2:210987654321:table/orders',
        attributes: { point_in_time_recovery: [{ enabled: true }], server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-2:210987654321:key/orders' }] },
      },
    ],
  },
  {
    name: 'CloudTrail trail: logging status is not in the item, so it is unknown',
    item: items.cloudtrailEventForm,
    expected: [
      {
        type: 'aws_cloudtrail',
        address: 'arn:aws:cloudtrail:ap-southeast-1:210987654321:trail/org-trail',
        attributes: { name: 'org-trail', is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: true, kms_key_id: null, cloud_watch_logs_group_arn: null, is_organization_trail: false },
        unknown: { enable_logging: 'cloudtrail:GetTrailStatus' },
      },
    ],
  },
  { name: 'KMS: an AWS managed key is not an aws_kms_key', item: items.kmsAwsManagedKey, expected: [] },
  {
    name: 'KMS: a customer managed key with rotation on',
    item: items.kmsCustomerKey,
    expected: [{ type: 'aws_kms_key', address: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd', attributes: { key_id: '1234abcd', enable_key_rotation: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT' } }],
  },
  {
    name: 'KMS: a signing key keeps its usage and spec, so the rotation rule leaves it alone',
    item: items.kmsSigningKey,
    expected: [{ type: 'aws_kms_key', address: 'arn:aws:kms:us-east-1:123456789012:key/5678efgh', attributes: { key_usage: 'SIGN_VERIFY', customer_master_key_spec: 'ECC_NIST_P256', enable_key_rotation: false } }],
  },
  {
    name: 'KMS: a key with imported material is an aws_kms_external_key',
    item: items.kmsImportedKey,
    expected: [{ type: 'aws_kms_external_key', address: 'arn:aws:kms:us-east-1:123456789012:key/9abcijkl', attributes: { key_id: '9abcijkl' } }],
  },
  {
    name: 'Load balancer listener: HTTP redirected to HTTPS',
    item: items.lbListenerEventForm,
    expected: [
      {
        type: 'aws_lb_listener',
        address: 'arn:aws:elasticloadbalancing:us-east-2:111111111111:listener/app/web/0a1b/2c3d',
        attributes: {
          protocol: 'HTTP',
          port: 80,
          ssl_policy: null,
          default_action: [{ type: 'redirect', order: null, target_group_arn: null, redirect: [{ protocol: 'HTTPS', port: '443', host: null, path: null, query: null, status_code: 'HTTP_301' }] }],
        },
      },
    ],
  },
  {
    name: 'Security group: SSH open to the world, an all-protocol rule from itself and another group',
    item: items.securityGroupApiForm,
    expected: [
      {
        type: 'aws_security_group',
        address: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123',
        attributes: {
          name: 'bastion',
          vpc_id: 'vpc-0aa',
          ingress: [
            { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], prefix_list_ids: [], security_groups: [], self: false, description: null },
            { from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: ['sg-0999'], self: true, description: null },
          ],
        },
      },
    ],
  },
  {
    name: 'VPC flow log linked to its VPC',
    item: items.flowLogEventForm,
    expected: [
      {
        type: 'aws_flow_log',
        address: 'arn:aws:ec2:us-east-2:210987654321:vpc-flow-log/fl-0abc',
        attributes: { vpc_id: 'vpc-0aa', subnet_id: null, traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' },
        references: { vpc_id: ['arn:aws:ec2:us-east-2:210987654321:vpc/vpc-0aa'] },
      },
    ],
  },
  { name: 'VPC', item: items.vpcApiForm, expected: [{ type: 'aws_vpc', address: 'arn:aws:ec2:us-east-2:210987654321:vpc/vpc-0aa', attributes: { id: 'vpc-0aa', cidr_block: '10.0.0.0/16' } }] },
  {
    name: 'Log group without retention: never expires, 0 as in Terraform',
    item: items.logGroupApiForm,
    expected: [{ type: 'aws_cloudwatch_log_group', address: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/web', attributes: { name: '/app/web', retention_in_days: 0, kms_key_id: null } }],
  },
  {
    name: 'Account public access block',
    item: items.accountPublicAccessBlockEventForm,
    expected: [
      {
        type: 'aws_s3_account_public_access_block',
        address: 'arn:aws:s3::210987654321:account-public-access-block',
        attributes: { account_id: '210987654321', block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: false },
      },
    ],
  },
  {
    name: 'Backup plan: a daily rule with 35 days of retention and a weekly rule without lifecycle',
    item: items.backupPlanApiForm,
    expected: [
      {
        type: 'aws_backup_plan',
        address: 'arn:aws:backup:eu-west-1:123456789012:backup-plan:8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
        attributes: {
          name: 'daily',
          rule: [
            { rule_name: 'daily-35', target_vault_name: 'main', schedule: 'cron(0 5 ? * * *)', start_window: 60, completion_window: 180, lifecycle: [{ delete_after: 35, cold_storage_after: null }], enable_continuous_backup: null },
            { rule_name: 'weekly', schedule: 'cron(0 5 ? * 1 *)', enable_continuous_backup: false, lifecycle: [] },
          ],
        },
      },
    ],
  },
  {
    name: 'Backup selection: ARNs, a tag and conditions become resources, selection_tag and condition',
    item: items.backupSelectionEventForm,
    expected: [
      {
        type: 'aws_backup_selection',
        address: 'arn:aws:backup:eu-west-1:123456789012:backup-plan:8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f/selection/sel-0a1b2c3d',
        attributes: {
          name: 'databases',
          plan_id: '8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
          resources: ['arn:aws:rds:eu-west-1:123456789012:db:orders', 'arn:aws:dynamodb:eu-west-1:123456789012:table/*'],
          not_resources: [],
          selection_tag: [{ type: 'STRINGEQUALS', key: 'backup', value: 'daily' }],
          condition: [{ string_equals: [{ key: 'aws:ResourceTag/env', value: 'prod' }], string_not_equals: [], string_like: [], string_not_like: [] }],
        },
      },
    ],
  },
  {
    name: 'Backup vault with a lock and an access policy in the item',
    item: items.backupVaultApiForm,
    expected: [
      { type: 'aws_backup_vault', address: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main', attributes: { name: 'main', kms_key_arn: 'arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' } },
      {
        type: 'aws_backup_vault_lock_configuration',
        address: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main/lock-configuration',
        attributes: { backup_vault_name: 'main', min_retention_days: 7, max_retention_days: 365, changeable_for_days: 3 },
        references: { backup_vault_name: ['arn:aws:backup:eu-west-1:123456789012:backup-vault:main'] },
      },
      {
        type: 'aws_backup_vault_policy',
        address: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main/policy',
        attributes: { policy: policy({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] }) },
      },
    ],
  },
  {
    name: 'EFS file system: unencrypted, with the tags AWS Backup matches, and its automatic backup policy',
    item: items.efsFileSystemApiForm,
    expected: [
      { type: 'aws_efs_file_system', address: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0a1b2c3d', attributes: { id: 'fs-0a1b2c3d', encrypted: false, kms_key_id: null, tags: { backup: 'daily' } } },
      {
        type: 'aws_efs_backup_policy',
        address: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0a1b2c3d/backup-policy',
        attributes: { file_system_id: 'fs-0a1b2c3d', backup_policy: [{ status: 'DISABLED' }] },
        references: { file_system_id: ['arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0a1b2c3d'] },
      },
    ],
  },
  {
    name: 'CloudFront distribution: default certificate, plain HTTP allowed by the default behaviour',
    item: items.cloudfrontEventForm,
    expected: [
      {
        type: 'aws_cloudfront_distribution',
        address: 'arn:aws:cloudfront::12345678912:distribution/E31V0VAAPINP3I',
        attributes: {
          viewer_certificate: [{ cloudfront_default_certificate: true, minimum_protocol_version: 'TLSv1', acm_certificate_arn: null, iam_certificate_id: null, ssl_support_method: null }],
          default_cache_behavior: [{ viewer_protocol_policy: 'allow-all', target_origin_id: 'ELB-test-load-balancer-160681750', path_pattern: null }],
          ordered_cache_behavior: [{ path_pattern: '/api/*', target_origin_id: 'api', viewer_protocol_policy: 'https-only' }],
        },
      },
    ],
  },
  {
    name: 'API Gateway REST stage without access logs',
    item: items.apiGatewayStageApiForm,
    expected: [{ type: 'aws_api_gateway_stage', address: 'arn:aws:apigateway:us-east-2::/restapis/test/stages/test', attributes: { stage_name: 'test', rest_api_id: 'test', access_log_settings: [] } }],
  },
  {
    name: 'API Gateway HTTP API stage logging to a log group',
    item: items.apiGatewayV2StageEventForm,
    expected: [
      {
        type: 'aws_apigatewayv2_stage',
        address: 'arn:aws:apigateway:us-east-2::/apis/test/stages/$default',
        attributes: { name: '$default', api_id: 'test', access_log_settings: [{ destination_arn: 'arn:aws:logs:us-east-2:123456789012:log-group:/api/access', format: '$context.requestId' }] },
      },
    ],
  },
  {
    name: 'Classic load balancer: an HTTP listener and access logs off',
    item: items.classicLoadBalancerApiForm,
    expected: [
      {
        type: 'aws_elb',
        address: 'arn:aws:elasticloadbalancing:us-east-1:382822795712:loadbalancer/CLB1',
        attributes: { name: 'CLB1', listener: [{ lb_protocol: 'HTTP', lb_port: 80, instance_protocol: 'HTTP', instance_port: 80, ssl_certificate_id: null }], access_logs: [{ enabled: false, bucket: null, bucket_prefix: null, interval: null }] },
      },
    ],
  },
  {
    name: 'Application load balancer logging to S3, from its attributes',
    item: items.applicationLoadBalancerApiForm,
    expected: [
      {
        type: 'aws_lb',
        address: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188',
        attributes: { name: 'my-load-balancer', load_balancer_type: 'application', internal: false, access_logs: [{ enabled: true, bucket: 'acme-lb-logs', prefix: null }] },
      },
    ],
  },
  {
    name: 'Network load balancer without recorded attributes: access logging is unknown',
    item: items.networkLoadBalancerWithoutAttributes,
    expected: [{ type: 'aws_lb', address: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/ingest/7a8b9c', attributes: { load_balancer_type: 'network', internal: true }, unknown: { access_logs: 'DescribeLoadBalancerAttributes' } }],
  },
  {
    name: 'A resource Config does not record: its checked values are unknown',
    item: items.notRecordedVolume,
    expected: [{ type: 'aws_ebs_volume', address: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-0def', unknown: { encrypted: 'does not record AWS::EC2::Volume' } }],
  },
];

function check(resource: Resource | undefined, expected: Expected): void {
  expect(resource, `${expected.type} ${expected.address}`).toBeDefined();
  if (!resource) return;
  expect(resource.type).toBe(expected.type);
  expect(resource.provider).toBe('aws');
  if (expected.attributes) expect(resource.attributes).toMatchObject(expected.attributes as Record<string, Value>);
  for (const [name, reason] of Object.entries(expected.unknown ?? {})) {
    const value = resource.attributes[name];
    expect(isUnknown(value), `${expected.address} ${name} is unknown`).toBe(true);
    expect(String(value)).toContain(reason);
  }
  if (expected.references) expect(resource.references).toEqual(expected.references);
}

describe('normalizers', () => {
  it.each(cases)('$name', ({ item, expected }) => {
    const decoded = readConfigurationItem(item);
    expect(decoded).toBeDefined();
    const resources = decoded ? normalizeItem(decoded) : [];
    expect(resources.map((r) => r.address).sort()).toEqual(expected.map((e) => e.address).sort());
    for (const want of expected) check(resources.find((r) => r.address === want.address), want);
  });

  it('covers every normalizer with at least one case', () => {
    const covered = new Set(cases.map((c) => readConfigurationItem(c.item)?.resourceType));
    expect(Object.keys(normalizers).filter((type) => !covered.has(type))).toEqual([]);
  });

  it('emits only the Terraform types its table row declares, so observed types are true', () => {
    for (const c of cases) {
      const item = readConfigurationItem(c.item);
      if (!item) continue;
      const spec = normalizers[item.resourceType];
      const declared = [...(spec?.emits ?? []), ...(spec?.whenShown ?? [])];
      for (const resource of normalizeItem(item)) expect(declared, `${item.resourceType} emits ${resource.type}`).toContain(resource.type);
    }
  });

  it('leaves the tags of a data store unknown when the item has none, never "no tags"', () => {
    const volume = readConfigurationItem({ ...items.ebsVolumeApiForm, tags: undefined });
    const tags = volume ? normalizeItem(volume)[0]?.attributes['tags'] : undefined;
    expect(String(tags)).toContain('BatchGetResourceConfig leaves them out');
  });

  it('drops deleted resources and items that name no resource', () => {
    expect(readConfigurationItem({ ...items.vpcApiForm, configurationItemStatus: 'ResourceDeleted' })).toBeUndefined();
    expect(readConfigurationItem({ configuration: '{}' })).toBeUndefined();
  });
});
