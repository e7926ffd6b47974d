import path from 'node:path';
import { Unknown, type Value } from '../../../../model/value.js';
import type { FunctionContext, FunctionDefinition } from '../expression/evaluate.js';
import { asObject, asString } from '../expression/values.js';

/** Reads a file through the context; `Unknown` when trustscan does not read it (outside the repository). */
function read(file: Value | undefined, context: FunctionContext): string | Unknown {
  return context.files.read(asString(file ?? null, 'path'));
}

/** Filesystem functions. Relative paths resolve from the root module directory, where Terraform would run. */
export const filesystemFunctions: Readonly<Record<string, FunctionDefinition>> = {
  file: { minArgs: 1, maxArgs: 1, call: ([file], context) => read(file, context) },
  fileexists: { minArgs: 1, maxArgs: 1, call: ([file], context) => context.files.exists(asString(file ?? null, 'path')) },
  filebase64: {
    minArgs: 1,
    maxArgs: 1,
    call: ([file], context) => {
      const text = read(file, context);
      return text instanceof Unknown ? text : Buffer.from(text, 'utf8').toString('base64');
    },
  },
  templatefile: {
    minArgs: 2,
    maxArgs: 2,
    call: ([file, variables], context) => {
      const text = read(file, context);
      return text instanceof Unknown ? text : context.renderTemplate(text, asObject(variables ?? null, 'variables'));
    },
  },
  /** The files under a directory of the calling module whose path matches a pattern, relative to it and sorted. */
  fileset: {
    minArgs: 2,
    maxArgs: 2,
    call: ([directory, pattern], context) => {
      const found = context.files.fileset(asString(directory ?? null, 'path'), asString(pattern ?? null, 'pattern'), context.moduleDirectory);
      return found instanceof Unknown ? found : [...found];
    },
  },
  basename: { minArgs: 1, maxArgs: 1, call: ([p]) => path.posix.basename(asString(p ?? null)) },
  dirname: { minArgs: 1, maxArgs: 1, call: ([p]) => path.posix.dirname(asString(p ?? null)) },
  abspath: { minArgs: 1, maxArgs: 1, call: ([p], context) => path.resolve(context.baseDirectory, asString(p ?? null)).split(path.sep).join('/') },
  pathexpand: {
    minArgs: 1,
    maxArgs: 1,
    call: ([p]) => {
      const value = asString(p ?? null);
      return value.startsWith('~') ? new Unknown('pathexpand() depends on the home directory of the machine running Terraform') : value;
    },
  },
};
