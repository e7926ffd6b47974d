import type { Resource } from '../../../model/resource.js';
import type { ConfigurationItem } from '../configuration-item.js';
import { normalizeCloudtrailTrail } from './cloudtrail-trail.js';
import { normalizeLogGroup } from './cloudwatch-log-group.js';
import { normalizeDynamodbTable } from './dynamodb-table.js';
import { normalizeEbsVolume } from './ebs-volume.js';
import { normalizeIamPolicy } from './iam-policy.js';
import { normalizeIamGroup, normalizeIamRole, normalizeIamUser } from './iam-principals.js';
import { normalizeKmsKey } from './kms-key.js';
import { normalizeLbListener } from './lb-listener.js';
import { normalizeRdsCluster, normalizeRdsInstance } from './rds.js';
import { normalizeAccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { normalizeS3Bucket } from './s3-bucket.js';
import { normalizeSecurityGroup } from './security-group.js';
import { normalizeFlowLog, normalizeVpc } from './vpc.js';

/** Turns one configuration item into canonical resources (none when the item is out of scope, e.g. an AWS managed key). */
export type Normalizer = (item: ConfigurationItem) => Resource[];

/** One normalizer per AWS Config resource type the rules need; the collector asks Config for exactly these types. */
export const normalizers: Readonly<Record<string, Normalizer>> = {
  'AWS::CloudTrail::Trail': normalizeCloudtrailTrail,
  'AWS::DynamoDB::Table': normalizeDynamodbTable,
  'AWS::EC2::FlowLog': normalizeFlowLog,
  'AWS::EC2::SecurityGroup': normalizeSecurityGroup,
  'AWS::EC2::VPC': normalizeVpc,
  'AWS::EC2::Volume': normalizeEbsVolume,
  'AWS::ElasticLoadBalancingV2::Listener': normalizeLbListener,
  'AWS::IAM::Group': normalizeIamGroup,
  'AWS::IAM::Policy': normalizeIamPolicy,
  'AWS::IAM::Role': normalizeIamRole,
  'AWS::IAM::User': normalizeIamUser,
  'AWS::KMS::Key': normalizeKmsKey,
  'AWS::Logs::LogGroup': normalizeLogGroup,
  'AWS::RDS::DBCluster': normalizeRdsCluster,
  'AWS::RDS::DBInstance': normalizeRdsInstance,
  'AWS::S3::AccountPublicAccessBlock': normalizeAccountPublicAccessBlock,
  'AWS::S3::Bucket': normalizeS3Bucket,
};

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
  return normalizers[item.resourceType]?.(item) ?? [];
}
