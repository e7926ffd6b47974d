import path from 'node:path';
import type { SyntaxBlock } from '../../syntax/blocks.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import type { ProviderRequirement } from '../../providers/provider-versions.js';

/** A block body as hcl2json gives it: attributes, and nested blocks as arrays of bodies. */
export type RawBody = Readonly<Record<string, unknown>>;

/** A top-level block of a module, with where it is written. */
export interface BlockConfig {
  readonly body: RawBody;
  /** Absolute path of the file. */
  readonly file: string;
  /** Positions and comments from the syntax tree, when the file has them. */
  readonly syntax?: SyntaxBlock;
}

export interface ResourceConfig extends BlockConfig {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
}

export interface ModuleCallConfig extends BlockConfig {
  readonly name: string;
}

export interface LocalConfig {
  readonly raw: unknown;
  readonly file: string;
}

/** A module directory's configuration: every file merged, override files applied. */
export interface ModuleConfig {
  readonly directory: string;
  readonly variables: ReadonlyMap<string, BlockConfig>;
  readonly locals: ReadonlyMap<string, LocalConfig>;
  readonly outputs: ReadonlyMap<string, BlockConfig>;
  /** Managed resources keyed `type.name`. */
  readonly resources: ReadonlyMap<string, ResourceConfig>;
  /** Data sources keyed `type.name`. */
  readonly data: ReadonlyMap<string, ResourceConfig>;
  readonly moduleCalls: ReadonlyMap<string, ModuleCallConfig>;
  /** Blocks declared twice (Terraform rejects these); the first declaration is used. */
  readonly duplicates: readonly { readonly what: string; readonly file: string }[];
  /** The providers the module requires (`required_providers`, legacy `provider { version }`), with their constraints. */
  readonly requiredProviders: readonly ProviderRequirement[];
}

/** Whether a file name is an override file, merged over the others (`override.tf`, `*_override.tf`, and `.tf.json`). */
export function isOverrideFile(name: string): boolean {
  const base = name.replace(/\.tf(\.json)?$/, '');
  return base === 'override' || base.endsWith('_override');
}

interface Builder {
  variables: Map<string, BlockConfig>;
  locals: Map<string, LocalConfig>;
  outputs: Map<string, BlockConfig>;
  resources: Map<string, ResourceConfig>;
  data: Map<string, ResourceConfig>;
  moduleCalls: Map<string, ModuleCallConfig>;
  duplicates: { what: string; file: string }[];
  requiredProviders: ProviderRequirement[];
}

/** Merges the parsed files of one directory (files that failed to parse are left out by the caller). */
export function buildModuleConfig(directory: string, files: readonly { readonly file: string; readonly parsed: ParsedFile }[]): ModuleConfig {
  const builder: Builder = {
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    data: new Map(),
    moduleCalls: new Map(),
    duplicates: [],
    requiredProviders: [],
  };
  const ordered = [...files].sort((a, b) => compareNames(a.file, b.file));
  const primary = ordered.filter((f) => !isOverrideFile(path.basename(f.file)));
  const overrides = ordered.filter((f) => isOverrideFile(path.basename(f.file)));
  for (const { file, parsed } of primary) addFile(builder, file, parsed, false);
  for (const { file, parsed } of overrides) addFile(builder, file, parsed, true);
  return { directory, ...builder };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function addFile(builder: Builder, file: string, parsed: ParsedFile, override: boolean): void {
  const body = parsed.body;
  if (!body) return;
  const syntaxBlocks = new SyntaxBlocks(parsed.syntax?.blocks ?? []);

  for (const [type, byName] of entries(body['resource'])) {
    for (const [name, blocks] of entries(byName)) {
      for (const block of bodies(blocks)) {
        const syntax = syntaxBlocks.take('resource', [type, name]);
        add(builder, builder.resources, `${type}.${name}`, { mode: 'managed', type, name, body: block, file, ...(syntax ? { syntax } : {}) }, override, `resource ${type}.${name}`);
      }
    }
  }
  for (const [type, byName] of entries(body['data'])) {
    for (const [name, blocks] of entries(byName)) {
      for (const block of bodies(blocks)) {
        const syntax = syntaxBlocks.take('data', [type, name]);
        add(builder, builder.data, `${type}.${name}`, { mode: 'data', type, name, body: block, file, ...(syntax ? { syntax } : {}) }, override, `data ${type}.${name}`);
      }
    }
  }
  for (const [name, blocks] of entries(body['module'])) {
    for (const block of bodies(blocks)) {
      const syntax = syntaxBlocks.take('module', [name]);
      add(builder, builder.moduleCalls, name, { name, body: block, file, ...(syntax ? { syntax } : {}) }, override, `module ${name}`);
    }
  }
  for (const [name, blocks] of entries(body['variable'])) {
    for (const block of bodies(blocks)) {
      const syntax = syntaxBlocks.take('variable', [name]);
      add(builder, builder.variables, name, { body: block, file, ...(syntax ? { syntax } : {}) }, override, `variable ${name}`);
    }
  }
  for (const [name, blocks] of entries(body['output'])) {
    for (const block of bodies(blocks)) {
      const syntax = syntaxBlocks.take('output', [name]);
      add(builder, builder.outputs, name, { body: block, file, ...(syntax ? { syntax } : {}) }, override, `output ${name}`);
    }
  }
  for (const terraform of bodies(body['terraform'])) {
    for (const required of bodies(terraform['required_providers'])) {
      for (const [name, spec] of Object.entries(required)) {
        if (typeof spec === 'string') builder.requiredProviders.push({ name, constraints: spec });
        else if (typeof spec === 'object' && spec !== null && !Array.isArray(spec)) {
          const { source, version } = spec as Record<string, unknown>;
          builder.requiredProviders.push({ name, ...(typeof source === 'string' ? { source } : {}), ...(typeof version === 'string' ? { constraints: version } : {}) });
        }
      }
    }
  }
  for (const [name, blocks] of entries(body['provider'])) {
    for (const block of bodies(blocks)) {
      if (typeof block['version'] === 'string') builder.requiredProviders.push({ name, constraints: block['version'] });
    }
  }
  for (const block of bodies(body['locals'])) {
    for (const [name, raw] of Object.entries(block)) {
      if (builder.locals.has(name) && !override) builder.duplicates.push({ what: `local.${name}`, file });
      else builder.locals.set(name, { raw, file });
    }
  }
}

function add<T extends BlockConfig>(builder: Builder, map: Map<string, T>, key: string, config: T, override: boolean, what: string): void {
  const existing = map.get(key);
  if (!existing) {
    // An override block with nothing to override is an error in Terraform; using it is the kinder reading.
    map.set(key, config);
  } else if (override) {
    // Override files replace top-level arguments and whole nested block types, and keep the original's location.
    map.set(key, { ...existing, body: { ...existing.body, ...config.body } });
  } else {
    builder.duplicates.push({ what, file: config.file });
  }
}

function entries(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>);
}

function bodies(value: unknown): RawBody[] {
  if (Array.isArray(value)) return value.filter((v): v is RawBody => typeof v === 'object' && v !== null && !Array.isArray(v));
  if (typeof value === 'object' && value !== null) return [value as RawBody];
  return [];
}

/** The syntax blocks of one file, handed out in order for each kind and label list. */
class SyntaxBlocks {
  private readonly byKey = new Map<string, SyntaxBlock[]>();

  constructor(blocks: readonly SyntaxBlock[]) {
    for (const block of blocks) {
      const key = `${block.kind}\0${block.labels.join('\0')}`;
      const list = this.byKey.get(key) ?? [];
      list.push(block);
      this.byKey.set(key, list);
    }
  }

  take(kind: string, labels: readonly string[]): SyntaxBlock | undefined {
    return this.byKey.get(`${kind}\0${labels.join('\0')}`)?.shift();
  }
}
