import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Unknown } from '../../../../model/value.js';
import type { FunctionDefinition } from '../expression/evaluate.js';
import { asObject, asString } from '../expression/values.js';

/** Filesystem functions. Relative paths resolve from the root module directory, where Terraform would run. */
export const filesystemFunctions: Readonly<Record<string, FunctionDefinition>> = {
  file: { minArgs: 1, maxArgs: 1, call: ([file], context) => context.readFile(asString(file ?? null, 'path')) },
  fileexists: {
    minArgs: 1,
    maxArgs: 1,
    call: ([file], context) => {
      const resolved = path.resolve(context.baseDirectory, asString(file ?? null, 'path'));
      return existsSync(resolved) && statSync(resolved).isFile();
    },
  },
  filebase64: {
    minArgs: 1,
    maxArgs: 1,
    call: ([file], context) => Buffer.from(context.readFile(asString(file ?? null, 'path')), 'utf8').toString('base64'),
  },
  templatefile: {
    minArgs: 2,
    maxArgs: 2,
    call: ([file, variables], context) => context.renderTemplate(context.readFile(asString(file ?? null, 'path')), asObject(variables ?? null, 'variables')),
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
  fileset: { minArgs: 2, maxArgs: 2, call: () => new Unknown('fileset() is not evaluated offline') },
};

