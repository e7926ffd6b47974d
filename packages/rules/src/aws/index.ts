import type { Rule } from '@trustscan/core';
import awsApigatewayDomainTlsPolicy from './apigateway/aws-apigateway-domain-tls-policy.js';
import awsApigatewayStageAccessLogging from './apigateway/aws-apigateway-stage-access-logging.js';
import awsBackupDataStoreCovered from './backup/aws-backup-data-store-covered.js';
import awsBackupPlanRetention from './backup/aws-backup-plan-retention.js';
import awsBackupVaultCustomerManagedKey from './backup/aws-backup-vault-customer-managed-key.js';
import awsBackupVaultLocked from './backup/aws-backup-vault-locked.js';
import awsCloudfrontMinimumTlsVersion from './cloudfront/aws-cloudfront-minimum-tls-version.js';
import awsCloudfrontViewerHttps from './cloudfront/aws-cloudfront-viewer-https.js';
import awsCloudtrailCloudwatchLogs from './cloudtrail/aws-cloudtrail-cloudwatch-logs.js';
import awsCloudtrailKmsEncryption from './cloudtrail/aws-cloudtrail-kms-encryption.js';
import awsCloudtrailLogFileValidation from './cloudtrail/aws-cloudtrail-log-file-validation.js';
import awsCloudtrailMultiRegion from './cloudtrail/aws-cloudtrail-multi-region.js';
import awsCloudwatchLogGroupRetention from './cloudwatch/aws-cloudwatch-log-group-retention.js';
import awsConfigRecorderAllResources from './config/aws-config-recorder-all-resources.js';
import awsDynamodbPointInTimeRecovery from './dynamodb/aws-dynamodb-point-in-time-recovery.js';
import awsEbsEncryptionByDefault from './ebs/aws-ebs-encryption-by-default.js';
import awsEbsVolumeEncrypted from './ebs/aws-ebs-volume-encrypted.js';
import awsEc2SecurityGroupAdminPortsClosed from './ec2/aws-ec2-security-group-admin-ports-closed.js';
import awsEfsFileSystemEncrypted from './efs/aws-efs-file-system-encrypted.js';
import awsElbAccessLogging from './elb/aws-elb-access-logging.js';
import awsElbListenerHttps from './elb/aws-elb-listener-https.js';
import awsElbListenerTlsPolicy from './elb/aws-elb-listener-tls-policy.js';
import awsGuarddutyEnabled from './guardduty/aws-guardduty-enabled.js';
import awsIamConsoleUserMfa from './iam/aws-iam-console-user-mfa.js';
import awsIamPolicyNoFullAdmin from './iam/aws-iam-policy-no-full-admin.js';
import awsIamPolicyNoServiceWildcard from './iam/aws-iam-policy-no-service-wildcard.js';
import awsIamPolicyNoUnconstrainedWrite from './iam/aws-iam-policy-no-unconstrained-write.js';
import awsIamRootMfa from './iam/aws-iam-root-mfa.js';
import awsIamRootNoAccessKeys from './iam/aws-iam-root-no-access-keys.js';
import awsIamUnusedCredentialsDisabled from './iam/aws-iam-unused-credentials-disabled.js';
import awsIamUserNoDirectPolicies from './iam/aws-iam-user-no-direct-policies.js';
import awsKmsKeyRotation from './kms/aws-kms-key-rotation.js';
import awsRdsBackupRetention from './rds/aws-rds-backup-retention.js';
import awsRdsNotPubliclyAccessible from './rds/aws-rds-not-publicly-accessible.js';
import awsRdsStorageEncrypted from './rds/aws-rds-storage-encrypted.js';
import awsRdsTlsRequired from './rds/aws-rds-tls-required.js';
import awsS3BucketAccessLogging from './s3/aws-s3-bucket-access-logging.js';
import awsS3BucketDefaultEncryption from './s3/aws-s3-bucket-default-encryption.js';
import awsS3BucketNotPublic from './s3/aws-s3-bucket-not-public.js';
import awsS3BucketPublicAccessBlock from './s3/aws-s3-bucket-public-access-block.js';
import awsS3BucketTlsOnly from './s3/aws-s3-bucket-tls-only.js';
import awsS3BucketVersioning from './s3/aws-s3-bucket-versioning.js';
import awsVpcFlowLogs from './vpc/aws-vpc-flow-logs.js';

/** The AWS rules, sorted by id. */
export const awsRules: readonly Rule[] = [
  awsApigatewayDomainTlsPolicy,
  awsApigatewayStageAccessLogging,
  awsBackupDataStoreCovered,
  awsBackupPlanRetention,
  awsBackupVaultCustomerManagedKey,
  awsBackupVaultLocked,
  awsCloudfrontMinimumTlsVersion,
  awsCloudfrontViewerHttps,
  awsCloudtrailCloudwatchLogs,
  awsCloudtrailKmsEncryption,
  awsCloudtrailLogFileValidation,
  awsCloudtrailMultiRegion,
  awsCloudwatchLogGroupRetention,
  awsConfigRecorderAllResources,
  awsDynamodbPointInTimeRecovery,
  awsEbsEncryptionByDefault,
  awsEbsVolumeEncrypted,
  awsEc2SecurityGroupAdminPortsClosed,
  awsEfsFileSystemEncrypted,
  awsElbAccessLogging,
  awsElbListenerHttps,
  awsElbListenerTlsPolicy,
  awsGuarddutyEnabled,
  awsIamConsoleUserMfa,
  awsIamPolicyNoFullAdmin,
  awsIamPolicyNoServiceWildcard,
  awsIamPolicyNoUnconstrainedWrite,
  awsIamRootMfa,
  awsIamRootNoAccessKeys,
  awsIamUnusedCredentialsDisabled,
  awsIamUserNoDirectPolicies,
  awsKmsKeyRotation,
  awsRdsBackupRetention,
  awsRdsNotPubliclyAccessible,
  awsRdsStorageEncrypted,
  awsRdsTlsRequired,
  awsS3BucketAccessLogging,
  awsS3BucketDefaultEncryption,
  awsS3BucketNotPublic,
  awsS3BucketPublicAccessBlock,
  awsS3BucketTlsOnly,
  awsS3BucketVersioning,
  awsVpcFlowLogs,
];
