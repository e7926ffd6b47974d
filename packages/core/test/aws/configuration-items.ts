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
