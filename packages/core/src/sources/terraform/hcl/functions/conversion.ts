import { Unknown, isRecord, type Value } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { EvaluationError, asBool, asNumber, asString, describeValue, firstUnknown } from '../expression/values.js';
import { toSet } from './collections.js';

/** Type conversion functions, and the sensitivity markers. */
export const conversionFunctions: Readonly<Record<string, FunctionDefinition>> = {
  tostring: { minArgs: 1, maxArgs: 1, call: ([value]) => (value === null ? null : asString(value ?? null, 'argument')) },
  tonumber: { minArgs: 1, maxArgs: 1, call: ([value]) => (value === null ? null : asNumber(value ?? null, 'argument')) },
  tobool: { minArgs: 1, maxArgs: 1, call: ([value]) => (value === null ? null : asBool(value ?? null, 'argument')) },
  tolist: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value]) => {
      if (value instanceof Unknown || value === null) return value ?? null;
      if (Array.isArray(value)) return value;
      throw new EvaluationError(`cannot convert ${describeValue(value ?? null)} to a list`);
    },
  },
  toset: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value]) => {
      if (value instanceof Unknown || value === null) return value ?? null;
      if (!Array.isArray(value)) throw new EvaluationError(`cannot convert ${describeValue(value ?? null)} to a set`);
      const unknown = firstUnknown(value);
      if (unknown) return new Unknown(`a set element is unknown (${unknown.reason})`);
      return toSet(value as readonly Value[]);
    },
  },
  tomap: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value]) => {
      if (value instanceof Unknown || value === null) return value ?? null;
      if (isRecord(value)) return value;
      throw new EvaluationError(`cannot convert ${describeValue(value ?? null)} to a map`);
    },
  },
  sensitive: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value], context) => {
      context.trace.sensitive = true;
      return value ?? null;
    },
  },
  nonsensitive: { minArgs: 1, maxArgs: 1, acceptsUnknown: true, call: ([value]) => value ?? null },
  type: { minArgs: 1, maxArgs: 1, acceptsUnknown: true, call: () => new Unknown('type() is only meaningful in the console') },
};
