import rule from '../../src/aws/s3/aws-s3-bucket-not-public.js';
import { testRule } from '../rule-tester.js';

const bucketHcl = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const bucket = { address: 'aws_s3_bucket.data', values: { bucket: 'acme-data' }, computed: ['id', 'arn', 'acl', 'grant', 'policy'] };
const onBucket = { unknown: ['bucket'], expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] } };
const policyHcl = (statement: string) => `\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [${statement}]\n  })\n}\n`;
const policy = (statement: unknown) => ({ address: 'aws_s3_bucket_policy.data', values: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) }, ...onBucket });
const publicRead = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' };
const publicReadHcl = '{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n    }';

testRule(rule, {
  pass: [
    { name: 'no policy and no ACL', hcl: bucketHcl, resources: [bucket], messageId: 'private' },
    {
      name: 'anonymous statement limited to a VPC endpoint',
      hcl: bucketHcl + policyHcl('{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-data/*"\n      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f67890" } }\n    }'),
      resources: [bucket, policy({ ...publicRead, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890' } } })],
      subject: 'aws_s3_bucket.data',
      messageId: 'private',
    },
    {
      name: 'deny to everyone is not a grant, principal of one account is not public',
      resources: [
        bucket,
        {
          address: 'aws_s3_bucket_policy.data',
          values: {
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
                { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' },
              ],
            }),
          },
          ...onBucket,
        },
      ],
      subject: 'aws_s3_bucket.data',
      messageId: 'private',
    },
    {
      name: 'public policy neutralized by restrict_public_buckets',
      hcl: bucketHcl + policyHcl(publicReadHcl) + '\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
      resources: [
        bucket,
        policy(publicRead),
        { address: 'aws_s3_bucket_public_access_block.data', values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }, ...onBucket },
      ],
      subject: 'aws_s3_bucket.data',
      messageId: 'neutralized',
    },
    {
      name: 'policy known only after apply while the account restricts public buckets',
      hcl: 'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\n' + bucketHcl + '\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "${aws_s3_bucket.data.arn}/*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })\n}\n',
      resources: [
        { address: 'aws_s3_account_public_access_block.this', values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
        bucket,
        { address: 'aws_s3_bucket_policy.data', values: {}, unknown: ['bucket', 'policy'], expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] } },
      ],
      subject: 'aws_s3_bucket.data',
      // The plan cannot show the document at all; the HCL source reads it and finds only a Deny.
      message: 'aws_s3_bucket.data',
    },
  ],
  fail: [
    { name: 'split policy readable by everyone', hcl: bucketHcl + policyHcl(publicReadHcl), resources: [bucket, policy(publicRead)], subject: 'aws_s3_bucket.data', messageId: 'publicPolicy', path: 'policy', message: 'statement 1' },
    {
      name: 'AWS "*" principal in a list with an IfExists condition',
      resources: [bucket, policy({ ...publicRead, Principal: { AWS: ['*'] }, Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })],
      subject: 'aws_s3_bucket.data',
      messageId: 'publicPolicy',
      path: 'policy',
    },
    {
      name: 'source IP condition open to every address',
      resources: [bucket, policy({ ...publicRead, Condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } } })],
      subject: 'aws_s3_bucket.data',
      messageId: 'publicPolicy',
      path: 'policy',
    },
    {
      name: 'split ACL public-read',
      hcl: bucketHcl + '\nresource "aws_s3_bucket_acl" "data" {\n  bucket = aws_s3_bucket.data.id\n  acl    = "public-read"\n}\n',
      resources: [bucket, { address: 'aws_s3_bucket_acl.data', values: { acl: 'public-read' }, ...onBucket }],
      subject: 'aws_s3_bucket.data',
      messageId: 'publicAcl',
      path: 'acl',
      message: 'public-read',
    },
    {
      name: 'ACL grant to AllUsers',
      resources: [
        bucket,
        {
          address: 'aws_s3_bucket_acl.data',
          values: { access_control_policy: [{ grant: [{ grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }], permission: 'READ' }], owner: [{ id: 'abc' }] }] },
          ...onBucket,
        },
      ],
      subject: 'aws_s3_bucket.data',
      messageId: 'publicAcl',
      path: 'access_control_policy.0.grant.0',
      message: 'AllUsers',
    },
    {
      name: 'legacy inline acl on a v3 bucket',
      resources: [{ address: 'aws_s3_bucket.data', values: { bucket: 'acme-data', acl: 'public-read-write' } }],
      messageId: 'publicAcl',
      path: 'acl',
    },
  ],
  unknown: [
    {
      name: 'policy from a variable without a value',
      hcl: 'variable "document" {\n  type = string\n}\n\n' + bucketHcl + '\nresource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = var.document\n}\n',
      resources: [bucket, { address: 'aws_s3_bucket_policy.data', values: {}, unknown: ['bucket', 'policy'], expressions: { bucket: ['aws_s3_bucket.data.id', 'aws_s3_bucket.data'] } }],
      subject: 'aws_s3_bucket.data',
      messageId: 'unknown',
      path: 'policy',
    },
  ],
});
