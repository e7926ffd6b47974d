import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import { decodeJson } from '../functions/encoding.js';
import { compareStrings, firstUnknown, type ObjectValue } from '../expression/values.js';

type Statement = Record<string, Value>;

/**
 * The policy `data "aws_iam_policy_document"` renders, built the way the AWS provider does: statements merged with
 * `source_policy_documents` and `override_policy_documents` by `Sid`, single-element lists written as strings,
 * `&{…}` turned into `${…}`. Unknown inputs make it `Unknown`, with the document as the known part.
 */
export function policyDocument(attributes: ObjectValue): Value {
  const statements: Statement[] = [];
  let unknown: Unknown | undefined;
  const merge = (incoming: readonly Statement[]): void => {
    for (const statement of incoming) {
      const sid = statement['Sid'];
      const existing = typeof sid === 'string' && sid !== '' ? statements.findIndex((s) => s['Sid'] === sid) : -1;
      if (existing >= 0) statements[existing] = statement;
      else statements.push(statement);
    }
  };
  const fromDocuments = (value: Value | undefined): Statement[] => {
    const documents = value === undefined || value === null ? [] : Array.isArray(value) ? (value as readonly Value[]) : [value];
    const result: Statement[] = [];
    for (const document of documents) {
      if (document instanceof Unknown) {
        unknown ??= document;
        continue;
      }
      if (typeof document !== 'string' || document.trim() === '') continue;
      const parsed = decodeJson(document);
      const list = isRecord(parsed) ? parsed['Statement'] : undefined;
      const items = Array.isArray(list) ? (list as readonly Value[]) : list === undefined ? [] : [list];
      for (const item of items) if (isRecord(item)) result.push({ ...item });
    }
    return result;
  };

  merge(fromDocuments(attributes['source_json']));
  merge(fromDocuments(attributes['source_policy_documents']));
  // Statements a dynamic block may add over an unknown collection stay in the document as unknown entries, so a
  // reader of the known part never mistakes it for the whole policy.
  const unknownStatements: Unknown[] = [];
  const configured = attributes['statement'];
  if (configured instanceof Unknown) unknownStatements.push(configured);
  else if (Array.isArray(configured)) {
    for (const item of configured as readonly Value[]) if (item instanceof Unknown) unknownStatements.push(item);
    merge((configured as readonly Value[]).filter(isRecord).map(renderStatement));
  }
  merge(fromDocuments(attributes['override_json']));
  merge(fromDocuments(attributes['override_policy_documents']));

  const document: Record<string, Value> = { Version: stringOr(attributes['version'], '2012-10-17') };
  const id = attributes['policy_id'];
  if (id !== undefined && id !== null && id !== '') document['Id'] = id;
  document['Statement'] = [...statements, ...unknownStatements];
  unknown ??= firstUnknown(document);
  return unknown ? new Unknown(unknown.reason, document) : document;
}

/**
 * The `json` (indented, as the provider writes it) or `minified_json` text of a policy document; both parse to the
 * same document as `jsonencode` of the equivalent object.
 */
export function policyJson(document: Value, indented: boolean): Value {
  if (document instanceof Unknown) return document;
  return escapeLikeGo(indented ? JSON.stringify(document, null, 2) : JSON.stringify(document));
}

function renderStatement(block: ObjectValue): Statement {
  const statement: Statement = {};
  const sid = block['sid'];
  if (typeof sid === 'string' && sid !== '') statement['Sid'] = interpolate(sid);
  else if (sid instanceof Unknown) statement['Sid'] = sid;
  statement['Effect'] = stringOr(block['effect'], 'Allow');
  setList(statement, 'Action', block['actions']);
  setList(statement, 'NotAction', block['not_actions']);
  setList(statement, 'Resource', block['resources']);
  setList(statement, 'NotResource', block['not_resources']);
  setPrincipals(statement, 'Principal', block['principals']);
  setPrincipals(statement, 'NotPrincipal', block['not_principals']);
  const conditions = block['condition'];
  if (conditions instanceof Unknown) {
    statement['Condition'] = conditions;
  } else if (Array.isArray(conditions) && conditions.length > 0) {
    const byTest: Record<string, Record<string, Value>> = {};
    for (const condition of (conditions as readonly Value[]).filter(isRecord)) {
      const test = condition['test'];
      const variable = condition['variable'];
      if (typeof test !== 'string' || typeof variable !== 'string') continue;
      (byTest[test] ??= {})[interpolate(variable)] = collapse(condition['values']);
    }
    statement['Condition'] = sortObject(byTest);
  }
  return statement;
}

function setList(statement: Statement, key: string, value: Value | undefined): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && value.length === 0) return;
  statement[key] = collapse(value);
}

function setPrincipals(statement: Statement, key: string, value: Value | undefined): void {
  if (value instanceof Unknown) {
    statement[key] = value;
    return;
  }
  if (!Array.isArray(value) || value.length === 0) return;
  const byType: Record<string, Value[]> = {};
  for (const principal of (value as readonly Value[]).filter(isRecord)) {
    const type = principal['type'];
    const identifiers = principal['identifiers'];
    if (typeof type !== 'string') continue;
    const list = byType[type] ?? [];
    if (identifiers instanceof Unknown) list.push(identifiers);
    else if (Array.isArray(identifiers)) list.push(...(identifiers as readonly Value[]));
    byType[type] = list;
  }
  const types = Object.keys(byType);
  // `principals { type = "*" identifiers = ["*"] }` is written as `"Principal": "*"`.
  if (types.length === 1 && types[0] === '*' && byType['*']?.length === 1 && byType['*'][0] === '*') {
    statement[key] = '*';
    return;
  }
  statement[key] = sortObject(Object.fromEntries(types.map((type) => [type, collapse(byType[type] ?? [])])));
}

/** A set of strings as the provider writes it: one element as a string, several sorted in reverse order. */
function collapse(value: Value | undefined): Value {
  if (value instanceof Unknown) return value;
  if (!Array.isArray(value)) return typeof value === 'string' ? interpolate(value) : (value ?? null);
  const items = (value as readonly Value[]).map((item) => (typeof item === 'string' ? interpolate(item) : item));
  if (items.length === 1) return items[0] as Value;
  if (items.every((item) => typeof item === 'string')) return [...new Set(items as string[])].sort((a, b) => compareStrings(b, a));
  return items;
}

/** The provider's escape for IAM policy variables: `&{aws:username}` becomes `${aws:username}`. */
function interpolate(text: string): string {
  return text.replace(/&\{/g, '${');
}

function stringOr(value: Value | undefined, fallback: string): Value {
  if (value instanceof Unknown) return value;
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function sortObject<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(object).sort(compareStrings).map((key) => [key, object[key] as T]));
}

/** Go's JSON encoder escapes `<`, `>` and `&`. */
function escapeLikeGo(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
