import { defineRule, type Verdict } from '@trustscan/core';
import { policyDocuments, policyDocumentTypes, statementPath, type PolicyDocument } from '../../analysis/aws-iam-documents.js';
import { serviceWideGrants } from '../../analysis/iam-policy.js';
import { decisive } from '../../analysis/aws-verdicts.js';

type MessageId = 'scoped' | 'serviceWide' | 'invalid' | 'unknown';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-iam-policy-no-service-wildcard',
    title: 'IAM policies do not grant whole services on every resource',
    description:
      'An Allow of `s3:*`, `kms:*` or `iam:*` on `Resource: "*"` gives every action of the service on every resource of the account: all buckets, all keys, the power to create users. It is rarely what a role needs and is the usual way least privilege erodes. Auditors test least privilege under the criterion for role-based access. Statements that grant every action are reported by aws-iam-policy-no-full-admin instead.',
    remediation: [
      'List the actions the role needs and the resources it works on:',
      '',
      '```hcl',
      'resource "aws_iam_role_policy" "worker" {',
      '  role = aws_iam_role.worker.id',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect   = "Allow"',
      '      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]',
      '      Resource = aws_sqs_queue.jobs.arn',
      '    }]',
      '  })',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      basis: "Prowler maps iam_policy_no_full_access_to_cloudtrail and iam_policy_no_full_access_to_kms to CC3.3; mapped to CC6.3's point of focus 'uses role-based access and least privilege'.",
    },
    resourceTypes: [...policyDocumentTypes],
    live: {
      aws: {
        configType: 'AWS::IAM::Policy; AWS::IAM::Role; AWS::IAM::User; AWS::IAM::Group',
        fields: ['configuration.policyVersionList[].document (URL-encoded)', 'configuration.rolePolicyList[].policyDocument'],
      },
    },
    defaults: ['Actions match case-insensitively (`S3:*` is `s3:*`); Deny statements never count as grants; a statement without `Effect` is an Allow.'],
    equivalents: { checkov: ['CKV_AWS_63', 'CKV_AWS_49'], kics: ['IAM Policy Grants Full Permissions'], prowler: ['iam_policy_no_full_access_to_kms', 'iam_policy_no_full_access_to_cloudtrail'], catalog: ['S2-AWS-IAM-002'] },
    messages: {
      scoped: 'IAM policy {{address}} grants no service-wide wildcard on every resource.',
      serviceWide: 'IAM policy {{address}} grants {{services}} on every resource in statement {{statement}}. List the actions needed and the resources they apply to.',
      invalid: 'The document of IAM policy {{address}} cannot be read: {{problem}}.',
      unknown: 'Whether IAM policy {{address}} grants a whole service on every resource is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_iam_policy" "reader" {\n  name = "reader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:GetObject", "s3:ListBucket"]\n      Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]\n    }]\n  })\n}\n',
      bad: 'resource "aws_iam_policy" "reader" {\n  name = "reader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "s3:*"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
  },
  evaluate(resource) {
    const documents = policyDocuments(resource);
    if (resource.type === 'aws_iam_role' && documents.length === 0) return [];
    return decisive(documents.map(judge)) ?? [];
  },
});

function judge(document: PolicyDocument): Verdict<MessageId> {
  const { path, label: address, reading } = document;
  switch (reading.kind) {
    case 'absent':
      return { status: 'pass', messageId: 'scoped', data: { address }, path };
    case 'unknown':
      return { status: 'unknown', messageId: 'unknown', data: { address, reason: reading.reason }, path };
    case 'invalid':
      return { status: 'unknown', messageId: 'invalid', data: { address, problem: reading.problem }, path };
    case 'document': {
      const grants = reading.statements.map((statement) => ({ statement, ...serviceWideGrants(statement) }));
      const wide = grants.find((g) => g.status === 'yes');
      if (wide) return { status: 'fail', messageId: 'serviceWide', data: { address, services: wide.services.join(', '), statement: wide.statement.index + 1 }, path: statementPath(document, wide.statement.index) };
      const unclear = grants.find((g) => g.status === 'unknown');
      if (unclear || reading.unknownStatements) {
        const reason = reading.unknownStatements ?? `statement ${(unclear?.statement.index ?? 0) + 1} has actions or resources known only after apply`;
        return { status: 'unknown', messageId: 'unknown', data: { address, reason }, path };
      }
      return { status: 'pass', messageId: 'scoped', data: { address }, path };
    }
  }
}
