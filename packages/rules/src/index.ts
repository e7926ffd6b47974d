import type { Rule } from '@trustscan/core';
import awsIamPolicyNoFullAdmin from './aws/iam/aws-iam-policy-no-full-admin.js';
import awsRdsBackupRetention from './aws/rds/aws-rds-backup-retention.js';
import awsRdsStorageEncrypted from './aws/rds/aws-rds-storage-encrypted.js';
import awsS3BucketAccessLogging from './aws/s3/aws-s3-bucket-access-logging.js';
import awsS3BucketDefaultEncryption from './aws/s3/aws-s3-bucket-default-encryption.js';
import awsS3BucketPublicAccessBlock from './aws/s3/aws-s3-bucket-public-access-block.js';
import awsS3BucketTlsOnly from './aws/s3/aws-s3-bucket-tls-only.js';
import awsS3BucketVersioning from './aws/s3/aws-s3-bucket-versioning.js';

/** The built-in SOC 2 rule pack, sorted by id. */
export const rules: readonly Rule[] = [
  awsIamPolicyNoFullAdmin,
  awsRdsBackupRetention,
  awsRdsStorageEncrypted,
  awsS3BucketAccessLogging,
  awsS3BucketDefaultEncryption,
  awsS3BucketPublicAccessBlock,
  awsS3BucketTlsOnly,
  awsS3BucketVersioning,
];

export default rules;
