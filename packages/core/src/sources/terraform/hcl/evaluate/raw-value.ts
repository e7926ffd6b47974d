import { Unknown, type Value } from '../../../../model/value.js';
import type { Bindings, Trace } from '../expression/evaluate.js';
import { EvaluationError, asString } from '../expression/values.js';
import type { LeafEvaluator } from './block-body.js';

const maxDepth = 256;

/**
 * Evaluates a value in hcl2json's form (a local, an output, a module argument, a default): strings are templates,
 * arrays and objects are constructors whose keys may be templates too.
 */
export function evaluateRaw(raw: unknown, evaluateLeaf: LeafEvaluator, bindings: Bindings, trace: Trace, depth = 0): Value {
  if (typeof raw === 'string') return raw.includes('${') || raw.includes('%{') ? evaluateLeaf(raw, bindings, trace) : raw;
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (depth > maxDepth) throw new EvaluationError('the value nests too deeply');
  if (Array.isArray(raw)) return raw.map((item) => evaluateRaw(item, evaluateLeaf, bindings, trace, depth + 1));
  const object: Record<string, Value> = {};
  for (const [rawKey, item] of Object.entries(raw as Record<string, unknown>)) {
    let key = rawKey;
    if (rawKey.includes('${')) {
      const evaluated = evaluateLeaf(rawKey, bindings, trace);
      if (evaluated instanceof Unknown) return evaluated;
      key = asString(evaluated, 'object key');
    }
    object[key] = evaluateRaw(item, evaluateLeaf, bindings, trace, depth + 1);
  }
  return object;
}
