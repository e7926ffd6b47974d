import { defineRule, isUnknown } from '@trustscan/core';
import { bucketSubject } from '../../analysis/s3-bucket-subject.js';
import { includesAllActions, namesEveryone, readPolicy, type PolicyStatement } from '../../analysis/iam-policy.js';
import { bucketPolicyHolder } from '../../analysis/s3-policy.js';
import { attribute } from '../../analysis/values.js';

export default defineRule({
  meta: {
    id: 'aws-s3-bucket-tls-only',
    title: 'S3 bucket policies deny requests that do not use TLS',
    description:
      'S3 accepts plain HTTP requests unless the bucket policy denies them. A Deny on `aws:SecureTransport = false` guarantees data moves to and from the bucket only over TLS, which auditors check under the criterion for protecting data in transit.',
    remediation: [
      'Add a statement that denies every S3 action when the request is not sent over TLS:',
      '',
      '```hcl',
      'resource "aws_s3_bucket_policy" "data" {',
      '  bucket = aws_s3_bucket.data.id',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Sid       = "DenyInsecureTransport"',
      '      Effect    = "Deny"',
      '      Principal = "*"',
      '      Action    = "s3:*"',
      '      Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]',
      '      Condition = { Bool = { "aws:SecureTransport" = "false" } }',
      '    }]',
      '  })',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'encryption-in-transit',
    criteria: {
      primary: ['CC6.7'],
      secondary: ['CC6.1'],
      basis: "Steampipe maps s3_bucket_enforces_ssl to CC6.1 and in-transit controls to CC6.7; Prowler maps s3_bucket_secure_transport_policy to CC6.7; CC6.7's point of focus 'uses encryption to protect data in transmission'.",
    },
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
    relatedTypes: ['aws_s3_bucket_policy'],
    live: {
      aws: { configType: 'AWS::S3::Bucket', fields: ['supplementaryConfiguration.BucketPolicy.policyText'], api: 'S3 GetBucketPolicy' },
    },
    defaults: ['Without a bucket policy S3 serves plain HTTP requests too.'],
    equivalents: { checkov: ['CKV_AWS_379'], prowler: ['s3_bucket_secure_transport_policy'], catalog: ['S2-AWS-S3-002'] },
    messages: {
      enforced: 'The policy of S3 bucket {{address}} denies requests that do not use TLS.',
      noPolicy: 'S3 bucket {{address}} has no bucket policy, so it accepts requests over plain HTTP. Add a Deny statement on aws:SecureTransport = false.',
      notEnforced: 'The policy of S3 bucket {{address}} does not deny requests over plain HTTP. Add a Deny statement for s3:* on aws:SecureTransport = false.',
      invalid: 'The policy of S3 bucket {{address}} cannot be read: {{problem}}.',
      unknown: 'Whether S3 bucket {{address}} requires TLS is not known: {{reason}}.',
      notObserved: 'Whether S3 bucket {{address}} requires TLS is not known: this scan did not read its bucket policy.',
    },
    examples: {
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n',
    },
  },
  evaluate(resource, scope) {
    const subject = bucketSubject(resource, scope);
    if (!subject) return [];
    const { bucket, context, address } = subject;
    const located = bucketPolicyHolder(bucket, context);
    if (!located) return context.observed('aws_s3_bucket_policy') ? { status: 'fail', messageId: 'noPolicy', data: { address } } : { status: 'unknown', messageId: 'notObserved', data: { address } };
    const { holder, path } = located;
    const policy = readPolicy(attribute(holder, path));
    switch (policy.kind) {
      case 'absent':
        return { status: 'fail', messageId: 'noPolicy', data: { address }, path, at: holder };
      case 'unknown':
        return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.reason }, path, at: holder };
      case 'invalid':
        return { status: 'fail', messageId: 'invalid', data: { address, problem: policy.problem }, path, at: holder };
      case 'document':
        if (policy.statements.some(deniesInsecureTransport)) return { status: 'pass', messageId: 'enforced', data: { address }, path, at: holder };
        // A statement known only after apply (a dynamic block over an unknown list) may be the Deny.
        if (policy.unknownStatements) return { status: 'unknown', messageId: 'unknown', data: { address, reason: policy.unknownStatements }, path, at: holder };
        return { status: 'fail', messageId: 'notEnforced', data: { address }, path, at: holder };
    }
  },
});

/** A Deny to everyone of every S3 action when `aws:SecureTransport` is false, or when the TLS version is below 1.2. */
function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || namesEveryone(statement) !== 'yes') return false;
  const actions = statement.actions.map((a) => a.toLowerCase());
  if (!includesAllActions(actions) && !actions.includes('s3:*')) return false;
  for (const [operator, entries] of Object.entries(statement.condition ?? {})) {
    for (const [key, raw] of Object.entries(entries)) {
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => !isUnknown(v)).map((v) => String(v).toLowerCase());
      const name = key.toLowerCase();
      if (/^bool(ifexists)?$/i.test(operator) && name === 'aws:securetransport' && values.includes('false')) return true;
      if (/^numericlessthan(ifexists)?$/i.test(operator) && name === 's3:tlsversion' && values.some((v) => Number(v) >= 1.2)) return true;
    }
  }
  return false;
}
