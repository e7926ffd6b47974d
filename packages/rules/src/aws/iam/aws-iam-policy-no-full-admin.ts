import { defineRule, type Resource, type Verdict } from '@trustscan/core';
import { isAdministratorAccess, policyDocuments, policyDocumentTypes, statementPath, type PolicyDocument } from '../../analysis/aws-iam-documents.js';
import { fullAdmin } from '../../analysis/iam-policy.js';
import { decisive } from '../../analysis/aws-verdicts.js';
import { attribute, readString, referencesAt } from '../../analysis/values.js';

type MessageId = 'limited' | 'fullAdmin' | 'adminAttached' | 'attachesOther' | 'invalid' | 'unknown';

const attachmentTypes = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment', 'aws_ssoadmin_managed_policy_attachment'];

/** The attribute naming the attached policy: IAM Identity Center calls it `managed_policy_arn`. */
const arnAttribute = (type: string): string => (type === 'aws_ssoadmin_managed_policy_attachment' ? 'managed_policy_arn' : 'policy_arn');

export default defineRule<MessageId>({
  meta: {
    id: 'aws-iam-policy-no-full-admin',
    title: 'IAM policies do not grant every action on every resource',
    description:
      'A policy that allows `*` on `*` (or `NotAction` on every resource) makes whoever holds it an administrator of the whole account, able to read any data, disable logging and delete backups; attaching the AWS managed AdministratorAccess policy does the same. Managed and inline policies (of roles, users and groups, and the `inline_policy` blocks of a role), IAM Identity Center permission sets (their inline policy, and AdministratorAccess attached to them) and attachments by ARN or through `data "aws_iam_policy"` are all judged; a finding about a document rendered by `data "aws_iam_policy_document"` points at its statement. Least privilege means granting only the actions and resources a role needs, which auditors test under the criterion for role-based access. Keep administrator access to a few break-glass roles and waive them here with that reason.',
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
      basis: 'Prowler maps iam_*_no_administrative_privileges to CC6.3 and CC1.3; Steampipe maps iam_policy_no_star_star to CC6.1, CC6.3 and CC1.3.',
    },
    resourceTypes: [...policyDocumentTypes, ...attachmentTypes],
    live: {
      aws: {
        configType: 'AWS::IAM::Policy; AWS::IAM::Role; AWS::IAM::User; AWS::IAM::Group',
        fields: ['configuration.policyVersionList[].document (URL-encoded)', 'configuration.rolePolicyList[].policyDocument', 'configuration.attachedManagedPolicies[].policyArn'],
      },
    },
    defaults: [
      'Deny statements never count as grants; a statement without `Effect` is an Allow. A statement whose actions or resources are known only after apply, and could be `*`, is unknown.',
      '`data "aws_iam_policy"` with the `name` of an AWS managed policy (AdministratorAccess, PowerUserAccess, …) has its fixed ARN offline; other names are known only to AWS and leave the attachment unknown until a plan.',
    ],
    equivalents: {
      checkov: ['CKV_AWS_62', 'CKV_AWS_1', 'CKV_AWS_274', 'CKV_AWS_275'],
      kics: ['IAM Policies With Full Privileges'],
      trivy: ['AVD-AWS-0057'],
      prowler: ['iam_customer_attached_policy_no_administrative_privileges', 'iam_inline_policy_no_administrative_privileges', 'iam_aws_attached_policy_no_administrative_privileges', 'iam_role_administratoraccess_policy'],
      catalog: ['S2-AWS-IAM-001'],
    },
    messages: {
      limited: 'IAM policy {{address}} does not grant every action on every resource.',
      fullAdmin: 'IAM policy {{address}} grants full administrator access: statement {{statement}} allows {{actions}} on {{resources}}. Grant only the actions and resources needed.',
      adminAttached: 'IAM attachment {{address}} gives the AWS managed AdministratorAccess policy ({{arn}}). Attach a policy limited to the actions and resources needed.',
      attachesOther: 'IAM attachment {{address}} attaches {{policy}}, not AdministratorAccess.',
      invalid: 'The document of IAM policy {{address}} cannot be read: {{problem}}.',
      unknown: 'Whether IAM policy {{address}} grants full administrator access is not known: {{reason}}.',
    },
    examples: {
      good: 'resource "aws_iam_policy" "deploy" {\n  name = "deploy"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:GetObject"]\n      Resource = "arn:aws:s3:::acme-artifacts/*"\n    }]\n  })\n}\n',
      bad: 'resource "aws_iam_policy" "admin" {\n  name = "admin"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
  },
  evaluate(resource): Verdict<MessageId> | Verdict<MessageId>[] {
    if (attachmentTypes.includes(resource.type)) return attachment(resource);
    if (resource.type === 'aws_iam_role') {
      const managed = attribute(resource, ['managed_policy_arns']);
      const admin = Array.isArray(managed) ? managed.find((arn) => typeof arn === 'string' && isAdministratorAccess(arn)) : undefined;
      if (typeof admin === 'string') return { status: 'fail', messageId: 'adminAttached', data: { address: resource.address, arn: admin }, path: ['managed_policy_arns'] };
    }
    const documents = policyDocuments(resource);
    if (resource.type === 'aws_iam_role' && documents.length === 0) return [];
    return decisive(documents.map(judge)) ?? [];
  },
});

function judge(document: PolicyDocument): Verdict<MessageId> {
  const { path, label: address, reading } = document;
  switch (reading.kind) {
    case 'absent':
      return { status: 'pass', messageId: 'limited', data: { address }, path };
    case 'unknown':
      return { status: 'unknown', messageId: 'unknown', data: { address, reason: reading.reason }, path };
    case 'invalid':
      return { status: 'unknown', messageId: 'invalid', data: { address, problem: reading.problem }, path };
    case 'document': {
      const admin = reading.statements.find((s) => fullAdmin(s) === 'yes');
      if (admin) {
        const actions = admin.actions.length > 0 ? `Action ${admin.actions.join(', ')}` : `every action except ${admin.notActions.join(', ')}`;
        const resources = admin.resources.length > 0 ? `Resource ${admin.resources.join(', ')}` : `every resource except ${admin.notResources.join(', ')}`;
        return { status: 'fail', messageId: 'fullAdmin', data: { address, statement: admin.index + 1, actions, resources }, path: statementPath(document, admin.index) };
      }
      const unclear = reading.statements.find((s) => fullAdmin(s) === 'unknown');
      if (unclear || reading.unknownStatements) {
        const reason = reading.unknownStatements ?? `statement ${(unclear?.index ?? 0) + 1} has actions or resources known only after apply`;
        return { status: 'unknown', messageId: 'unknown', data: { address, reason }, path };
      }
      return { status: 'pass', messageId: 'limited', data: { address }, path };
    }
  }
}

/** A policy attachment fails when it attaches AdministratorAccess; the policies it attaches otherwise are judged on their own. */
function attachment(resource: Resource): Verdict<MessageId> {
  const address = resource.address;
  const path = [arnAttribute(resource.type)];
  const arn = readString(attribute(resource, path));
  if (arn.kind === 'value') {
    return isAdministratorAccess(arn.value)
      ? { status: 'fail', messageId: 'adminAttached', data: { address, arn: arn.value }, path }
      : { status: 'pass', messageId: 'attachesOther', data: { address, policy: arn.value }, path };
  }
  // An ARN known only after apply belongs to a policy created with it, which this rule evaluates itself.
  const references = referencesAt(resource, path);
  if (arn.kind === 'unknown' && references.length === 0) return { status: 'unknown', messageId: 'unknown', data: { address, reason: arn.reason }, path };
  return { status: 'pass', messageId: 'attachesOther', data: { address, policy: references.join(', ') || 'no policy' }, path };
}
