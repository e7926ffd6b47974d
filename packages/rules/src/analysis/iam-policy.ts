import { isRecord, isUnknown, type Value } from '@trustscan/core';

/** A fact about a policy that may be undecidable because part of the document is unknown. */
export type Ternary = 'yes' | 'no' | 'unknown';

/** The statement fields that may hold values known only after apply. */
export type StatementField = 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'Condition';

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
  /** The fields holding an unknown value, in whole or in part. */
  readonly unknownFields: ReadonlySet<StatementField>;
}

export type PolicyReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problem: string }
  | {
      readonly kind: 'document';
      readonly statements: readonly PolicyStatement[];
      /** Set when some statements are unknown as a whole (e.g. built by a `dynamic` block from an unknown list). */
      readonly unknownStatements?: string;
    };

/**
 * Reads a policy document from an attribute: a JSON string (what `jsonencode`, heredocs, data sources and IAM
 * return), an already decoded object, or an `Unknown` whose known part is the decoded document.
 */
export function readPolicy(value: Value | undefined): PolicyReading {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (isUnknown(value)) {
    if (value.partial === undefined) return { kind: 'unknown', reason: value.reason };
    const known = readPolicy(value.partial);
    // A known part without any unknown leaf has left out what is unknown (statements of a dynamic block): say so.
    if (known.kind === 'document' && !known.unknownStatements && !holdsUnknown(value.partial)) return { ...known, unknownStatements: value.reason };
    return known;
  }
  if (typeof value === 'string') {
    // Every IAM rule reads the same resource's document in turn: parse the text once for all of them.
    if (lastText?.text !== value) lastText = { text: value, reading: readPolicyText(value) };
    return lastText.reading;
  }
  return readPolicyDocument(value);
}

let lastText: { readonly text: string; readonly reading: PolicyReading } | undefined;

function readPolicyText(text: string): PolicyReading {
  let document: Value;
  try {
    document = JSON.parse(text) as Value;
  } catch {
    return { kind: 'invalid', problem: 'the policy is not valid JSON' };
  }
  return readPolicyDocument(document);
}

function readPolicyDocument(document: Value): PolicyReading {
  if (!isRecord(document as Value)) return { kind: 'invalid', problem: 'the policy is not a JSON object' };
  const raw = (document as { Statement?: Value }).Statement;
  if (isUnknown(raw)) return { kind: 'unknown', reason: raw.reason };
  const list = Array.isArray(raw) ? (raw as readonly Value[]) : raw === undefined ? [] : [raw];
  const unknown = list.find(isUnknown);
  return {
    kind: 'document',
    statements: list.filter(isRecord).map((s, index) => readStatement(s, index)),
    ...(unknown ? { unknownStatements: unknown.reason } : {}),
  };
}

function holdsUnknown(value: Value): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return (value as readonly Value[]).some(holdsUnknown);
  return isRecord(value) && Object.values(value).some(holdsUnknown);
}

function readStatement(statement: { readonly [key: string]: Value }, index: number): PolicyStatement {
  const unknownFields = new Set<StatementField>();
  const strings = (field: StatementField): string[] => {
    const value = statement[field];
    if (isUnknown(value)) {
      unknownFields.add(field);
      return [];
    }
    const items = Array.isArray(value) ? (value as readonly Value[]) : value === undefined ? [] : [value];
    return items.flatMap((item) => {
      if (isUnknown(item)) unknownFields.add(field);
      return typeof item === 'string' ? [item] : [];
    });
  };
  const effect = statement['Effect'];
  if (isUnknown(effect)) unknownFields.add('Effect');
  const condition = statement['Condition'];
  if (isUnknown(condition)) unknownFields.add('Condition');
  const actions = strings('Action');
  const notActions = strings('NotAction');
  const resources = strings('Resource');
  const notResources = strings('NotResource');
  return {
    index,
    // IAM rejects a statement without Effect, but tools that render documents treat it as Allow, as the
    // aws_iam_policy_document data source does: so must a check, or it passes what the author meant to grant.
    effect: typeof effect === 'string' ? effect : effect === undefined ? 'Allow' : '',
    actions,
    notActions,
    resources,
    notResources,
    principal: readPrincipal(statement['Principal'], unknownFields),
    condition: isRecord(condition) ? (condition as PolicyStatement['condition']) : undefined,
    hasUnknown: unknownFields.size > 0,
    unknownFields,
  };
}

function readPrincipal(principal: Value | undefined, unknownFields: Set<StatementField>): PolicyStatement['principal'] {
  if (principal === '*') return '*';
  if (isUnknown(principal)) {
    unknownFields.add('Principal');
    return undefined;
  }
  if (!isRecord(principal)) return undefined;
  const kinds: Record<string, string[]> = {};
  for (const [kind, raw] of Object.entries(principal)) {
    if (isUnknown(raw)) unknownFields.add('Principal');
    const items = Array.isArray(raw) ? (raw as readonly Value[]) : [raw];
    kinds[kind] = items.flatMap((item) => {
      if (isUnknown(item)) unknownFields.add('Principal');
      return typeof item === 'string' ? [item] : [];
    });
  }
  return kinds;
}

/** Whether an IAM action pattern (`s3:Get*`, `*`) matches an action, ignoring case as IAM does. */
export function actionMatches(pattern: string, action: string): boolean {
  return actionPattern(pattern).test(action.trim());
}

const compiledPatterns = new Map<string, RegExp>();

/** An IAM action pattern as a regular expression, compiled once per distinct pattern. */
export function actionPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const body = pattern
      .trim()
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    compiled = new RegExp(`^${body}$`, 'is');
    if (compiledPatterns.size > 10_000) compiledPatterns.clear();
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** Whether an action pattern list grants every action (`*`), ignoring case as IAM does. */
export function includesAllActions(actions: readonly string[]): boolean {
  return actions.some((a) => a.trim() === '*' || a.trim() === '*:*');
}

/** The service-wide wildcards in an action list, e.g. `s3:*` (also written `S3:*` or `s3:**`). */
export function serviceWildcards(actions: readonly string[]): string[] {
  return actions.filter((a) => /^[a-z0-9-]+:\*+$/i.test(a.trim()));
}

/** Whether an Allow statement's actions reach every action: `*`, or `NotAction` without `Action`. */
function everyAction(statement: PolicyStatement): boolean {
  return includesAllActions(statement.actions) || (statement.notActions.length > 0 && statement.actions.length === 0 && !statement.unknownFields.has('Action'));
}

/** Whether a statement applies to every resource: `Resource: "*"`, or `NotResource` without `Resource`. */
export function appliesToEveryResource(statement: PolicyStatement): boolean {
  return statement.resources.some((r) => r.trim() === '*') || (statement.notResources.length > 0 && statement.resources.length === 0 && !statement.unknownFields.has('Resource'));
}

function resourcesMayBeEvery(statement: PolicyStatement): boolean {
  return appliesToEveryResource(statement) || statement.unknownFields.has('Resource') || statement.unknownFields.has('NotResource');
}

/** Whether a statement is an Allow; `unknown` when its effect is. Deny statements never count as grants. */
export function isAllow(statement: PolicyStatement): Ternary {
  if (statement.unknownFields.has('Effect')) return 'unknown';
  return statement.effect.trim().toLowerCase() === 'allow' ? 'yes' : 'no';
}

/** Whether an Allow statement's actions reach every action; see `everyAction`. */
export function grantsEveryAction(statement: PolicyStatement): boolean {
  return everyAction(statement);
}

/** Whether a statement has a condition (any: a condition is how a policy constrains what it grants). */
export function hasCondition(statement: PolicyStatement): Ternary {
  if (statement.unknownFields.has('Condition')) return 'unknown';
  return statement.condition && Object.keys(statement.condition).length > 0 ? 'yes' : 'no';
}

/** Whether an Allow statement grants every action on every resource. `NotAction` with Allow is as broad. */
export function grantsFullAdmin(statement: PolicyStatement): boolean {
  return fullAdmin(statement) === 'yes';
}

/** Three-valued `grantsFullAdmin`: `unknown` when an unknown action, resource or effect could make it one. */
export function fullAdmin(statement: PolicyStatement): Ternary {
  const allow = isAllow(statement);
  if (allow === 'no') return 'no';
  const actions = everyAction(statement) ? 'yes' : statement.unknownFields.has('Action') || statement.unknownFields.has('NotAction') ? 'unknown' : 'no';
  const resources = appliesToEveryResource(statement) ? 'yes' : resourcesMayBeEvery(statement) ? 'unknown' : 'no';
  return all([allow, actions, resources]);
}

/**
 * The service-wide wildcards (`kms:*`) an Allow statement grants on every resource, leaving out statements that
 * grant every action (those are full administrator access, reported on their own). `unknown` when unknown
 * actions, resources or effect could make it such a grant.
 */
export function serviceWideGrants(statement: PolicyStatement): { readonly status: Ternary; readonly services: readonly string[] } {
  const allow = isAllow(statement);
  if (allow === 'no' || everyAction(statement)) return { status: 'no', services: [] };
  const services = serviceWildcards(statement.actions);
  const actions = services.length > 0 ? 'yes' : statement.unknownFields.has('Action') ? 'unknown' : 'no';
  const resources = appliesToEveryResource(statement) ? 'yes' : resourcesMayBeEvery(statement) ? 'unknown' : 'no';
  return { status: all([allow, actions, resources]), services };
}

/** Whether a statement names every principal: `Principal: "*"`, or `{ AWS: "*" }` alone or in a list. */
export function namesEveryone(statement: PolicyStatement): Ternary {
  const principal = statement.principal;
  if (principal === '*') return 'yes';
  if (principal && Object.values(principal).some((ids) => ids.some((id) => id.trim() === '*'))) return 'yes';
  return statement.unknownFields.has('Principal') ? 'unknown' : 'no';
}

/** Whether a Deny statement covers `action` for everyone; Deny with `NotAction` counts when it leaves the action in. */
export function deniesActionToEveryone(statement: PolicyStatement, action: string): Ternary {
  if (statement.unknownFields.has('Effect')) return 'unknown';
  if (statement.effect !== 'Deny') return 'no';
  let covers: Ternary = 'no';
  if (statement.actions.some((pattern) => actionMatches(pattern, action))) covers = 'yes';
  else if (statement.notActions.length > 0 && !statement.notActions.some((pattern) => actionMatches(pattern, action))) covers = 'yes';
  else if (statement.unknownFields.has('Action') || statement.unknownFields.has('NotAction')) covers = 'unknown';
  return all([covers, namesEveryone(statement)]);
}

/** `yes` when all are, `no` when any is, else `unknown`. */
export function all(values: readonly Ternary[]): Ternary {
  if (values.includes('no')) return 'no';
  return values.includes('unknown') ? 'unknown' : 'yes';
}
