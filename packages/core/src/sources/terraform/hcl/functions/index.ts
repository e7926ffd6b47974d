import { Unknown } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { maxBracketDepth } from '../parse/nesting-limit.js';
import { collectionFunctions } from './collections.js';
import { conversionFunctions } from './conversion.js';
import { cryptoFunctions } from './crypto.js';
import { encodingFunctions } from './encoding.js';
import { filesystemFunctions } from './filesystem.js';
import { networkFunctions } from './network.js';
import { numericFunctions } from './numeric.js';
import { stringFunctions } from './strings.js';

/** The Terraform functions the evaluator knows; any other call evaluates to `Unknown`. */
export const terraformFunctions: ReadonlyMap<string, FunctionDefinition> = new Map(
  Object.entries({
    ...collectionFunctions,
    ...conversionFunctions,
    ...cryptoFunctions,
    ...encodingFunctions,
    ...filesystemFunctions,
    ...networkFunctions,
    ...numericFunctions,
    ...stringFunctions,
    // Stands in for brackets nested too deep for hcl2json (see parse/nesting-limit.ts).
    trustscan_nested_too_deep: { maxArgs: 0, call: () => new Unknown(`the expression nests more than ${maxBracketDepth} brackets deep`) },
  }).sort(([a], [b]) => (a < b ? -1 : 1)),
);
