import { defineRule, type Resource, type RuleContext, type Verdict } from '@trustscan/core';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { publicAclGrant } from '../../analysis/aws-s3-acl.js';
import { readPolicy } from '../../analysis/iam-policy.js';
import { bucketPolicyHolder, grantsPublicAccess } from '../../analysis/s3-policy.js';
import { attribute, readBoolean } from '../../analysis/values.js';

type MessageId = 'private' | 'neutralized' | 'publicPolicy' | 'publicAcl' | 'unknown' | 'notObserved';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-s3-bucket-not-public',
    title: 'S3 bucket policies and ACLs grant nothing to the public',
    description:
      'A bucket policy statement that allows `Principal: "*"` without a condition limiting it to known accounts, organizations or networks, or an ACL grant to AllUsers or AuthenticatedUsers, publishes the bucket\'s data to the internet. Public buckets are the most common cause of cloud data leaks, and auditors check that data is reachable only by authorized users under the logical access criteria. A public grant that S3 Block Public Access neutralizes (`restrict_public_buckets` for policies, `ignore_public_acls` for ACLs, on the bucket or the account) passes.',
    remediation: [
      'Grant access to named principals, or limit anonymous statements with a condition such as `aws:SourceVpce` or `aws:PrincipalOrgID`; for public websites, serve the bucket through CloudFront with origin access control instead:',
      '',
      '```hcl',
      'resource "aws_s3_bucket_policy" "assets" {',
      '  bucket = aws_s3_bucket.assets.id',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "Allow"',
      '      Principal = { Service = "cloudfront.amazonaws.com" }',
      '      Action    = "s3:GetObject"',
      '      Resource  = "${aws_s3_bucket.assets.arn}/*"',
      '      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.assets.arn } }',
      '    }]',
      '  })',
      '}',
      '```',
    ].join('\n'),
    severity: 'critical',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.1'],
      secondary: ['CC6.3', 'CC6.6'],
      basis: 'Steampipe maps s3_bucket_policy_restrict_public_access to CC6.1, CC6.3 and CC6.6 and s3_bucket_restrict_public_read/write_access to CC6.1 and CC6.6; Prowler maps s3_bucket_public_access to CC6.1.',
    },
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'aws_s3_bucket_acl'],
    relatedTypes: ['aws_s3_bucket_policy', 'aws_s3_bucket_acl', 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    live: { aws: { configType: 'AWS::S3::Bucket', fields: ['supplementaryConfiguration.BucketPolicy.policyText', 'supplementaryConfiguration.AccessControlList'], api: 'S3 GetBucketPolicy, GetBucketAcl' } },
    defaults: [
      'A bucket without a policy or ACL grants nothing to the public; the canned ACLs public-read, public-read-write and authenticated-read do. Conditions with `…IfExists` operators or wildcard values do not restrict a statement.',
    ],
    equivalents: { checkov: ['CKV_AWS_70', 'CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_65'], kics: ['S3 Bucket Access to Any Principal'], trivy: ['AVD-AWS-0092'], prowler: ['s3_bucket_public_access', 's3_bucket_policy_public_write_access', 's3_bucket_public_list_acl', 's3_bucket_public_write_acl'], catalog: ['S2-AWS-S3-006'] },
    messages: {
      private: 'S3 bucket {{address}} grants nothing to the public in its policy or ACL.',
      neutralized: 'S3 bucket {{address}} cannot be public through its {{what}}: Block Public Access ({{setting}}) keeps any public grant in it from taking effect.',
      publicPolicy: 'The policy of S3 bucket {{address}} allows everyone in statement {{statement}}. Name the principals, or add a condition such as aws:SourceVpce or aws:PrincipalOrgID.',
      publicAcl: 'S3 bucket {{address}} is public through {{detail}}. Remove the public grant and keep ACLs disabled (object ownership BucketOwnerEnforced).',
      unknown: 'Whether S3 bucket {{address}} grants access to the public is not known: {{reason}}.',
      notObserved: 'Whether S3 bucket {{address}} grants access to the public is not known: this scan did not read {{what}}.',
    },
    examples: {
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" } }\n    }]\n  })\n}\n',
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n    }]\n  })\n}\n',
    },
  },
  evaluate(resource, scope) {
    const subject = bucketSubject(resource, scope);
    if (!subject) return [];
    const { bucket, context, address } = subject;
    const verdicts = [policyVerdict(bucket, address, context), aclVerdict(bucket, address, context)].filter((v): v is Verdict<MessageId> => v !== undefined);
    const decided = verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
    if (decided) return decided;
    // Nothing public was found: only a private bucket if its policy and ACL were read.
    const unread = unreadTypes(context, [
      ['aws_s3_bucket_policy', 'its bucket policy'],
      ['aws_s3_bucket_acl', 'its ACL'],
    ]);
    return unread ? { status: 'unknown', messageId: 'notObserved', data: { address, what: unread } } : { status: 'pass', messageId: 'private', data: { address } };
  },
});

function policyVerdict(bucket: Resource, address: string, context: RuleContext): Verdict<MessageId> | undefined {
  const located = bucketPolicyHolder(bucket, context);
  if (!located) return undefined;
  const { holder, path } = located;
  const policy = readPolicy(attribute(holder, path));
  if (policy.kind !== 'document' && policy.kind !== 'unknown') return undefined;
  const grants = policy.kind === 'document' ? policy.statements.map((statement) => ({ statement, verdict: grantsPublicAccess(statement) })) : [];
  const open = grants.find((g) => g.verdict === 'yes');
  const unclear = grants.find((g) => g.verdict === 'unknown');
  if (policy.kind === 'document' && !open && !unclear && !policy.unknownStatements) return undefined;
  const blocked = blockedBy(bucket, context, 'restrict_public_buckets');
  if (blocked) return { status: 'pass', messageId: 'neutralized', data: { address, what: 'policy', setting: 'restrict_public_buckets' }, at: blocked };
  if (policy.kind === 'unknown') return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path, at: holder };
  if (open) return unblockable(address, context) ?? { status: 'fail', messageId: 'publicPolicy', data: { address, statement: open.statement.index + 1 }, path, at: holder };
  const reason = policy.unknownStatements ?? `statement ${(unclear?.statement.index ?? 0) + 1} has a principal or condition known only after apply`;
  return { status: 'unknown', messageId: 'unknown', data: { address, reason }, path, at: holder };
}

function aclVerdict(bucket: Resource, address: string, context: RuleContext): Verdict<MessageId> | undefined {
  const grant = publicAclGrant(bucket, context);
  if (!grant) return undefined;
  const blocked = blockedBy(bucket, context, 'ignore_public_acls');
  if (blocked) return { status: 'pass', messageId: 'neutralized', data: { address, what: 'ACL', setting: 'ignore_public_acls' }, at: blocked };
  if (grant.status === 'yes') return unblockable(address, context) ?? { status: 'fail', messageId: 'publicAcl', data: { address, detail: grant.detail }, path: grant.path, at: grant.holder };
  return { status: 'unknown', messageId: 'unknown', data: { address, reason: grant.detail }, path: grant.path, at: grant.holder };
}

/** A public grant counts only if no public access block neutralizes it: `unknown` when a block was never read. */
function unblockable(address: string, context: RuleContext): Verdict<MessageId> | undefined {
  const unread = unreadTypes(context, [
    ['aws_s3_bucket_public_access_block', "the bucket's public access block"],
    ['aws_s3_account_public_access_block', "the account's public access block"],
  ]);
  return unread ? { status: 'unknown', messageId: 'notObserved', data: { address, what: unread } } : undefined;
}

/** What the scan did not read, in words (`its bucket policy or its ACL`), or `undefined` when it read every type. */
function unreadTypes(context: RuleContext, types: readonly (readonly [type: string, what: string])[]): string | undefined {
  const unread = types.filter(([type]) => !context.observed(type)).map(([, what]) => what);
  return unread.length > 0 ? unread.join(' or ') : undefined;
}

/** The public access block (the bucket's or the account's) that turns `setting` on, if any. */
function blockedBy(bucket: Resource, context: RuleContext, setting: string): Resource | undefined {
  const blocks = [...context.related(bucket, 'aws_s3_bucket_public_access_block'), ...context.resourcesOfType('aws_s3_account_public_access_block')];
  return blocks.find((block) => {
    const value = readBoolean(attribute(block, [setting]));
    return value.kind === 'value' && value.value;
  });
}
