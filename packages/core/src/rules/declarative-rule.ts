import { createRequire } from 'node:module';
import type { Resource } from '../model/resource.js';
import type { CriteriaMapping, Rule, RuleMeta, Verdict } from '../model/rule.js';
import { describeError } from '../model/errors.js';
import { isRecord, isUnknown, type AttributePath, type Unknown, type Value } from '../model/value.js';

const require = createRequire(import.meta.url);

/** JSONPath, loaded when a declarative rule first runs: scans without such rules never load it. */
function jsonPath(): typeof import('jsonpath-plus').JSONPath {
  return (require('jsonpath-plus') as typeof import('jsonpath-plus')).JSONPath;
}

/** One test on the values a JSONPath selects from a resource's attributes. Exactly one operator is set. */
export interface Condition {
  /** JSONPath over the attributes, e.g. `$.versioning[*].enabled`. */
  readonly path: string;
  /** The value to assume when the path selects nothing (a provider default). */
  readonly default?: Value;
  readonly exists?: boolean;
  readonly equals?: Value;
  readonly notEquals?: Value;
  readonly in?: readonly Value[];
  readonly notIn?: readonly Value[];
  readonly matches?: string;
  readonly gte?: number;
  readonly lte?: number;
}

export type Check = Condition | { readonly all: readonly Check[] } | { readonly any: readonly Check[] };

/** A rule written as data (JSON or YAML): metadata, the resource types, a check, and pass/fail/unknown messages. */
export interface DeclarativeRuleDefinition extends Omit<RuleMeta<'pass' | 'fail' | 'unknown'>, 'messages' | 'criteria'> {
  readonly criteria: CriteriaMapping;
  readonly check: Check;
  readonly messages: { readonly pass: string; readonly fail: string; readonly unknown?: string };
}

export const operators = ['exists', 'equals', 'notEquals', 'in', 'notIn', 'matches', 'gte', 'lte'] as const;

interface Outcome {
  readonly status: 'pass' | 'fail' | 'unknown';
  readonly path: AttributePath;
  readonly value?: string;
  readonly reason?: string;
}

/** Compiles a declarative definition into the same `Rule` interface as code rules. */
export function compileDeclarativeRule(definition: DeclarativeRuleDefinition): Rule<'pass' | 'fail' | 'unknown'> {
  const { check, messages, ...meta } = definition;
  return {
    meta: {
      ...meta,
      messages: {
        pass: messages.pass,
        fail: messages.fail,
        unknown: messages.unknown ?? 'The value of {{path}} is not known: {{reason}}.',
      },
    },
    evaluate(resource: Resource): Verdict<'pass' | 'fail' | 'unknown'> {
      const outcome = evaluateCheck(check, resource.attributes);
      return {
        status: outcome.status,
        messageId: outcome.status,
        path: outcome.path,
        data: {
          address: resource.address,
          path: outcome.path.join('.') || '(resource)',
          value: outcome.value ?? '(absent)',
          reason: outcome.reason ?? '',
        },
      };
    },
  };
}

function evaluateCheck(check: Check, attributes: { readonly [key: string]: Value }): Outcome {
  if ('all' in check) {
    const outcomes = check.all.map((c) => evaluateCheck(c, attributes));
    return outcomes.find((o) => o.status === 'fail') ?? outcomes.find((o) => o.status === 'unknown') ?? outcomes[0] ?? { status: 'pass', path: [] };
  }
  if ('any' in check) {
    const outcomes = check.any.map((c) => evaluateCheck(c, attributes));
    return outcomes.find((o) => o.status === 'pass') ?? outcomes.find((o) => o.status === 'unknown') ?? outcomes[0] ?? { status: 'fail', path: [] };
  }
  return evaluateCondition(check, attributes);
}

function evaluateCondition(condition: Condition, attributes: { readonly [key: string]: Value }): Outcome {
  const staticPath = staticPrefix(condition.path);
  let matches: { value: Value; pointer: string }[];
  try {
    matches = jsonPath()({ path: condition.path, json: attributes as object, resultType: 'all', eval: 'safe' }) as { value: Value; pointer: string }[];
  } catch (error) {
    // A script step that does not fit this resource's values (`[(@.length-1)]` on an object) throws inside JSONPath.
    return { status: 'unknown', path: staticPath, reason: `the path ${condition.path} cannot be evaluated on this resource (${describeError(error)})` };
  }
  // JSONPath walks into an unknown value's own fields (`reason`, `partial`): a match below an unknown is that unknown.
  matches = matches.map((match) => {
    const unknown = unknownAbove(attributes, pointerToPath(match.pointer));
    return unknown ? { value: unknown.value, pointer: pathToPointer(unknown.path) } : match;
  });
  if (matches.length === 0) {
    const blocked = unknownOnPath(attributes, staticPath);
    if (blocked) return { status: 'unknown', path: blocked.path, reason: blocked.reason };
    if (condition.exists !== undefined) return { status: condition.exists ? 'fail' : 'pass', path: staticPath };
    if (condition.default === undefined) return { status: 'fail', path: staticPath };
    return { ...test(condition, condition.default), path: staticPath };
  }
  if (condition.exists !== undefined) {
    // A value known only after apply may turn out absent: whether it exists is unknown too.
    const known = matches.find((match) => !isUnknown(match.value));
    if (!known) {
      const first = matches[0] as { value: Unknown; pointer: string };
      return { status: 'unknown', path: pointerToPath(first.pointer), reason: first.value.reason };
    }
    return { status: condition.exists ? 'pass' : 'fail', path: pointerToPath(known.pointer) };
  }
  let last: Outcome = { status: 'pass', path: staticPath };
  for (const match of matches) {
    const path = pointerToPath(match.pointer);
    const value = match.value === null && condition.default !== undefined ? condition.default : match.value;
    if (isUnknown(value)) return { status: 'unknown', path, reason: value.reason };
    const outcome = { ...test(condition, value), path };
    if (outcome.status !== 'pass') return outcome;
    last = outcome;
  }
  return last;
}

function test(condition: Condition, value: Value): Omit<Outcome, 'path'> {
  const shown = display(value);
  const verdict = (ok: boolean): Omit<Outcome, 'path'> => ({ status: ok ? 'pass' : 'fail', value: shown });
  if (condition.equals !== undefined) return verdict(sameValue(value, condition.equals));
  if (condition.notEquals !== undefined) return verdict(!sameValue(value, condition.notEquals));
  if (condition.in !== undefined) return verdict(condition.in.some((v) => sameValue(value, v)));
  if (condition.notIn !== undefined) return verdict(!condition.notIn.some((v) => sameValue(value, v)));
  if (condition.matches !== undefined) return verdict(typeof value === 'string' && new RegExp(condition.matches).test(value));
  if (condition.gte !== undefined) return verdict(typeof value === 'number' && value >= condition.gte);
  if (condition.lte !== undefined) return verdict(typeof value === 'number' && value <= condition.lte);
  return verdict(value !== null);
}

function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

function display(value: Value): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The leading plain names and indexes of a JSONPath (`$.a.b[0][*].c` → `a.b.0`), where a location can point. */
function staticPrefix(path: string): AttributePath {
  let parts: unknown[];
  try {
    parts = jsonPath().toPathArray(path).slice(1);
  } catch {
    return [];
  }
  const prefix: (string | number)[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || part === '*' || part === '..' || part.startsWith('?') || part.startsWith('(') || part.includes(':')) break;
    prefix.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return prefix;
}

function unknownOnPath(root: Value, path: AttributePath): { path: AttributePath; reason: string } | undefined {
  let current: Value | undefined = root;
  for (let i = 0; i <= path.length; i++) {
    if (isUnknown(current)) return { path: path.slice(0, i), reason: current.reason };
    const key = path[i];
    if (key === undefined || current === undefined || current === null) return undefined;
    if (Array.isArray(current) && typeof key === 'number') current = (current as readonly Value[])[key];
    // A number step on an object names the key "0", as JSONPath's `$[0]` does.
    else if (isRecord(current)) current = Object.hasOwn(current, key) ? current[String(key)] : undefined;
    else return undefined;
  }
  return undefined;
}

function pointerToPath(pointer: string): AttributePath {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The first unknown value strictly above the end of `path`, with where it is. */
function unknownAbove(root: Value, path: AttributePath): { value: Unknown; path: AttributePath } | undefined {
  let current: Value | undefined = root;
  for (let i = 0; i < path.length; i++) {
    if (isUnknown(current)) return { value: current, path: path.slice(0, i) };
    const key = path[i] as string | number;
    if (Array.isArray(current)) current = (current as readonly Value[])[Number(key)];
    else if (isRecord(current)) current = Object.hasOwn(current, key) ? current[String(key)] : undefined;
    else return undefined;
  }
  return undefined;
}

function pathToPointer(path: AttributePath): string {
  return path.map((step) => `/${String(step).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
