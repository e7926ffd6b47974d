import { evaluateRules, Inventory, type Finding } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
// The live normalizers are not part of core's public API; the test reads them from their sources so that the rules
// meet exactly what a live scan gives them.
import { readConfigurationItem } from '../src/configuration-item.js';
import { normalizeItem } from '../src/normalize/index.js';
import { awsRules } from '@trustscan/rules';

const account = '210987654321';
const region = 'us-east-2';

/** Normalizes configuration items as a live scan does and runs the AWS rules on them. */
function evaluateLive(items: readonly unknown[]): Finding[] {
  const resources = items.flatMap((raw) => {
    const item = readConfigurationItem(raw);
    if (!item) throw new Error('not a configuration item');
    return normalizeItem(item);
  });
  return evaluateRules(new Inventory(resources), awsRules, '/work/repo');
}

/** `rule → status` for one resource, from findings. */
function verdicts(findings: readonly Finding[], address: string): Record<string, string> {
  return Object.fromEntries(findings.filter((f) => f.resource.address === address).map((f) => [f.ruleId, f.status]));
}

const item = (resourceType: string, resourceId: string, configuration: unknown, extra: Record<string, unknown> = {}) => ({
  accountId: account,
  awsRegion: region,
  resourceType,
  resourceId,
  configuration,
  supplementaryConfiguration: {},
  ...extra,
});

const tlsOnly = (bucket: string) => ({
  policyText: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
});
const bucket = (name: string, supplementary: Record<string, unknown>) =>
  item('AWS::S3::Bucket', name, { name, owner: { id: 'c0ffee' } }, {
    arn: `arn:aws:s3:::${name}`,
    resourceName: name,
    supplementaryConfiguration: {
      BucketLoggingConfiguration: { destinationBucketName: 'acme-s3-access-logs', logFilePrefix: `${name}/` },
      BucketVersioningConfiguration: { status: 'Enabled' },
      BucketPolicy: tlsOnly(name),
      ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      ...supplementary,
    },
  });
const publicReadAcl = JSON.stringify({ grantList: [{ grantee: { id: 'c0ffee' }, permission: 'FullControl' }, { grantee: 'AllUsers', permission: 'Read' }], owner: { id: 'c0ffee' } });

describe('AWS rules on live resources (AWS Config items through the live normalizers)', () => {
  it('S3: an ACL grant to AllUsers is public unless Block Public Access ignores public ACLs', () => {
    const findings = evaluateLive([
      bucket('acme-exports', { AccessControlList: publicReadAcl, PublicAccessBlockConfiguration: null }),
      bucket('acme-reports', { AccessControlList: publicReadAcl }),
    ]);
    expect(verdicts(findings, 'arn:aws:s3:::acme-exports')).toMatchObject({ 'aws-s3-bucket-not-public': 'fail', 'aws-s3-bucket-public-access-block': 'fail', 'aws-s3-bucket-tls-only': 'pass', 'aws-s3-bucket-versioning': 'pass' });
    expect(verdicts(findings, 'arn:aws:s3:::acme-reports')).toMatchObject({ 'aws-s3-bucket-not-public': 'pass', 'aws-s3-bucket-public-access-block': 'pass' });
  });

  it('S3: the bucket that receives the access logs is not asked to log its own access', () => {
    const findings = evaluateLive([bucket('acme-reports', {}), bucket('acme-s3-access-logs', { BucketLoggingConfiguration: {} })]);
    expect(verdicts(findings, 'arn:aws:s3:::acme-reports')['aws-s3-bucket-access-logging']).toBe('pass');
    const destination = findings.find((f) => f.resource.address === 'arn:aws:s3:::acme-s3-access-logs' && f.ruleId === 'aws-s3-bucket-access-logging');
    expect([destination?.status, destination?.message]).toEqual(['pass', 'S3 bucket arn:aws:s3:::acme-s3-access-logs receives the access logs of arn:aws:s3:::acme-reports, so it is not asked to log its own access.']);
  });

  it('EFS: an automatic backup policy is AWS Backup coverage; KMS: keys that cannot rotate are not judged', () => {
    const fs = (id: string, status: string) =>
      item('AWS::EFS::FileSystem', id, { FileSystemId: id, Arn: `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}`, Encrypted: true, BackupPolicy: { Status: status }, FileSystemTags: [] }, { arn: `arn:aws:elasticfilesystem:${region}:${account}:file-system/${id}` });
    const key = (id: string, configuration: Record<string, unknown>) =>
      item('AWS::KMS::Key', id, { keyId: id, keyManager: 'CUSTOMER', keyState: 'Enabled', enabled: true, ...configuration }, { arn: `arn:aws:kms:${region}:${account}:key/${id}`, supplementaryConfiguration: { KeyRotationStatus: 'false' } });
    const findings = evaluateLive([
      fs('fs-on', 'ENABLED'),
      fs('fs-off', 'DISABLED'),
      key('signing', { keyUsage: 'SIGN_VERIFY', keySpec: 'RSA_2048', origin: 'AWS_KMS' }),
      key('imported', { keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: 'EXTERNAL' }),
      key('plain', { keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS' }),
    ]);
    expect(verdicts(findings, `arn:aws:elasticfilesystem:${region}:${account}:file-system/fs-on`)['aws-backup-data-store-covered']).toBe('pass');
    expect(verdicts(findings, `arn:aws:elasticfilesystem:${region}:${account}:file-system/fs-off`)['aws-backup-data-store-covered']).toBe('fail');
    expect(findings.filter((f) => f.ruleId === 'aws-kms-key-rotation').map((f) => [f.resource.address, f.status])).toEqual([[`arn:aws:kms:${region}:${account}:key/plain`, 'fail']]);
  });

  it('S3: a bucket whose policy Config could not read is unknown, not public and not private', () => {
    const findings = evaluateLive([{ ...bucket('acme-private', {}), supplementaryConfiguration: { BucketVersioningConfiguration: { status: 'Enabled' } } }]);
    const result = verdicts(findings, 'arn:aws:s3:::acme-private');
    expect(result['aws-s3-bucket-not-public']).toBe('unknown');
    expect(result['aws-s3-bucket-tls-only']).toBe('unknown');
  });

  it('CloudTrail: a logging multi-region trail without KMS or CloudWatch Logs', () => {
    const arn = `arn:aws:cloudtrail:${region}:${account}:trail/main`;
    const trail = item('AWS::CloudTrail::Trail', 'main', { name: 'main', trailARN: arn, s3BucketName: 'acme-trail', isMultiRegionTrail: true, includeGlobalServiceEvents: true, logFileValidationEnabled: true }, {
      arn,
      supplementaryConfiguration: { LoggingStatus: { isLogging: true } },
    });
    expect(verdicts(evaluateLive([trail]), arn)).toEqual({
      'aws-cloudtrail-cloudwatch-logs': 'fail',
      'aws-cloudtrail-kms-encryption': 'fail',
      'aws-cloudtrail-log-file-validation': 'pass',
      'aws-cloudtrail-multi-region': 'pass',
    });
  });

  it('KMS: a customer key without rotation fails; an AWS managed key is not evaluated', () => {
    const customer = item('AWS::KMS::Key', 'k-customer', { keyId: 'k-customer', keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', enabled: true }, {
      arn: `arn:aws:kms:${region}:${account}:key/k-customer`,
      supplementaryConfiguration: { KeyRotationStatus: 'false' },
    });
    const managed = item('AWS::KMS::Key', 'k-aws', { keyId: 'k-aws', keyManager: 'AWS', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT' }, { arn: `arn:aws:kms:${region}:${account}:key/k-aws` });
    const findings = evaluateLive([customer, managed]);
    expect(findings.filter((f) => f.ruleId === 'aws-kms-key-rotation').map((f) => [f.resource.address, f.status])).toEqual([[`arn:aws:kms:${region}:${account}:key/k-customer`, 'fail']]);
  });

  it('Load balancer listeners: a redirect to HTTPS passes, an HTTPS listener on ELBSecurityPolicy-2016-08 fails', () => {
    const lb = `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/web/0a1b`;
    const http = `arn:aws:elasticloadbalancing:${region}:${account}:listener/app/web/0a1b/80`;
    const https = `arn:aws:elasticloadbalancing:${region}:${account}:listener/app/web/0a1b/443`;
    const findings = evaluateLive([
      item('AWS::ElasticLoadBalancingV2::Listener', http, { ListenerArn: http, LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }, { arn: http }),
      item('AWS::ElasticLoadBalancingV2::Listener', https, { ListenerArn: https, LoadBalancerArn: lb, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'tg' }] }, { arn: https }),
    ]);
    expect(verdicts(findings, http)).toEqual({ 'aws-elb-listener-https': 'pass' });
    expect(verdicts(findings, https)).toEqual({ 'aws-elb-listener-https': 'pass', 'aws-elb-listener-tls-policy': 'fail' });
  });

  it('VPC: the flow log Config links by resource id covers its VPC; a VPC without one fails', () => {
    const findings = evaluateLive([
      item('AWS::EC2::VPC', 'vpc-0aa', { vpcId: 'vpc-0aa', cidrBlock: '10.0.0.0/16' }),
      item('AWS::EC2::VPC', 'vpc-0bb', { vpcId: 'vpc-0bb', cidrBlock: '10.1.0.0/16' }),
      item('AWS::EC2::FlowLog', 'fl-0aa', { flowLogId: 'fl-0aa', flowLogStatus: 'ACTIVE', resourceId: 'vpc-0aa', trafficType: 'ALL', logDestinationType: 'cloud-watch-logs' }),
    ]);
    expect(verdicts(findings, `arn:aws:ec2:${region}:${account}:vpc/vpc-0aa`)).toEqual({ 'aws-vpc-flow-logs': 'pass' });
    expect(verdicts(findings, `arn:aws:ec2:${region}:${account}:vpc/vpc-0bb`)).toEqual({ 'aws-vpc-flow-logs': 'fail' });
  });

  it('Security groups: SSH open to the internet fails', () => {
    const group = item('AWS::EC2::SecurityGroup', 'sg-0aa', {
      groupId: 'sg-0aa',
      groupName: 'bastion',
      vpcId: 'vpc-0aa',
      ipPermissions: [{ fromPort: 22, toPort: 22, ipProtocol: 'tcp', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: [] }],
      ipPermissionsEgress: [{ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }],
    });
    const findings = evaluateLive([group]);
    expect(verdicts(findings, `arn:aws:ec2:${region}:${account}:security-group/sg-0aa`)).toEqual({ 'aws-ec2-security-group-admin-ports-closed': 'fail' });
  });

  it('RDS: a public PostgreSQL 16 instance on its default group requires TLS; a MySQL instance on a custom group is unknown', () => {
    const postgres = `arn:aws:rds:${region}:${account}:db:reporting`;
    const mysql = `arn:aws:rds:${region}:${account}:db:crm`;
    const findings = evaluateLive([
      item('AWS::RDS::DBInstance', 'db-REPORTING', {
        dBInstanceIdentifier: 'reporting', engine: 'postgres', engineVersion: '16.3', publiclyAccessible: true, storageEncrypted: true, backupRetentionPeriod: 7,
        dbiResourceId: 'db-REPORTING', dBParameterGroups: [{ dBParameterGroupName: 'default.postgres16' }],
      }, { arn: postgres }),
      item('AWS::RDS::DBInstance', 'db-CRM', {
        dBInstanceIdentifier: 'crm', engine: 'mysql', engineVersion: '8.0.39', publiclyAccessible: false, storageEncrypted: true, backupRetentionPeriod: 7,
        dbiResourceId: 'db-CRM', dBParameterGroups: [{ dBParameterGroupName: 'crm-mysql8' }],
      }, { arn: mysql }),
    ]);
    expect(verdicts(findings, postgres)).toMatchObject({ 'aws-rds-not-publicly-accessible': 'fail', 'aws-rds-tls-required': 'pass', 'aws-rds-storage-encrypted': 'pass', 'aws-rds-backup-retention': 'pass' });
    expect(verdicts(findings, mysql)).toMatchObject({ 'aws-rds-not-publicly-accessible': 'pass', 'aws-rds-tls-required': 'unknown' });
  });

  it('DynamoDB and CloudWatch Logs: point-in-time recovery off fails; a log group without retention keeps logs forever', () => {
    const table = `arn:aws:dynamodb:${region}:${account}:table/events`;
    const findings = evaluateLive([
      item('AWS::DynamoDB::Table', 'events', { tableName: 'events', tableArn: table }, {
        arn: table,
        supplementaryConfiguration: { ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' } } },
      }),
      item('AWS::Logs::LogGroup', '/app/web', { logGroupName: '/app/web' }),
      item('AWS::Logs::LogGroup', '/app/debug', { logGroupName: '/app/debug', retentionInDays: 3 }),
    ]);
    expect(verdicts(findings, table)['aws-dynamodb-point-in-time-recovery']).toBe('fail');
    expect(verdicts(findings, `arn:aws:logs:${region}:${account}:log-group:/app/web`)).toEqual({ 'aws-cloudwatch-log-group-retention': 'pass' });
    expect(verdicts(findings, `arn:aws:logs:${region}:${account}:log-group:/app/debug`)).toEqual({ 'aws-cloudwatch-log-group-retention': 'fail' });
  });

  it('AWS Backup: a selection naming a table by ARN covers it; a tag selection leaves a table whose tags Config did not return unknown', () => {
    const orders = `arn:aws:dynamodb:${region}:${account}:table/orders`;
    const events = `arn:aws:dynamodb:${region}:${account}:table/events`;
    const pitr = { ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } } };
    // Without point-in-time recovery, so that its own service's backups do not decide for it.
    const noPitr = { ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' } } };
    const findings = evaluateLive([
      item('AWS::DynamoDB::Table', 'orders', { tableName: 'orders', tableArn: orders }, { arn: orders, supplementaryConfiguration: pitr }),
      item('AWS::DynamoDB::Table', 'events', { tableName: 'events', tableArn: events }, { arn: events, supplementaryConfiguration: noPitr }),
      item('AWS::Backup::BackupSelection', 'sel-1', {
        BackupPlanId: 'plan-1',
        SelectionId: 'sel-1',
        BackupSelection: { SelectionName: 'tables', IamRoleArn: `arn:aws:iam::${account}:role/backup`, Resources: [orders], ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] },
      }),
    ]);
    expect(verdicts(findings, orders)['aws-backup-data-store-covered']).toBe('pass');
    expect(verdicts(findings, events)['aws-backup-data-store-covered']).toBe('unknown');
  });

  it('IAM: a user with AdministratorAccess and an inline codedeploy:* policy', () => {
    const user = `arn:aws:iam::${account}:user/jane`;
    const findings = evaluateLive([
      item('AWS::IAM::User', 'AIDAJANE', {
        userName: 'jane',
        arn: user,
        userPolicyList: [{ policyName: 'deploy', policyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'codedeploy:*', Resource: '*' }] })) }],
        attachedManagedPolicies: [{ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      }, { arn: user, awsRegion: 'global' }),
    ]);
    expect(verdicts(findings, `${user}/policy/deploy`)).toEqual({ 'aws-iam-policy-no-full-admin': 'pass', 'aws-iam-policy-no-service-wildcard': 'fail', 'aws-iam-policy-no-unconstrained-write': 'pass', 'aws-iam-user-no-direct-policies': 'fail' });
    expect(verdicts(findings, `${user}/attachment/arn:aws:iam::aws:policy/AdministratorAccess`)).toEqual({ 'aws-iam-policy-no-full-admin': 'fail', 'aws-iam-user-no-direct-policies': 'fail' });
  });
});
