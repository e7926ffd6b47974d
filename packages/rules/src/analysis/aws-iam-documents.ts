import type { AttributePath, Resource } from '@trustscan/core';
import { readPolicy, type PolicyReading } from './iam-policy.js';
import { attribute, readBlocks, readString, type Block } from './values.js';

/** The resource types that carry IAM permission policy documents. */
export const policyDocumentTypes = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'] as const;

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
  if (resource.type !== 'aws_iam_role') return [{ path: ['policy'], label: resource.address, reading: readPolicy(attribute(resource, ['policy'])) }];
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

/** The AWS managed policy that grants every action on every resource, in any partition. */
export function isAdministratorAccess(policyArn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(policyArn);
}
