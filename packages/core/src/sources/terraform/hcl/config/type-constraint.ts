import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import type { Expr } from '../expression/ast.js';
import { toSet } from '../functions/collections.js';
import { EvaluationError, asBool, asNumber, asString, describeValue } from '../expression/values.js';

/** A variable's `type` constraint. */
export type TypeConstraint =
  | { readonly kind: 'any' | 'string' | 'number' | 'bool' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeConstraint }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeConstraint[] }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, ObjectAttribute>> };

export interface ObjectAttribute {
  readonly type: TypeConstraint;
  readonly optional: boolean;
  /** The default of `optional(type, default)`, applied when the attribute is absent or null. */
  readonly default?: Value;
}

export const anyType: TypeConstraint = { kind: 'any' };

/**
 * Reads a type expression (`string`, `list(object({ a = optional(string, "x") }))`). `evaluateDefault` evaluates
 * the constant default of `optional()`.
 */
export function readTypeConstraint(expr: Expr, evaluateDefault: (expr: Expr) => Value): TypeConstraint {
  if (expr.kind === 'variable') {
    switch (expr.name) {
      case 'any':
      case 'string':
      case 'number':
      case 'bool':
        return { kind: expr.name };
      case 'list':
      case 'set':
      case 'map':
        return { kind: expr.name, element: anyType };
    }
    throw new EvaluationError(`unknown type ${expr.name}`);
  }
  if (expr.kind === 'literal' && typeof expr.value === 'string') {
    // Terraform 0.11 quoted types: "string", "list", "map".
    return readTypeConstraint({ kind: 'variable', name: expr.value }, evaluateDefault);
  }
  if (expr.kind === 'call') {
    const [first] = expr.args;
    switch (expr.name) {
      case 'list':
      case 'set':
      case 'map':
        if (!first) throw new EvaluationError(`${expr.name}() needs an element type`);
        return { kind: expr.name, element: readTypeConstraint(first, evaluateDefault) };
      case 'tuple':
        if (first?.kind !== 'tuple') throw new EvaluationError('tuple() needs a list of types');
        return { kind: 'tuple', elements: first.items.map((item) => readTypeConstraint(item, evaluateDefault)) };
      case 'object': {
        if (first?.kind !== 'object') throw new EvaluationError('object() needs an object of attribute types');
        const attributes: Record<string, ObjectAttribute> = {};
        for (const item of first.items) {
          const key = item.key.kind === 'literal' ? item.key.value : item.key.kind === 'variable' ? item.key.name : undefined;
          if (typeof key !== 'string') throw new EvaluationError('object() attribute names must be literal');
          attributes[key] = readAttribute(item.value, evaluateDefault);
        }
        return { kind: 'object', attributes };
      }
      case 'optional':
        throw new EvaluationError('optional() is only allowed for an object attribute');
    }
  }
  throw new EvaluationError('unsupported type expression');
}

function readAttribute(expr: Expr, evaluateDefault: (expr: Expr) => Value): ObjectAttribute {
  if (expr.kind === 'call' && expr.name === 'optional') {
    const [type, fallback] = expr.args;
    if (!type) throw new EvaluationError('optional() needs a type');
    const attribute = { type: readTypeConstraint(type, evaluateDefault), optional: true };
    return fallback ? { ...attribute, default: evaluateDefault(fallback) } : attribute;
  }
  return { type: readTypeConstraint(expr, evaluateDefault), optional: false };
}

/** Whether values given on the command line or in `TF_VAR_*` are taken literally (primitive types and no type). */
export function parsesLiterally(type: TypeConstraint | undefined): boolean {
  return type === undefined || type.kind === 'string' || type.kind === 'number' || type.kind === 'bool';
}

/** Converts a value to a type the way Terraform does for variables, applying `optional()` defaults. */
export function convertToType(value: Value, type: TypeConstraint, depth = 0): Value {
  if (value instanceof Unknown || type.kind === 'any') return value;
  if (value === null) return null;
  if (depth > 64) throw new EvaluationError('the value nests too deeply');
  switch (type.kind) {
    case 'string':
      if (typeof value === 'object') throw new EvaluationError(`a string is required, got ${describeValue(value)}`);
      return asString(value);
    case 'number':
      return asNumber(value);
    case 'bool':
      return asBool(value);
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) throw new EvaluationError(`a ${type.kind} is required, got ${describeValue(value)}`);
      const items = (value as readonly Value[]).map((item) => convertToType(item, type.element, depth + 1));
      if (type.kind === 'set' && !items.some((item) => item instanceof Unknown)) return toSet(items);
      return items;
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== type.elements.length) throw new EvaluationError(`a tuple of ${type.elements.length} is required`);
      return (value as readonly Value[]).map((item, i) => convertToType(item, type.elements[i] as TypeConstraint, depth + 1));
    }
    case 'map': {
      if (!isRecord(value)) throw new EvaluationError(`a map is required, got ${describeValue(value)}`);
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convertToType(item, type.element, depth + 1)]));
    }
    case 'object': {
      if (!isRecord(value)) throw new EvaluationError(`an object is required, got ${describeValue(value)}`);
      const result: Record<string, Value> = {};
      for (const [name, attribute] of Object.entries(type.attributes)) {
        const given = Object.hasOwn(value, name) ? (value[name] as Value) : undefined;
        if (given === undefined || given === null) {
          if (!attribute.optional && given === undefined) throw new EvaluationError(`the attribute ${JSON.stringify(name)} is required`);
          result[name] = attribute.default === undefined ? null : convertToType(attribute.default, attribute.type, depth + 1);
        } else {
          result[name] = convertToType(given, attribute.type, depth + 1);
        }
      }
      return result;
    }
  }
}
