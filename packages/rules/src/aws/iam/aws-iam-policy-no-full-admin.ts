import { defineRule, type Verdict } from '@trustscan/core';
import { grantsFullAdmin, readPolicy } from '../../analysis/iam-policy.js';
import { attribute } from '../../analysis/values.js';

type MessageId = 'limited' | 'fullAdmin' | 'invalid' | 'unknown';

export default defineRule<MessageId>({
  meta: {
    id: 'aws-iam-policy-no-full-admin',
    title: 'IAM policies do not grant every action on every resource',
    description:
      'A policy that allows `*` on `*` makes whoever holds it an administrator of the whole account, able to read any data, disable logging and delete backups. Least privilege means granting only the actions and resources a role needs, which auditors test under the criterion for role-based access.',
    remediation: [
      'Replace the wildcard with the actions and resources the principal needs, and keep administrator access to a few break-glass roles:',
      '',
      '```hcl',
      'resource "aws_iam_policy" "deploy" {',
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect   = "Allow"',
      '      Action   = ["s3:GetObject", "s3:PutObject"]',
      '      Resource = "arn:aws:s3:::acme-artifacts/*"',
      '    }]',
      '  })',
      '}',
      '```',
    ].join('\n'),
    severity: 'critical',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      secondary: ['CC6.1', 'CC1.3'],
      basis: 'Prowler maps iam_policy_no_full_access_to_all_actions (administrator policies) to CC6.3 and CC1.3; Steampipe maps iam_policy_no_star_star to CC6.1, CC6.3 and CC1.3.',
    },
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'],
    live: {
      aws: { configType: 'AWS::IAM::Policy', fields: ['configuration.policyVersionList[].document (URL-encoded)'] },
    },
    equivalents: { checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40'], trivy: ['AVD-AWS-0057'], prowler: ['iam_policy_no_full_access_to_all_actions'], catalog: ['S2-AWS-IAM-001'] },
    messages: {
      limited: 'IAM policy {{address}} does not grant every action on every resource.',
      fullAdmin: 'IAM policy {{address}} grants full administrator access: statement {{statement}} allows {{actions}} on {{resources}}. Grant only the actions and resources needed.',
      invalid: 'The document of IAM policy {{address}} cannot be read: {{problem}}.',
      unknown: 'The document of IAM policy {{address}} is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_iam_policy" "deploy" {\n  name = "deploy"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:GetObject"]\n      Resource = "arn:aws:s3:::acme-artifacts/*"\n    }]\n  })\n}\n',
      bad: 'resource "aws_iam_policy" "admin" {\n  name = "admin"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
  },
  evaluate(policy): Verdict<MessageId> {
    const address = policy.address;
    const path = ['policy'];
    const document = readPolicy(attribute(policy, path));
    switch (document.kind) {
      case 'absent':
        return { status: 'pass', messageId: 'limited', data: { address }, path };
      case 'unknown':
        return { status: 'unknown', messageId: 'unknown', data: { address, reason: document.reason }, path };
      case 'invalid':
        return { status: 'unknown', messageId: 'invalid', data: { address, problem: document.problem }, path };
      case 'document': {
        const admin = document.statements.find(grantsFullAdmin);
        if (!admin) return { status: 'pass', messageId: 'limited', data: { address }, path };
        const actions = admin.actions.length > 0 ? `Action ${admin.actions.join(', ')}` : `every action except ${admin.notActions.join(', ')}`;
        const resources = admin.resources.length > 0 ? `Resource ${admin.resources.join(', ')}` : `every resource except ${admin.notResources.join(', ')}`;
        return { status: 'fail', messageId: 'fullAdmin', data: { address, statement: admin.index + 1, actions, resources }, path };
      }
    }
  },
});
