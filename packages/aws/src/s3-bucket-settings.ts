/**
 * The S3 bucket settings the rules read, by the key AWS Config uses for them in `supplementaryConfiguration`, with
 * the S3 operation that reads each one when the item lacks it and the IAM action that operation needs.
 */
export const bucketSettings = [
  { key: 'ServerSideEncryptionConfiguration', operation: 'GetBucketEncryption', permission: 's3:GetEncryptionConfiguration' },
  { key: 'BucketVersioningConfiguration', operation: 'GetBucketVersioning', permission: 's3:GetBucketVersioning' },
  { key: 'BucketLoggingConfiguration', operation: 'GetBucketLogging', permission: 's3:GetBucketLogging' },
  { key: 'PublicAccessBlockConfiguration', operation: 'GetPublicAccessBlock', permission: 's3:GetBucketPublicAccessBlock' },
  { key: 'BucketPolicy', operation: 'GetBucketPolicy', permission: 's3:GetBucketPolicy' },
  { key: 'AccessControlList', operation: 'GetBucketAcl', permission: 's3:GetBucketAcl' },
  { key: 'BucketOwnershipControls', operation: 'GetBucketOwnershipControls', permission: 's3:GetBucketOwnershipControls' },
  { key: 'ObjectLockConfiguration', operation: 'GetObjectLockConfiguration', permission: 's3:GetBucketObjectLockConfiguration' },
] as const;

export type BucketSetting = (typeof bucketSettings)[number];
export type BucketSettingKey = BucketSetting['key'];
