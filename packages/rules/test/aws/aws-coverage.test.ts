import { describe, expect, it } from 'vitest';
import { liveAwsResource, verdictWhenObserved, type CoverageCase } from '../../../../testing/observed-coverage.js';
import dataStoreCovered from '../../src/aws/backup/aws-backup-data-store-covered.js';
import vaultLocked from '../../src/aws/backup/aws-backup-vault-locked.js';
import trailMultiRegion from '../../src/aws/cloudtrail/aws-cloudtrail-multi-region.js';
import recorderAllResources from '../../src/aws/config/aws-config-recorder-all-resources.js';
import volumeEncrypted from '../../src/aws/ebs/aws-ebs-volume-encrypted.js';
import accessLogging from '../../src/aws/s3/aws-s3-bucket-access-logging.js';
import notPublic from '../../src/aws/s3/aws-s3-bucket-not-public.js';
import publicAccessBlock from '../../src/aws/s3/aws-s3-bucket-public-access-block.js';
import tlsOnly from '../../src/aws/s3/aws-s3-bucket-tls-only.js';
import versioning from '../../src/aws/s3/aws-s3-bucket-versioning.js';
import flowLogs from '../../src/aws/vpc/aws-vpc-flow-logs.js';

// Rules that decide on the absence of a resource (a backup selection, a flow log, a public access block) say
// `unknown` when the live source did not read that type, and keep their verdict when it read it and found none.

const account = '210987654321';
const region = 'us-east-2';
const bucketArn = 'arn:aws:s3:::acme-exports';
const bucket = liveAwsResource('aws_s3_bucket', bucketArn, { bucket: 'acme-exports', id: 'acme-exports' });
const publicPolicy = liveAwsResource('aws_s3_bucket_policy', `${bucketArn}/policy`, {
  bucket: 'acme-exports',
  policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucketArn}/*` }] }),
});
const tableArn = `arn:aws:dynamodb:${region}:${account}:table/orders`;
const vaultArn = `arn:aws:backup:${region}:${account}:backup-vault:main`;
const recorderArn = `arn:aws:config:${region}:${account}:config-recorder/default`;
const vpcArn = `arn:aws:ec2:${region}:${account}:vpc/vpc-0aa`;
const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/regional`;
const volumeArn = `arn:aws:ec2:${region}:${account}:volume/vol-0aa`;

const cases: CoverageCase[] = [
  {
    name: 'a DynamoDB table without a backup selection',
    rule: dataStoreCovered,
    resources: [liveAwsResource('aws_dynamodb_table', tableArn, { name: 'orders', tags: {} })],
    subject: tableArn,
    evidence: ['aws_backup_selection'],
    whenObserved: 'fail',
  },
  {
    name: 'a backup vault without a lock or an access policy',
    rule: vaultLocked,
    resources: [liveAwsResource('aws_backup_vault', vaultArn, { name: 'main' })],
    subject: vaultArn,
    evidence: ['aws_backup_vault_lock_configuration', 'aws_backup_vault_policy'],
    whenObserved: 'fail',
  },
  {
    name: 'a Config recorder without a status',
    rule: recorderAllResources,
    resources: [liveAwsResource('aws_config_configuration_recorder', recorderArn, { name: 'default', recording_group: [{ all_supported: true, include_global_resource_types: true }] })],
    subject: recorderArn,
    evidence: ['aws_config_configuration_recorder_status'],
    whenObserved: 'fail',
  },
  {
    name: 'a VPC without a flow log',
    rule: flowLogs,
    resources: [liveAwsResource('aws_vpc', vpcArn, { id: 'vpc-0aa' })],
    subject: vpcArn,
    evidence: ['aws_flow_log'],
    whenObserved: 'fail',
  },
  {
    name: 'a single-region trail, with no other trail read',
    rule: trailMultiRegion,
    resources: [liveAwsResource('aws_cloudtrail', trailArn, { name: 'regional', is_multi_region_trail: false, enable_logging: true, include_global_service_events: true })],
    subject: trailArn,
    evidence: ['aws_cloudtrail'],
    whenObserved: 'fail',
  },
  {
    name: 'a bucket without a public access block',
    rule: publicAccessBlock,
    resources: [bucket],
    subject: bucketArn,
    evidence: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    whenObserved: 'fail',
  },
  { name: 'a bucket without versioning', rule: versioning, resources: [bucket], subject: bucketArn, evidence: ['aws_s3_bucket_versioning'], whenObserved: 'fail' },
  { name: 'a bucket without access logging', rule: accessLogging, resources: [bucket], subject: bucketArn, evidence: ['aws_s3_bucket_logging'], whenObserved: 'fail' },
  { name: 'a bucket without a policy', rule: tlsOnly, resources: [bucket], subject: bucketArn, evidence: ['aws_s3_bucket_policy'], whenObserved: 'fail' },
  {
    name: 'a bucket with a public policy and no public access block',
    rule: notPublic,
    resources: [bucket, publicPolicy],
    subject: bucketArn,
    evidence: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    whenObserved: 'fail',
  },
  {
    name: 'a bucket without a policy or an ACL: private only if both were read',
    rule: notPublic,
    resources: [bucket],
    subject: bucketArn,
    evidence: ['aws_s3_bucket_policy', 'aws_s3_bucket_acl'],
    whenObserved: 'pass',
  },
  {
    name: 'a volume that leaves encrypted out, without the account setting',
    rule: volumeEncrypted,
    resources: [liveAwsResource('aws_ebs_volume', volumeArn, { id: 'vol-0aa' })],
    subject: volumeArn,
    evidence: ['aws_ebs_encryption_by_default'],
    whenObserved: 'fail',
  },
];

describe('AWS coverage rules on a partial live scan', () => {
  it.each(cases)('$rule.meta.id, $name: unknown when not read', (c) => {
    const finding = verdictWhenObserved(c, []);
    expect(finding.status, finding.message).toBe('unknown');
    expect(finding.message).toMatch(/not known: (.+, and )?this scan did not read .+\.$/);
  });

  it.each(cases)('$rule.meta.id, $name: $whenObserved when read and absent', (c) => {
    expect(verdictWhenObserved(c, c.evidence).status).toBe(c.whenObserved);
  });

  it('keeps an unencrypted live volume a failure even when the account encrypts new volumes by default', () => {
    const byDefault = liveAwsResource('aws_ebs_encryption_by_default', `arn:aws:ec2:${region}:${account}:ebs-encryption-by-default`, { enabled: true });
    const volume = liveAwsResource('aws_ebs_volume', volumeArn, { id: 'vol-0aa', encrypted: false });
    const finding = verdictWhenObserved({ name: 'volume', rule: volumeEncrypted, resources: [byDefault, volume], subject: volumeArn, evidence: [], whenObserved: 'fail' }, []);
    expect([finding.status, finding.message]).toEqual(['fail', `An EBS volume of ${volumeArn} is not encrypted: encrypted is false. Set encrypted = true or turn on EBS encryption by default.`]);
  });
});
