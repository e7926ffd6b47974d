import type { Resource } from '@trustscan/core';
import type { ConfigurationItem } from '../configuration-item.js';
import { normalizeApiGatewayStage } from './apigateway-stage.js';
import { normalizeBackupPlan, normalizeBackupSelection, normalizeBackupVault } from './backup.js';
import { normalizeCloudfrontDistribution } from './cloudfront-distribution.js';
import { normalizeCloudtrailTrail } from './cloudtrail-trail.js';
import { normalizeLogGroup } from './cloudwatch-log-group.js';
import { normalizeDynamodbTable } from './dynamodb-table.js';
import { normalizeEbsVolume } from './ebs-volume.js';
import { normalizeEfsFileSystem } from './efs-file-system.js';
import { normalizeIamPolicy } from './iam-policy.js';
import { normalizeIamGroup, normalizeIamRole, normalizeIamUser } from './iam-principals.js';
import { normalizeKmsKey } from './kms-key.js';
import { normalizeLbListener } from './lb-listener.js';
import { normalizeClassicLoadBalancer, normalizeLoadBalancer } from './load-balancer.js';
import { normalizeRdsCluster, normalizeRdsInstance } from './rds.js';
import { normalizeAccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { normalizeS3Bucket } from './s3-bucket.js';
import { normalizeSecurityGroup } from './security-group.js';
import { normalizeFlowLog, normalizeVpc } from './vpc.js';

/** Turns one configuration item into canonical resources (none when the item is out of scope, e.g. an AWS managed key). */
export type Normalizer = (item: ConfigurationItem) => Resource[];

/** How one AWS Config resource type becomes canonical resources, and every Terraform type that can come out. */
export interface NormalizerSpec {
  readonly normalize: Normalizer;
  /** The Terraform types the normalizer emits: observed by a scan that listed the Config type everywhere. */
  readonly emits: readonly string[];
  /** Types it emits only when the item shows them, and whose absence the item does not prove: never observed through it. */
  readonly whenShown?: readonly string[];
}

const iamPrincipal = (kind: 'role' | 'user' | 'group'): readonly string[] => [`aws_iam_${kind}`, `aws_iam_${kind}_policy`, `aws_iam_${kind}_policy_attachment`];

/** One normalizer per AWS Config resource type the rules need; the collector asks Config for exactly these types. */
export const normalizers: Readonly<Record<string, NormalizerSpec>> = {
  'AWS::ApiGateway::Stage': { normalize: normalizeApiGatewayStage, emits: ['aws_api_gateway_stage'] },
  'AWS::ApiGatewayV2::Stage': { normalize: normalizeApiGatewayStage, emits: ['aws_apigatewayv2_stage'] },
  'AWS::Backup::BackupPlan': { normalize: normalizeBackupPlan, emits: ['aws_backup_plan'] },
  'AWS::Backup::BackupSelection': { normalize: normalizeBackupSelection, emits: ['aws_backup_selection'] },
  // A vault's lock and access policy are emitted when the item shows them; whether a vault has none is known only
  // from the AWS Backup API, so those types are not observed through Config alone.
  'AWS::Backup::BackupVault': { normalize: normalizeBackupVault, emits: ['aws_backup_vault'], whenShown: ['aws_backup_vault_lock_configuration', 'aws_backup_vault_policy'] },
  'AWS::CloudFront::Distribution': { normalize: normalizeCloudfrontDistribution, emits: ['aws_cloudfront_distribution'] },
  'AWS::CloudTrail::Trail': { normalize: normalizeCloudtrailTrail, emits: ['aws_cloudtrail'] },
  'AWS::DynamoDB::Table': { normalize: normalizeDynamodbTable, emits: ['aws_dynamodb_table'] },
  'AWS::EC2::FlowLog': { normalize: normalizeFlowLog, emits: ['aws_flow_log'] },
  'AWS::EC2::SecurityGroup': { normalize: normalizeSecurityGroup, emits: ['aws_security_group'] },
  'AWS::EC2::VPC': { normalize: normalizeVpc, emits: ['aws_vpc'] },
  'AWS::EC2::Volume': { normalize: normalizeEbsVolume, emits: ['aws_ebs_volume'] },
  'AWS::EFS::FileSystem': { normalize: normalizeEfsFileSystem, emits: ['aws_efs_file_system'], whenShown: ['aws_efs_backup_policy'] },
  'AWS::ElasticLoadBalancing::LoadBalancer': { normalize: normalizeClassicLoadBalancer, emits: ['aws_elb'] },
  'AWS::ElasticLoadBalancingV2::Listener': { normalize: normalizeLbListener, emits: ['aws_lb_listener'] },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { normalize: normalizeLoadBalancer, emits: ['aws_lb'] },
  'AWS::IAM::Group': { normalize: normalizeIamGroup, emits: iamPrincipal('group') },
  'AWS::IAM::Policy': { normalize: normalizeIamPolicy, emits: ['aws_iam_policy'] },
  'AWS::IAM::Role': { normalize: normalizeIamRole, emits: iamPrincipal('role') },
  'AWS::IAM::User': { normalize: normalizeIamUser, emits: iamPrincipal('user') },
  'AWS::KMS::Key': { normalize: normalizeKmsKey, emits: ['aws_kms_key', 'aws_kms_external_key'] },
  'AWS::Logs::LogGroup': { normalize: normalizeLogGroup, emits: ['aws_cloudwatch_log_group'] },
  'AWS::RDS::DBCluster': { normalize: normalizeRdsCluster, emits: ['aws_rds_cluster'] },
  'AWS::RDS::DBInstance': { normalize: normalizeRdsInstance, emits: ['aws_db_instance', 'aws_rds_cluster_instance'] },
  'AWS::S3::AccountPublicAccessBlock': { normalize: normalizeAccountPublicAccessBlock, emits: ['aws_s3_account_public_access_block'] },
  'AWS::S3::Bucket': {
    normalize: normalizeS3Bucket,
    emits: [
      'aws_s3_bucket',
      'aws_s3_bucket_acl',
      'aws_s3_bucket_logging',
      'aws_s3_bucket_object_lock_configuration',
      'aws_s3_bucket_ownership_controls',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_versioning',
    ],
  },
};

/** The Terraform types observed when each of `configTypes` was listed in every place the scan read, sorted. */
export function typesEmittedBy(configTypes: Iterable<string>): string[] {
  const types = new Set<string>();
  for (const configType of configTypes) for (const type of normalizers[configType]?.emits ?? []) types.add(type);
  return [...types].sort();
}

/** The Config resource types collected, sorted. */
export const configResourceTypes: readonly string[] = Object.keys(normalizers).sort();

/** IAM types are global: Config records them once per account (region `global`), whichever regions are scanned. */
export function isGlobalType(resourceType: string): boolean {
  return resourceType.startsWith('AWS::IAM::');
}

/** Types with one resource per account, which Config may list in every region: read once per account. */
export function isAccountWideType(resourceType: string): boolean {
  return isGlobalType(resourceType) || resourceType === 'AWS::S3::AccountPublicAccessBlock';
}

/** Normalizes items of any supported type; items of other types give nothing. */
export function normalizeItem(item: ConfigurationItem): Resource[] {
  return normalizers[item.resourceType]?.normalize(item) ?? [];
}
