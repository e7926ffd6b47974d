import type { Rule } from '@trustscan/core';
import awsIamPolicyNoFullAdmin from './iam/aws-iam-policy-no-full-admin.js';
import awsRdsBackupRetention from './rds/aws-rds-backup-retention.js';
import awsRdsStorageEncrypted from './rds/aws-rds-storage-encrypted.js';
import awsS3BucketAccessLogging from './s3/aws-s3-bucket-access-logging.js';
import awsS3BucketDefaultEncryption from './s3/aws-s3-bucket-default-encryption.js';
import awsS3BucketPublicAccessBlock from './s3/aws-s3-bucket-public-access-block.js';
import awsS3BucketTlsOnly from './s3/aws-s3-bucket-tls-only.js';
import awsS3BucketVersioning from './s3/aws-s3-bucket-versioning.js';

/** The AWS rules, sorted by id. */
export const awsRules: readonly Rule[] = [
  awsIamPolicyNoFullAdmin,
  awsRdsBackupRetention,
  awsRdsStorageEncrypted,
  awsS3BucketAccessLogging,
  awsS3BucketDefaultEncryption,
  awsS3BucketPublicAccessBlock,
  awsS3BucketTlsOnly,
  awsS3BucketVersioning,
];
