import { createHash } from 'node:crypto';
import { Unknown } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { asString } from '../expression/values.js';

function digest(algorithm: string, encoding: 'hex' | 'base64'): FunctionDefinition {
  return { minArgs: 1, maxArgs: 1, call: ([text]) => createHash(algorithm).update(asString(text ?? null), 'utf8').digest(encoding) };
}

/** Hash functions, and the functions whose result changes on every run (unknown until apply). */
export const cryptoFunctions: Readonly<Record<string, FunctionDefinition>> = {
  md5: digest('md5', 'hex'),
  sha1: digest('sha1', 'hex'),
  sha256: digest('sha256', 'hex'),
  sha512: digest('sha512', 'hex'),
  base64sha256: digest('sha256', 'base64'),
  base64sha512: digest('sha512', 'base64'),
  uuid: { maxArgs: 0, call: () => new Unknown('uuid() changes on every run') },
  bcrypt: { minArgs: 1, maxArgs: 2, call: () => new Unknown('bcrypt() changes on every run') },
  timestamp: { maxArgs: 0, call: () => new Unknown('timestamp() is known only when Terraform runs') },
  plantimestamp: { maxArgs: 0, call: () => new Unknown('plantimestamp() is known only when Terraform runs') },
};
