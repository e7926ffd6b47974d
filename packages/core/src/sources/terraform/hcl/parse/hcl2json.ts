import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Parse = (filename: string, contents: string) => Promise<Record<string, unknown>>;

let loaded: Parse | undefined;

/**
 * hcl2json's `parse()`, loaded on first use: requiring the package starts its Go WASM runtime (about 70 ms), which a
 * scan served entirely from the parse cache never needs.
 */
export function hcl2jsonParse(): Parse {
  loaded ??= (require('@cdktf/hcl2json') as { parse: Parse }).parse;
  return loaded;
}

/** The hcl2json version, part of the parse cache key. */
export function hcl2jsonVersion(): string {
  return (require('@cdktf/hcl2json/package.json') as { version: string }).version;
}
