import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let library: typeof import('yaml') | undefined;

/** The YAML library, loaded when a config file is first read: a scan without one never loads its many modules. */
export function yamlLibrary(): typeof import('yaml') {
  library ??= require('yaml') as typeof import('yaml');
  return library;
}
