import type { AttributePath, Resource } from '@trustscan/core';
import { readPolicy, type PolicyReading } from './iam-policy.js';
import { attribute, readBlocks, readString, type Block } from './values.js';

/**
 * The resource types that carry IAM permission policy documents: managed and inline policies, a role's
 * `inline_policy` blocks, and the inline policy of an IAM Identity Center permission set.
 */
export const policyDocumentTypes = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
  'aws_ssoadmin_permission_set_inline_policy',
] as const;

/** The attribute holding the document, for the types that hold one at the top level. */
const documentAttribute: Readonly<Record<string, string>> = { aws_ssoadmin_permission_set_inline_policy: 'inline_policy' };

/** One permission policy document of a resource, where it is written and what it says. */
export interface PolicyDocument {
  readonly path: AttributePath;
  /** How to name the document in a message: the resource, or the resource and its inline policy. */
  readonly label: string;
  readonly reading: PolicyReading;
}

/**
 * The permission policy documents of an IAM resource: the `policy` of a managed or inline policy resource, or the
 * `inline_policy` blocks of an `aws_iam_role` (its trust policy grants no permissions and is not returned).
 */
export function policyDocuments(resource: Resource): PolicyDocument[] {
  if (resource.type !== 'aws_iam_role') {
    const path = [documentAttribute[resource.type] ?? 'policy'];
    return [{ path, label: resource.address, reading: readPolicy(attribute(resource, path)) }];
  }
  const blocks = readBlocks(attribute(resource, ['inline_policy']));
  if (blocks.kind === 'unknown') return [{ path: ['inline_policy'], label: resource.address, reading: { kind: 'unknown', reason: blocks.reason } }];
  const list: readonly Block[] = blocks.kind === 'value' ? blocks.value : [];
  return list.map((block, index) => {
    const name = readString(block['name']);
    return {
      path: ['inline_policy', index, 'policy'],
      label: `${resource.address} (inline policy ${name.kind === 'value' ? name.value : index + 1})`,
      reading: readPolicy(block['policy']),
    };
  });
}

/** The path of a statement inside a document, for findings: `policy.Statement.2` (`Statement.2` maps to its block in a data source). */
export function statementPath(document: PolicyDocument, index: number): AttributePath {
  return [...document.path, 'Statement', index];
}

/** The AWS managed policy that grants every action on every resource, in any partition. */
export function isAdministratorAccess(policyArn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(policyArn);
}
