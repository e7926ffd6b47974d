import { isRecord, isUnknown, type Value } from '@trustscan/core';

/** One statement of an IAM policy document, with every list-or-string field as a list. */
export interface PolicyStatement {
  readonly index: number;
  readonly effect: 'Allow' | 'Deny' | string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** `*` for anyone; otherwise the principals by kind (`AWS`, `Service`, `Federated`, `CanonicalUser`). */
  readonly principal: '*' | Readonly<Record<string, readonly string[]>> | undefined;
  readonly condition: { readonly [operator: string]: { readonly [key: string]: Value } } | undefined;
  /** Whether a field of the statement is unknown (e.g. a resource ARN known after apply). */
  readonly hasUnknown: boolean;
}

export type PolicyReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problem: string }
  | { readonly kind: 'document'; readonly statements: readonly PolicyStatement[] };

/**
 * Reads a policy document from an attribute: a JSON string (what `jsonencode`, heredocs, data sources and IAM
 * return), an already decoded object, or an `Unknown` whose known part is the decoded document.
 */
export function readPolicy(value: Value | undefined): PolicyReading {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (isUnknown(value)) {
    return value.partial === undefined ? { kind: 'unknown', reason: value.reason } : readPolicy(value.partial);
  }
  let document: unknown = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch {
      return { kind: 'invalid', problem: 'the policy is not valid JSON' };
    }
  }
  if (!isRecord(document as Value)) return { kind: 'invalid', problem: 'the policy is not a JSON object' };
  const raw = (document as { Statement?: Value }).Statement;
  if (isUnknown(raw)) return { kind: 'unknown', reason: raw.reason };
  const list = Array.isArray(raw) ? (raw as readonly Value[]) : raw === undefined ? [] : [raw];
  return { kind: 'document', statements: list.filter(isRecord).map((s, index) => readStatement(s, index)) };
}

function readStatement(statement: { readonly [key: string]: Value }, index: number): PolicyStatement {
  let hasUnknown = false;
  const strings = (value: Value | undefined): string[] => {
    if (isUnknown(value)) {
      hasUnknown = true;
      return [];
    }
    const items = Array.isArray(value) ? (value as readonly Value[]) : value === undefined ? [] : [value];
    return items.flatMap((item) => {
      if (isUnknown(item)) hasUnknown = true;
      return typeof item === 'string' ? [item] : [];
    });
  };
  const effect = statement['Effect'];
  const principal = statement['Principal'];
  const condition = statement['Condition'];
  return {
    index,
    effect: typeof effect === 'string' ? effect : '',
    actions: strings(statement['Action']),
    notActions: strings(statement['NotAction']),
    resources: strings(statement['Resource']),
    notResources: strings(statement['NotResource']),
    principal: principal === '*' ? '*' : isRecord(principal) ? Object.fromEntries(Object.entries(principal).map(([k, v]) => [k, strings(v)])) : undefined,
    condition: isRecord(condition) ? (condition as PolicyStatement['condition']) : undefined,
    hasUnknown,
  };
}

/** Whether an action pattern list grants every action (`*`), ignoring case as IAM does. */
export function includesAllActions(actions: readonly string[]): boolean {
  return actions.some((a) => a.trim() === '*' || a.trim() === '*:*');
}

/** The service-wide wildcards in an action list, e.g. `s3:*`. */
export function serviceWildcards(actions: readonly string[]): string[] {
  return actions.filter((a) => /^[a-z0-9-]+:\*$/i.test(a.trim()));
}

/** Whether an Allow statement grants every action on every resource. `NotAction` with Allow is as broad. */
export function grantsFullAdmin(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow') return false;
  const everyResource = statement.resources.includes('*') || (statement.notResources.length > 0 && statement.resources.length === 0);
  const everyAction = includesAllActions(statement.actions) || (statement.notActions.length > 0 && statement.actions.length === 0);
  return everyResource && everyAction;
}

