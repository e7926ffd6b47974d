import { CreatePolicyCommand, CreateRoleCommand, AttachRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';

export const account = '123456789012';

const allOn = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** A bucket policy that denies every request not made over TLS. */
export function tlsOnlyPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

function document(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/**
 * Builds, with the real SDK against moto, an account with:
 * - `secure-data` (us-east-1): KMS default encryption, versioning, access logging to `access-logs`, a full public
 *   access block and a TLS-only policy;
 * - `plain-data` (us-east-1): nothing configured;
 * - `public-site` (us-east-1): a public-read policy and a partial public access block;
 * - `access-logs` (us-east-1): the log target (log-delivery-write ACL);
 * - `eu-archive` (eu-west-1): versioning only;
 * - IAM policies `full-admin` (`*` on `*`), `s3-everything` (`s3:*` on `*`) and `read-reports` (one action, one ARN),
 *   and role `deployer` with an inline `s3:*` policy and `full-admin` attached.
 */
export async function buildScenario(endpoint: string, options: { accountBlock?: boolean } = {}): Promise<void> {
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
  const s3eu = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials });
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials });
  try {
    for (const bucket of ['secure-data', 'plain-data', 'public-site', 'access-logs']) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3eu.send(new CreateBucketCommand({ Bucket: 'eu-archive', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));

    await s3.send(new PutBucketAclCommand({ Bucket: 'access-logs', ACL: 'log-delivery-write' }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'secure-data',
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:us-east-1:123456789012:key/data' }, BucketKeyEnabled: true }],
        },
      }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'secure-data', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketLoggingCommand({ Bucket: 'secure-data', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: 'secure-data/' } } }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'secure-data', PublicAccessBlockConfiguration: allOn }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'secure-data', Policy: tlsOnlyPolicy('secure-data') }));

    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'public-site',
        Policy: document({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' }),
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'public-site',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      }),
    );
    await s3eu.send(new PutBucketVersioningCommand({ Bucket: 'eu-archive', VersioningConfiguration: { Status: 'Enabled' } }));

    await iam.send(new CreatePolicyCommand({ PolicyName: 'full-admin', PolicyDocument: document({ Effect: 'Allow', Action: '*', Resource: '*' }) }));
    await iam.send(new CreatePolicyCommand({ PolicyName: 's3-everything', PolicyDocument: document({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }));
    await iam.send(
      new CreatePolicyCommand({ PolicyName: 'read-reports', PolicyDocument: document({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }) }),
    );
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'deployer',
        AssumeRolePolicyDocument: document({ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      }),
    );
    await iam.send(new PutRolePolicyCommand({ RoleName: 'deployer', PolicyName: 'deploy-s3', PolicyDocument: document({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'deployer', PolicyArn: `arn:aws:iam::${account}:policy/full-admin` }));

    if (options.accountBlock) {
      const control = new S3ControlClient({ region: 'us-east-1', credentials, endpointProvider: () => ({ url: new URL(endpoint) }) });
      await control.send(new PutAccountPublicAccessBlockCommand({ AccountId: account, PublicAccessBlockConfiguration: allOn }));
      control.destroy();
    }
  } finally {
    s3.destroy();
    s3eu.destroy();
    iam.destroy();
  }
}
