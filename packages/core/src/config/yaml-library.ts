import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use: it is about a hundred CommonJS modules (some 40 ms of start-up), and a
 * scan without a config file or YAML rules never needs it.
 */
function yaml(): typeof Yaml {
  return (loaded ??= require('yaml') as typeof Yaml);
}

export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isNode = ((node: unknown) => yaml().isNode(node)) as typeof Yaml.isNode;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const parseYaml = ((...args: Parameters<typeof Yaml.parse>) => yaml().parse(...args)) as typeof Yaml.parse;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;

/** A new `LineCounter`, to turn offsets of a parsed document into lines and columns. */
export function createLineCounter(): Yaml.LineCounter {
  return new (yaml().LineCounter)();
}
