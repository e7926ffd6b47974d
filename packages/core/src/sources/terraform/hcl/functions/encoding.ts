import { createRequire } from 'node:module';
import { Unknown, type Value } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { EvaluationError, asString, checkStringLength, firstUnknown, formatNumber, sortedKeys } from '../expression/values.js';

const require = createRequire(import.meta.url);

/** The YAML library, loaded when a configuration first calls yamlencode or yamldecode (few do; it is large). */
function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/**
 * JSON text as Terraform's `jsonencode` writes it: object keys sorted, no spaces, and `<`, `>`, `&`, U+2028 and
 * U+2029 escaped the way Go's encoder does.
 */
export function encodeJson(value: Value, depth = 0): string {
  if (depth > 200) throw new EvaluationError('the value nests too deeply to encode');
  if (value === null) return 'null';
  if (value instanceof Unknown) throw new EvaluationError('the value is unknown');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new EvaluationError(`${value} cannot be encoded as JSON`);
    return formatNumber(value);
  }
  if (typeof value === 'string') return encodeJsonString(value);
  if (Array.isArray(value)) return `[${(value as readonly Value[]).map((item) => encodeJson(item, depth + 1)).join(',')}]`;
  const object = value as { readonly [key: string]: Value };
  return `{${sortedKeys(object).map((key) => `${encodeJsonString(key)}:${encodeJson(object[key] as Value, depth + 1)}`).join(',')}}`;
}

function encodeJsonString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses JSON text into a value; numbers, strings, lists and objects map one to one. */
export function decodeJson(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch (error) {
    throw new EvaluationError(`the string is not valid JSON (${(error as Error).message})`);
  }
}

/** Encoding functions. */
export const encodingFunctions: Readonly<Record<string, FunctionDefinition>> = {
  jsonencode: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([value]) => {
      const unknown = firstUnknown(value ?? null);
      // The document is still useful to rules when only some leaves are unknown (an ARN known after apply).
      if (unknown) return unknown === value ? unknown : new Unknown(unknown.reason, value);
      return checkStringLength(encodeJson(value ?? null));
    },
  },
  jsondecode: {
    minArgs: 1,
    maxArgs: 1,
    acceptsUnknown: true,
    call: ([text]) => {
      if (text instanceof Unknown) return text.partial ?? text;
      return decodeJson(asString(text ?? null, 'argument'));
    },
  },
  yamlencode: {
    minArgs: 1,
    maxArgs: 1,
    call: ([value]) => yaml().stringify(value ?? null, { sortMapEntries: true }),
  },
  yamldecode: {
    minArgs: 1,
    maxArgs: 1,
    call: ([text]) => {
      try {
        return normalizeDecoded(yaml().parse(asString(text ?? null, 'argument')) as unknown);
      } catch (error) {
        if (error instanceof EvaluationError) throw error;
        throw new EvaluationError(`the string is not valid YAML (${(error as Error).message})`);
      }
    },
  },
  base64encode: { minArgs: 1, maxArgs: 1, call: ([text]) => Buffer.from(asString(text ?? null), 'utf8').toString('base64') },
  base64decode: {
    minArgs: 1,
    maxArgs: 1,
    call: ([text]) => {
      const encoded = asString(text ?? null);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new EvaluationError('the string is not valid base64');
      return Buffer.from(encoded, 'base64').toString('utf8');
    },
  },
  urlencode: { minArgs: 1, maxArgs: 1, call: ([text]) => encodeURIComponent(asString(text ?? null)).replace(/%20/g, '+') },
};

function normalizeDecoded(value: unknown, depth = 0): Value {
  if (depth > 200) throw new EvaluationError('the document nests too deeply');
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => normalizeDecoded(item, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalizeDecoded(v, depth + 1)]));
  }
  return String(value);
}

