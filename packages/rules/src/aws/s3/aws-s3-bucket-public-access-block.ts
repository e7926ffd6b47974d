import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { attribute, readBoolean } from '../../analysis/values.js';

const settings = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;
type MessageId = 'blocked' | 'blockedByAccount' | 'missing' | 'incomplete' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-s3-bucket-public-access-block',
    title: 'S3 buckets block public access',
    description:
      'S3 Block Public Access overrides any ACL or bucket policy that would expose data to the internet. Declaring all four settings, on the bucket or the account, keeps one mistaken policy from publishing customer data, which auditors review under the logical access criteria.',
    remediation: [
      'Turn on all four settings for the bucket (or once for the account with `aws_s3_account_public_access_block`):',
      '',
      '```hcl',
      'resource "aws_s3_bucket_public_access_block" "data" {',
      '  bucket                  = aws_s3_bucket.data.id',
      '  block_public_acls       = true',
      '  block_public_policy     = true',
      '  ignore_public_acls      = true',
      '  restrict_public_buckets = true',
      '}',
      '```',
    ].join('\n'),
    severity: 'high',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['CC6.6'],
      basis: 'Steampipe maps s3_bucket_restrict_public_read/write and s3_public_access_block_account to CC6.1 and CC6.6; Prowler maps s3_bucket_level_public_access_block to CC6.1.',
    },
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block'],
    relatedTypes: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    live: {
      aws: { configType: 'AWS::S3::Bucket', fields: ['supplementaryConfiguration.PublicAccessBlockConfiguration'], api: 'S3 GetPublicAccessBlock, S3 Control GetPublicAccessBlock' },
    },
    defaults: [
      'AWS turns Block Public Access on for buckets created since April 2023, but anyone with s3:PutBucketPublicAccessBlock can turn it off later; unlike default encryption the default is not a lasting control, so the rule asks for it to be declared, on the bucket or the account.',
    ],
    equivalents: { checkov: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'], trivy: ['AVD-AWS-0094'], prowler: ['s3_bucket_level_public_access_block'], catalog: ['S2-AWS-S3-005'] },
    messages: {
      blocked: 'S3 bucket {{address}} blocks public access with all four settings.',
      blockedByAccount: 'Public access to S3 bucket {{address}} is blocked by the account-level public access block.',
      missing: 'S3 bucket {{address}} has no public access block, so an ACL or policy can make it public. Declare aws_s3_bucket_public_access_block with all four settings true.',
      incomplete: 'The public access block of S3 bucket {{address}} leaves {{settings}} off. Set all four settings to true.',
      unknown: 'Whether S3 bucket {{address}} blocks public access is not known: {{reason}}.',
      notObserved: 'Whether S3 bucket {{address}} blocks public access is not known: this scan did not read {{what}}.',
    },
    examples: {
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket              = aws_s3_bucket.data.id\n  block_public_acls   = true\n  block_public_policy = false\n}\n',
    },
  },
  evaluate(resource, scope) {
    const subject = bucketSubject(resource, scope);
    if (!subject) return [];
    const { bucket, context, address } = subject;
    const account = context.resourcesOfType('aws_s3_account_public_access_block').map((block) => ({ block, verdict: check(block, address) }));
    const byAccount = account.find(({ verdict }) => verdict.status === 'pass');
    if (byAccount) return { status: 'pass', messageId: 'blockedByAccount', data: { address }, at: byAccount.block };
    const own = context.related(bucket, 'aws_s3_bucket_public_access_block')[0];
    if (!own) return account.find(({ verdict }) => verdict.status === 'unknown')?.verdict ?? missing(address, context);
    return check(own, address);
  },
});

/** No block applies: a failure, unless the bucket's or the account's block was never read. */
function missing(address: string, context: RuleContext): Verdict<MessageId> {
  const unread = [
    ...(context.observed('aws_s3_bucket_public_access_block') ? [] : ['the bucket\'s public access block']),
    ...(context.observed('aws_s3_account_public_access_block') ? [] : ['the account\'s public access block']),
  ];
  if (unread.length > 0) return { status: 'unknown', messageId: 'notObserved', data: { address, what: unread.join(' or ') } };
  return { status: 'fail', messageId: 'missing', data: { address } };
}

function check(block: Resource, address: string): Verdict<MessageId> {
  const off: string[] = [];
  for (const setting of settings) {
    const value = readBoolean(attribute(block, [setting]));
    if (value.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: value.reason }, path: [setting], at: block };
    // Each setting defaults to false when left out.
    if (value.kind === 'absent' || !value.value) off.push(setting);
  }
  if (off.length === 0) return { status: 'pass', messageId: 'blocked', data: { address }, at: block };
  return { status: 'fail', messageId: 'incomplete', data: { address, settings: off.join(', ') }, path: [off[0] ?? settings[0]], at: block };
}
