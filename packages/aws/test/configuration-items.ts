// Configuration items shaped like real ones, for the normalizer tables. Each names the public example it is modeled
// on (values changed): the event/RDK form holds objects, the API form JSON strings and URL-encoded IAM documents.

const encode = (document: unknown): string => encodeURIComponent(JSON.stringify(document));

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_S3_Bucket.json (event form: objects, `ARN`, `awsAccountId`). */
export const s3BucketEventForm = {
  configuration: { name: 'acme-reports', owner: { displayName: null, id: 'c0ffee' }, creationDate: '2024-02-12T07:21:45.000Z' },
  supplementaryConfiguration: {
    AccessControlList: JSON.stringify({ grantSet: null, grantList: [{ grantee: { id: 'c0ffee', displayName: null }, permission: 'FullControl' }, { grantee: 'AllUsers', permission: 'Read' }], owner: { displayName: null, id: 'c0ffee' } }),
    BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
    BucketPolicy: {
      policyText: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-reports', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
    },
    BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null },
    IsRequesterPaysEnabled: false,
  },
  tags: { team: 'finance' },
  configurationItemVersion: '1.3',
  configurationItemStatus: 'OK',
  awsAccountId: '210987654321',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'acme-reports',
  resourceName: 'acme-reports',
  ARN: 'arn:aws:s3:::acme-reports',
  awsRegion: 'eu-central-1',
};

/** Modeled on what moto 5.2.1 returns from BatchGetResourceConfig (API form, strings, a double-encoded ACL), plus the SSE entry AWS adds. */
export const s3BucketApiForm = {
  version: '1.3',
  accountId: '123456789012',
  configurationItemStatus: 'ResourceDiscovered',
  arn: 'arn:aws:s3:::acme-data',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'acme-data',
  resourceName: 'acme-data',
  awsRegion: 'us-east-1',
  configuration: JSON.stringify({ name: 'acme-data', owner: { id: 'beef' }, creationDate: '2026-11-26T04:12:19+00:00' }),
  supplementaryConfiguration: {
    AccessControlList: JSON.stringify(JSON.stringify({ grantSet: null, owner: { displayName: null, id: 'beef' }, grantList: [{ grantee: { id: 'beef', displayName: null }, permission: 'FullControl' }] })),
    PublicAccessBlockConfiguration: JSON.stringify({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true }),
    BucketLoggingConfiguration: JSON.stringify({ destinationBucketName: 'acme-logs', logFilePrefix: 'data/' }),
    BucketPolicy: JSON.stringify({ policyText: null }),
    ServerSideEncryptionConfiguration: JSON.stringify({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'alias/data' }, bucketKeyEnabled: true }] }),
    BucketVersioningConfiguration: JSON.stringify({ status: 'Off', isMfaDeleteEnabled: null }),
    ObjectLockConfiguration: JSON.stringify({ objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'COMPLIANCE', days: null, years: 1 } } }),
  },
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_IAM_Policy.json (document decoded, wrapped in a one-element array). */
export const iamPolicyEventForm = {
  version: '1.2',
  accountId: '210987654321',
  configurationItemStatus: 'OK',
  arn: 'arn:aws:iam::210987654321:policy/lb-read',
  resourceType: 'AWS::IAM::Policy',
  resourceId: 'ANPAEXAMPLE1',
  resourceName: 'lb-read',
  awsRegion: 'global',
  configuration: {
    policyName: 'lb-read',
    policyId: 'ANPAEXAMPLE1',
    arn: 'arn:aws:iam::210987654321:policy/lb-read',
    path: '/',
    defaultVersionId: 'v1',
    policyVersionList: [{ document: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['elasticloadbalancing:Describe*'], Resource: ['*'] }] }], versionId: 'v1', isDefaultVersion: true }],
  },
  supplementaryConfiguration: {},
};

/** Modeled on the URL-encoded documents of hanninen/aws-config-rules python/IAM_ROLE_ACCOUNT_TRUST_WHITELISTED/…_test.py and moto: only the default version counts. */
export const iamPolicyApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:policy/ops',
  resourceType: 'AWS::IAM::Policy',
  resourceId: 'ANPAEXAMPLE2',
  resourceName: 'ops',
  awsRegion: 'global',
  configuration: JSON.stringify({
    policyName: 'ops',
    arn: 'arn:aws:iam::123456789012:policy/ops',
    defaultVersionId: 'v2',
    policyVersionList: [
      { document: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }), versionId: 'v1', isDefaultVersion: false },
      { document: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), versionId: 'v2', isDefaultVersion: true },
    ],
  }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_IAM_Role.json. */
export const iamRoleEventForm = {
  accountId: '210987654321',
  arn: 'arn:aws:iam::210987654321:role/service-role/config-recorder',
  resourceType: 'AWS::IAM::Role',
  resourceId: 'AROAEXAMPLE3',
  resourceName: 'config-recorder',
  awsRegion: 'global',
  configuration: {
    path: '/service-role/',
    roleName: 'config-recorder',
    roleId: 'AROAEXAMPLE3',
    arn: 'arn:aws:iam::210987654321:role/service-role/config-recorder',
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    rolePolicyList: [],
    attachedManagedPolicies: [{ policyName: 'AWS_ConfigRole', policyArn: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole' }],
  },
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_IAM_User.json (AdministratorAccess attached, an inline `codedeploy:*` policy). */
export const iamUserEventForm = {
  awsAccountId: '210987654321',
  ARN: 'arn:aws:iam::210987654321:user/jane',
  resourceType: 'AWS::IAM::User',
  resourceId: 'AIDAEXAMPLE4',
  resourceName: 'jane',
  awsRegion: 'global',
  configuration: {
    path: '/',
    userName: 'jane',
    userId: 'AIDAEXAMPLE4',
    arn: 'arn:aws:iam::210987654321:user/jane',
    userPolicyList: [{ policyName: 'deploy', policyDocument: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['codedeploy:*'], Resource: ['*'] }] }] }],
    groupList: ['developers'],
    attachedManagedPolicies: [{ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
  },
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_RDS_DBCluster.json (lower-case keys such as `dbclusterIdentifier`). */
export const rdsClusterEventForm = {
  accountId: '210987654321',
  arn: 'arn:aws:rds:us-east-2:210987654321:cluster:orders',
  resourceType: 'AWS::RDS::DBCluster',
  resourceId: 'cluster-ORDERS',
  resourceName: 'orders',
  awsRegion: 'us-east-2',
  configuration: {
    backupRetentionPeriod: 1,
    engine: 'aurora-mysql',
    storageEncrypted: true,
    kmsKeyId: 'arn:aws:kms:us-east-2:210987654321:key/orders',
    dbClusterResourceId: 'cluster-ORDERS',
    deletionProtection: false,
    iamdatabaseAuthenticationEnabled: false,
    dbclusterIdentifier: 'orders',
    dbclusterParameterGroup: 'default.aurora-mysql5.7',
    enabledCloudwatchLogsExports: [],
  },
  supplementaryConfiguration: { Tags: [] },
};

/** Made from awslabs/aws-config-resource-schema AWS::RDS::DBInstance.properties.json (the RDK has no DBInstance example). */
export const rdsInstanceApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:rds:us-east-1:123456789012:db:legacy',
  resourceType: 'AWS::RDS::DBInstance',
  resourceId: 'db-LEGACY',
  resourceName: 'legacy',
  awsRegion: 'us-east-1',
  configuration: JSON.stringify({
    dBInstanceIdentifier: 'legacy',
    dBInstanceClass: 'db.t3.micro',
    engine: 'postgres',
    backupRetentionPeriod: 0,
    publiclyAccessible: true,
    storageEncrypted: false,
    dbiResourceId: 'db-LEGACY',
    iAMDatabaseAuthenticationEnabled: false,
    dBParameterGroups: [{ dBParameterGroupName: 'legacy-pg', parameterApplyStatus: 'in-sync' }],
    enabledCloudwatchLogsExports: ['postgresql'],
  }),
  supplementaryConfiguration: {},
};

/** The same schema, an Aurora member instance: `dBClusterIdentifier` set. */
export const rdsClusterMemberApiForm = {
  ...rdsInstanceApiForm,
  arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-1',
  resourceId: 'db-ORDERS1',
  resourceName: 'orders-1',
  configuration: JSON.stringify({ dBInstanceIdentifier: 'orders-1', dBClusterIdentifier: 'orders', engine: 'aurora-mysql', publiclyAccessible: false }),
};

/** Modeled on awslabs/aws-config-rules python/EBS_ENCRYPTED_VOLUMES_V2/EBS_ENCRYPTED_VOLUMES_V2_test.py. */
export const ebsVolumeApiForm = {
  accountId: '123456789012',
  resourceType: 'AWS::EC2::Volume',
  resourceId: 'vol-0abc',
  awsRegion: 'us-west-2',
  configuration: JSON.stringify({ volumeId: 'vol-0abc', encrypted: false, kmsKeyId: null, size: 8, volumeType: 'gp3', availabilityZone: 'us-west-2a', attachments: [] }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_DynamoDB_Table.json (PITR disabled, AWS owned key). */
export const dynamodbTableEventForm = {
  accountId: '210987654321',
  arn: 'arn:aws:dynamodb:us-east-2:210987654321:table/locks',
  resourceType: 'AWS::DynamoDB::Table',
  resourceId: 'locks',
  resourceName: 'locks',
  awsRegion: 'us-east-2',
  configuration: { tableName: 'locks', tableArn: 'arn:aws:dynamodb:us-east-2:210987654321:table/locks', billingModeSummary: { billingMode: 'PAY_PER_REQUEST' } },
  supplementaryConfiguration: { ContinuousBackupsDescription: { continuousBackupsStatus: 'ENABLED', pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' } }, Tags: [] },
};

/** The schema's `ssedescription` (lower-case keys) with a customer managed key, PITR on, in API form. */
export const dynamodbTableApiForm = {
  ...dynamodbTableEventForm,
  arn: 'arn:aws:dynamodb:us-east-2:210987654321:table/orders',
  resourceId: 'orders',
  resourceName: 'orders',
  configuration: JSON.stringify({ tableName: 'orders', ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: 'arn:aws:kms:us-east-2:210987654321:key/orders' } }),
  supplementaryConfiguration: { ContinuousBackupsDescription: JSON.stringify({ pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } }) },
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_Cloudtrail_Trail.json. */
export const cloudtrailEventForm = {
  accountId: '210987654321',
  arn: 'arn:aws:cloudtrail:ap-southeast-1:210987654321:trail/org-trail',
  resourceType: 'AWS::CloudTrail::Trail',
  resourceId: 'org-trail',
  awsRegion: 'ap-southeast-1',
  configuration: {
    name: 'org-trail',
    s3BucketName: 'acme-trail',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: true,
    homeRegion: 'ap-southeast-1',
    trailARN: 'arn:aws:cloudtrail:ap-southeast-1:210987654321:trail/org-trail',
    logFileValidationEnabled: true,
  },
  supplementaryConfiguration: { Tags: [] },
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_KMS_Key.json (an AWS managed key). */
export const kmsAwsManagedKey = {
  accountId: '123456789012',
  arn: 'arn:aws:kms:us-east-1:123456789012:key/aws-lambda',
  resourceType: 'AWS::KMS::Key',
  resourceId: 'aws-lambda',
  awsRegion: 'us-east-1',
  configuration: { keyId: 'aws-lambda', keyManager: 'AWS', keyState: 'Enabled', keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT' },
  supplementaryConfiguration: { Policy: '{"Version":"2012-10-17","Statement":[]}' },
};

/** The same shape for a customer managed key, in API form, with rotation on (supplementary `KeyRotationStatus` as a string). */
export const kmsCustomerKey = {
  ...kmsAwsManagedKey,
  arn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
  resourceId: '1234abcd',
  configuration: JSON.stringify({ keyId: '1234abcd', keyManager: 'CUSTOMER', keyState: 'Enabled', keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', enabled: true }),
  supplementaryConfiguration: { KeyRotationStatus: 'true' },
};

/** A signing key, and a key whose material was imported: neither can rotate automatically. */
export const kmsSigningKey = {
  ...kmsAwsManagedKey,
  arn: 'arn:aws:kms:us-east-1:123456789012:key/5678efgh',
  resourceId: '5678efgh',
  configuration: JSON.stringify({ keyId: '5678efgh', keyManager: 'CUSTOMER', keyState: 'Enabled', keyUsage: 'SIGN_VERIFY', keySpec: 'ECC_NIST_P256', enabled: true, origin: 'AWS_KMS' }),
  supplementaryConfiguration: { KeyRotationStatus: 'false' },
};

export const kmsImportedKey = {
  ...kmsAwsManagedKey,
  arn: 'arn:aws:kms:us-east-1:123456789012:key/9abcijkl',
  resourceId: '9abcijkl',
  configuration: JSON.stringify({ keyId: '9abcijkl', keyManager: 'CUSTOMER', keyState: 'Enabled', keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', enabled: true, origin: 'EXTERNAL' }),
  supplementaryConfiguration: { KeyRotationStatus: 'false' },
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_ElasticLoadBalancingV2_Listener.json (PascalCase, HTTP:80). */
export const lbListenerEventForm = {
  accountId: '111111111111',
  arn: 'arn:aws:elasticloadbalancing:us-east-2:111111111111:listener/app/web/0a1b/2c3d',
  resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
  resourceId: 'arn:aws:elasticloadbalancing:us-east-2:111111111111:listener/app/web/0a1b/2c3d',
  awsRegion: 'us-east-2',
  configuration: {
    LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-2:111111111111:loadbalancer/app/web/0a1b',
    DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    Port: 80,
    Certificates: [],
    Protocol: 'HTTP',
    ListenerArn: 'arn:aws:elasticloadbalancing:us-east-2:111111111111:listener/app/web/0a1b/2c3d',
  },
  supplementaryConfiguration: {},
};

/** Made from awslabs/aws-config-resource-schema AWS::EC2::SecurityGroup.properties.json. */
export const securityGroupApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123',
  resourceType: 'AWS::EC2::SecurityGroup',
  resourceId: 'sg-0123',
  resourceName: 'bastion',
  awsRegion: 'us-east-1',
  configuration: JSON.stringify({
    groupId: 'sg-0123',
    groupName: 'bastion',
    vpcId: 'vpc-0aa',
    ipPermissions: [
      { fromPort: 22, toPort: 22, ipProtocol: 'tcp', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipRanges: ['0.0.0.0/0'], ipv6Ranges: [{ cidrIpv6: '::/0' }], userIdGroupPairs: [], prefixListIds: [] },
      { ipProtocol: '-1', ipv4Ranges: [], ipv6Ranges: [], userIdGroupPairs: [{ groupId: 'sg-0123' }, { groupId: 'sg-0999' }], prefixListIds: [] },
    ],
    ipPermissionsEgress: [{ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }],
  }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_EC2_FlowLog.json, watching a VPC. */
export const flowLogEventForm = {
  accountId: '210987654321',
  arn: 'arn:aws:ec2:us-east-2:210987654321:vpc-flow-log/fl-0abc',
  resourceType: 'AWS::EC2::FlowLog',
  resourceId: 'fl-0abc',
  awsRegion: 'us-east-2',
  configuration: { flowLogId: 'fl-0abc', flowLogStatus: 'ACTIVE', logGroupName: 'vpc-flow', resourceId: 'vpc-0aa', trafficType: 'ALL', logDestinationType: 'cloud-watch-logs' },
  supplementaryConfiguration: {},
};

/** Made from the schema: a VPC. */
export const vpcApiForm = {
  accountId: '210987654321',
  resourceType: 'AWS::EC2::VPC',
  resourceId: 'vpc-0aa',
  awsRegion: 'us-east-2',
  configuration: JSON.stringify({ vpcId: 'vpc-0aa', cidrBlock: '10.0.0.0/16', isDefault: false }),
  supplementaryConfiguration: {},
};

/** A CloudFormation-style `AWS::Logs::LogGroup` item without retention (logs never expire). */
export const logGroupApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/web',
  resourceType: 'AWS::Logs::LogGroup',
  resourceId: '/app/web',
  resourceName: '/app/web',
  awsRegion: 'us-east-1',
  configuration: JSON.stringify({ LogGroupName: '/app/web', Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/web:*' }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_S3_AccountPublicAccessBlock.json. */
export const accountPublicAccessBlockEventForm = {
  accountId: '210987654321',
  resourceType: 'AWS::S3::AccountPublicAccessBlock',
  resourceId: '210987654321',
  awsRegion: 'us-east-1',
  configuration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
  supplementaryConfiguration: {},
};

/** An item of a type the recorder does not record: no configuration at all. */
export const notRecordedVolume = {
  accountId: '123456789012',
  resourceType: 'AWS::EC2::Volume',
  resourceId: 'vol-0def',
  awsRegion: 'us-east-1',
  configurationItemStatus: 'ResourceNotRecorded',
  supplementaryConfiguration: {},
};

/** Made from awslabs/aws-config-resource-schema AWS::IAM::Group.properties.json: a group with an inline policy. */
export const iamGroupApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:group/admins',
  resourceType: 'AWS::IAM::Group',
  resourceId: 'AGPAEXAMPLE5',
  resourceName: 'admins',
  awsRegion: 'global',
  configuration: JSON.stringify({
    groupName: 'admins',
    groupId: 'AGPAEXAMPLE5',
    arn: 'arn:aws:iam::123456789012:group/admins',
    path: '/',
    groupPolicyList: [{ policyName: 'all', policyDocument: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }) }],
    attachedManagedPolicies: [],
  }),
  supplementaryConfiguration: {},
};

/**
 * Modeled on the CloudFormation shape AWS Config records for AWS::Backup::BackupPlan (awslabs/aws-config-resource-schema
 * AWS::Backup::BackupPlan.properties.json; awsdocs/aws-cloudformation-user-guide aws-properties-backup-backupplan-backupruleresourcetype.md):
 * a daily rule kept 35 days and a weekly rule without lifecycle.
 */
export const backupPlanApiForm = {
  version: '1.3',
  accountId: '123456789012',
  configurationItemStatus: 'OK',
  arn: 'arn:aws:backup:eu-west-1:123456789012:backup-plan:8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
  resourceType: 'AWS::Backup::BackupPlan',
  resourceId: '8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
  resourceName: 'daily',
  awsRegion: 'eu-west-1',
  configuration: JSON.stringify({
    BackupPlanId: '8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
    BackupPlanArn: 'arn:aws:backup:eu-west-1:123456789012:backup-plan:8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
    VersionId: 'ZTRjY2Q5',
    BackupPlan: {
      BackupPlanName: 'daily',
      BackupPlanRule: [
        { RuleName: 'daily-35', TargetBackupVault: 'main', ScheduleExpression: 'cron(0 5 ? * * *)', StartWindowMinutes: 60, CompletionWindowMinutes: 180, Lifecycle: { DeleteAfterDays: 35 } },
        { RuleName: 'weekly', TargetBackupVault: 'main', ScheduleExpression: 'cron(0 5 ? * 1 *)', EnableContinuousBackup: false },
      ],
    },
  }),
  supplementaryConfiguration: {},
};

/**
 * Modeled on the CloudFormation BackupSelectionResourceType (awsdocs/aws-cloudformation-user-guide
 * aws-properties-backup-backupselection-backupselectionresourcetype.md) as Config records it: ARNs, a tag and conditions.
 */
export const backupSelectionEventForm = {
  configurationItemVersion: '1.3',
  configurationItemStatus: 'OK',
  awsAccountId: '123456789012',
  resourceType: 'AWS::Backup::BackupSelection',
  resourceId: 'sel-0a1b2c3d',
  resourceName: 'databases',
  awsRegion: 'eu-west-1',
  configuration: {
    Id: 'sel-0a1b2c3d',
    BackupPlanId: '8a1f7c2e-1111-4c5d-9e8f-0a1b2c3d4e5f',
    SelectionId: 'sel-0a1b2c3d',
    BackupSelection: {
      SelectionName: 'databases',
      IamRoleArn: 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole',
      Resources: ['arn:aws:rds:eu-west-1:123456789012:db:orders', 'arn:aws:dynamodb:eu-west-1:123456789012:table/*'],
      ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'prod' }] },
    },
  },
  supplementaryConfiguration: {},
};

/** Modeled on the CloudFormation AWS::Backup::BackupVault properties (EncryptionKeyArn, LockConfiguration, AccessPolicy) as Config records them. */
export const backupVaultApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main',
  resourceType: 'AWS::Backup::BackupVault',
  resourceId: 'main',
  resourceName: 'main',
  awsRegion: 'eu-west-1',
  configuration: JSON.stringify({
    BackupVaultName: 'main',
    BackupVaultArn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:main',
    EncryptionKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
    LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 },
    AccessPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] },
  }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-resource-schema AWS::EFS::FileSystem.properties.json (CloudFormation shape). */
export const efsFileSystemApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0a1b2c3d',
  resourceType: 'AWS::EFS::FileSystem',
  resourceId: 'fs-0a1b2c3d',
  awsRegion: 'eu-west-1',
  configuration: JSON.stringify({
    FileSystemId: 'fs-0a1b2c3d',
    Arn: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0a1b2c3d',
    Encrypted: false,
    PerformanceMode: 'generalPurpose',
    BackupPolicy: { Status: 'DISABLED' },
    FileSystemTags: [{ Key: 'backup', Value: 'daily' }],
  }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_CLOUDFRONT_DISTRIBUTION.json, with an ordered behaviour added. */
export const cloudfrontEventForm = {
  configuration: {
    domainName: 'd1012uk692aoh5.cloudfront.net',
    distributionConfig: {
      viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1', certificateSource: 'cloudfront' },
      cacheBehaviors: { quantity: 1, items: [{ pathPattern: '/api/*', targetOriginId: 'api', viewerProtocolPolicy: 'https-only' }] },
      defaultCacheBehavior: { viewerProtocolPolicy: 'allow-all', targetOriginId: 'ELB-test-load-balancer-160681750' },
      enabled: true,
    },
    arn: 'arn:aws:cloudfront::12345678912:distribution/E31V0VAAPINP3I',
    id: 'E31V0VAAPINP3I',
  },
  supplementaryConfiguration: {},
  tags: {},
  configurationItemVersion: '1.3',
  awsAccountId: '12345678912',
  configurationItemStatus: 'ResourceDiscovered',
  resourceType: 'AWS::CloudFront::Distribution',
  resourceId: 'E31V0VAAPINP3I',
  resourceName: null,
  ARN: 'arn:aws:cloudfront::12345678912:distribution/E31V0VAAPINP3I',
  awsRegion: 'global',
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_ApiGateway_Stage.json (no accessLogSettings: not logging). */
export const apiGatewayStageApiForm = {
  version: '1.3',
  accountId: '123456789012',
  configurationItemStatus: 'ResourceDiscovered',
  arn: 'arn:aws:apigateway:us-east-2::/restapis/test/stages/test',
  resourceType: 'AWS::ApiGateway::Stage',
  resourceId: 'arn:aws:apigateway:us-east-2::/restapis/test/stages/test',
  resourceName: 'test',
  awsRegion: 'us-east-2',
  configuration: JSON.stringify({ deploymentId: 'jmlwbd', stageName: 'test', cacheClusterEnabled: false, methodSettings: {}, tracingEnabled: false }),
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_ApiGatewayV2_Stage.json, with access logging to a log group. */
export const apiGatewayV2StageEventForm = {
  version: '1.3',
  accountId: '123456789012',
  configurationItemStatus: 'ResourceDiscovered',
  arn: 'arn:aws:apigateway:us-east-2::/apis/test/stages/$default',
  resourceType: 'AWS::ApiGatewayV2::Stage',
  resourceId: 'arn:aws:apigateway:us-east-2::/apis/test/stages/$default',
  resourceName: '$default',
  awsRegion: 'us-east-2',
  configuration: {
    stageName: '$default',
    autoDeploy: true,
    accessLogSettings: { destinationArn: 'arn:aws:logs:us-east-2:123456789012:log-group:/api/access', format: '$context.requestId' },
  },
  supplementaryConfiguration: {},
};

/** Modeled on awslabs/aws-config-rdk rdk/template/example_ci/AWS_ELASTICLOADBALANCING_LOADBALANCER.json (Classic, HTTP, access log off). */
export const classicLoadBalancerApiForm = {
  version: '1.3',
  accountId: '382822795712',
  configurationItemStatus: 'ResourceDiscovered',
  arn: 'arn:aws:elasticloadbalancing:us-east-1:382822795712:loadbalancer/CLB1',
  resourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  resourceId: 'CLB1',
  resourceName: 'CLB1',
  awsRegion: 'us-east-1',
  configuration: JSON.stringify({
    loadBalancerName: 'CLB1',
    listenerDescriptions: [{ listener: { protocol: 'HTTP', loadBalancerPort: 80, instanceProtocol: 'HTTP', instancePort: 80 }, policyNames: [] }],
    scheme: 'internet-facing',
  }),
  supplementaryConfiguration: {
    LoadBalancerAttributes: JSON.stringify({ crossZoneLoadBalancing: { enabled: true }, accessLog: { enabled: false }, connectionDraining: { enabled: true, timeout: 300 } }),
  },
};

/**
 * Modeled on awslabs/aws-config-resource-schema AWS::ElasticLoadBalancingV2::LoadBalancer.properties.json, with the
 * attributes as `DescribeLoadBalancerAttributes` returns them (aws-cli elbv2 describe-load-balancer-attributes example).
 */
export const applicationLoadBalancerApiForm = {
  accountId: '123456789012',
  arn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  resourceId: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188',
  resourceName: 'my-load-balancer',
  awsRegion: 'us-west-2',
  configuration: JSON.stringify({
    loadBalancerArn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188',
    loadBalancerName: 'my-load-balancer',
    scheme: 'internet-facing',
    type: 'application',
    state: { code: 'active' },
  }),
  supplementaryConfiguration: {
    LoadBalancerAttributes: JSON.stringify([
      { key: 'access_logs.s3.enabled', value: 'true' },
      { key: 'access_logs.s3.bucket', value: 'acme-lb-logs' },
      { key: 'access_logs.s3.prefix', value: '' },
      { key: 'idle_timeout.timeout_seconds', value: '60' },
    ]),
  },
};

/** The same kind of load balancer when Config recorded no attributes: whether it logs is unknown. */
export const networkLoadBalancerWithoutAttributes = {
  accountId: '123456789012',
  arn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/ingest/7a8b9c',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  resourceId: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/ingest/7a8b9c',
  awsRegion: 'us-west-2',
  configuration: JSON.stringify({ loadBalancerName: 'ingest', scheme: 'internal', type: 'network' }),
  supplementaryConfiguration: {},
};
