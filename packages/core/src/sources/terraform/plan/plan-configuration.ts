import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigModule, ConfigResource, Expression } from './plan-json.js';

const moduleSegment = /module\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/g;
const resourceReference = /^([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)/;
const notResources = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'self', 'terraform']);
const maxDepth = 32;

interface Link {
  readonly attribute: string;
  readonly references: readonly string[];
  readonly local: readonly string[] | null;
}

interface ModuleEntry {
  readonly config: ConfigModule;
  /** The module's directory, when it can be found (local source, or `.terraform/modules/modules.json`). */
  readonly directory: string | undefined;
}

/**
 * The plan's `configuration` section, indexed by module path, with the module directories resolved. Follows
 * references through module inputs and outputs so split resources link to their bucket even when the bucket
 * name is known only after apply.
 */
export class PlanConfiguration {
  private readonly modules = new Map<string, ModuleEntry>();
  private readonly resources = new Map<string, ConfigResource>();
  private readonly links = new Map<string, readonly Link[]>();

  constructor(root: ConfigModule | undefined, configDirectory: string | undefined) {
    const installed = configDirectory ? readInstalledModules(configDirectory) : new Map<string, string>();
    const visit = (config: ConfigModule, modulePath: string, directory: string | undefined, depth: number): void => {
      if (depth > maxDepth) return;
      this.modules.set(modulePath, { config, directory });
      for (const resource of config.resources ?? []) this.resources.set(`${modulePath}|${resource.address}`, resource);
      for (const [name, call] of Object.entries(config.module_calls ?? {})) {
        if (!call.module) continue;
        const childPath = modulePath === '' ? `module.${name}` : `${modulePath}.module.${name}`;
        const source = call.source ?? '';
        const childDirectory = isLocalSource(source) && directory
          ? path.resolve(directory, source)
          : installed.get(moduleKey(childPath));
        visit(call.module, childPath, childDirectory, depth + 1);
      }
    };
    visit(root ?? {}, '', configDirectory, 0);
  }

  /** The directory of the module at `modulePath` (`''`, `module.a`, `module.a.module.b`). */
  directoryOf(modulePath: string): string | undefined {
    return this.modules.get(modulePath)?.directory;
  }

  resource(modulePath: string, configAddress: string): ConfigResource | undefined {
    return this.resources.get(`${modulePath}|${configAddress}`);
  }

  /**
   * The absolute addresses of the managed resources each attribute of a planned instance refers to (the resource
   * `configAddress` in module instance `moduleInstance`: `module.a["x"]`, `''` at the root), or `undefined`.
   */
  referencesOf(modulePath: string, moduleInstance: string, configAddress: string): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined;
    for (const link of this.linksOf(modulePath, configAddress)) {
      const targets =
        link.local === null
          ? this.resolve(link.references, moduleInstance, 0)
          : moduleInstance === ''
            ? [...link.local]
            : link.local.map((address) => `${moduleInstance}.${address}`);
      if (targets.length > 0) (result ??= {})[link.attribute] = targets;
    }
    return result;
  }

  /**
   * The attributes of a configuration resource that hold references. Most name a resource of the same module:
   * those are resolved once per configuration resource, and planned instances only prefix their module instance;
   * references through module inputs and outputs (`local: null`) are resolved per instance.
   */
  private linksOf(modulePath: string, configAddress: string): readonly Link[] {
    const key = `${modulePath}|${configAddress}`;
    let links = this.links.get(key);
    if (links === undefined) {
      const found: Link[] = [];
      const expressions = this.resources.get(key)?.expressions ?? {};
      for (const attribute in expressions) {
        const references = referencesIn(expressions[attribute]);
        if (references.length === 0) continue;
        const local = references.every((r) => !r.startsWith('var.') && !r.startsWith('module.')) ? this.resolve(references, '', 0) : null;
        found.push({ attribute, references, local });
      }
      links = found;
      this.links.set(key, links);
    }
    return links;
  }

  /** Every module path of the configuration, the root (`''`) first. */
  modulePaths(): IterableIterator<string> {
    return this.modules.keys();
  }

  private resolve(references: readonly string[], moduleInstance: string, depth: number): string[] {
    if (depth > maxDepth) return [];
    const prefix = moduleInstance === '' ? '' : `${moduleInstance}.`;
    const found: string[] = [];
    // Instance keys seen per resource base address, in order ('' for the bare address).
    let keyed: Map<string, string[]> | undefined;
    for (const reference of references) {
      if (reference.startsWith('var.')) {
        const input = reference.split('.')[1] as string;
        found.push(...this.throughInput(moduleInstance, input.replace(/\[.*$/, ''), depth));
        continue;
      }
      if (reference.startsWith('module.')) {
        const [, call, output] = reference.split('.');
        if (call !== undefined && output !== undefined) found.push(...this.throughOutput(moduleInstance, call.replace(/\[.*$/, ''), output.replace(/\[.*$/, ''), depth));
        continue;
      }
      const match = resourceReference.exec(reference);
      if (!match || notResources.has(match[1] as string)) continue;
      const base = `${prefix}${match[1]}.${match[2]}`;
      const key = match[3] ?? '';
      keyed ??= new Map();
      const keys = keyed.get(base);
      if (!keys) keyed.set(base, [key]);
      else if (!keys.includes(key)) keys.push(key);
    }
    // Terraform lists every prefix of a reference (`b[0].id`, `b[0]`, `b`): keep the most specific.
    if (keyed) {
      for (const [base, keys] of keyed) {
        const before = found.length;
        for (const key of keys) if (key !== '') found.push(base + key);
        if (found.length === before) found.push(base);
      }
    }
    return found.length < 2 ? found : [...new Set(found)];
  }

  private throughInput(moduleInstance: string, input: string, depth: number): string[] {
    const segments = [...moduleInstance.matchAll(moduleSegment)];
    const last = segments.at(-1);
    if (!last) return [];
    const parentInstance = moduleInstance.slice(0, last.index).replace(/\.$/, '');
    const call = this.modules.get(modulePathOf(parentInstance))?.config.module_calls?.[last[1] ?? ''];
    const references = call?.expressions?.[input]?.references ?? [];
    return this.resolve(references, parentInstance, depth + 1);
  }

  private throughOutput(moduleInstance: string, call: string, output: string, depth: number): string[] {
    const childInstance = moduleInstance === '' ? `module.${call}` : `${moduleInstance}.module.${call}`;
    const child = this.modules.get(modulePathOf(childInstance));
    const references = child?.config.outputs?.[output]?.expression?.references ?? [];
    return this.resolve(references, childInstance, depth + 1);
  }
}

const modulePaths = new Map<string, string>();

/**
 * The references of an attribute's expression; for a nested block (a list of expression objects, e.g.
 * `customer_managed_key { key_vault_key_id = azurerm_key_vault_key.k.id }`), those of everything inside it, so the
 * link is recorded under the block's name as the HCL source records it.
 */
function referencesIn(expression: unknown): readonly string[] {
  if (Array.isArray(expression)) return expression.flatMap((block) => (typeof block === 'object' && block !== null ? Object.values(block).flatMap(referencesIn) : []));
  if (typeof expression === 'object' && expression !== null) return (expression as Expression).references ?? [];
  return [];
}

/** `module.a["x"].module.b[0]` → `module.a.module.b`: the module path without instance keys. */
export function modulePathOf(moduleInstance: string): string {
  if (moduleInstance === '') return '';
  let found = modulePaths.get(moduleInstance);
  if (found === undefined) {
    found = [...moduleInstance.matchAll(moduleSegment)].map((m) => `module.${m[1]}`).join('.');
    if (modulePaths.size > 10_000) modulePaths.clear();
    modulePaths.set(moduleInstance, found);
  }
  return found;
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/** `module.a.module.b` → `a.b`, the key `terraform init` writes into `.terraform/modules/modules.json`. */
function moduleKey(modulePath: string): string {
  return modulePath.split('.').filter((_, i) => i % 2 === 1).join('.');
}

function readInstalledModules(configDirectory: string): Map<string, string> {
  const installed = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(path.join(configDirectory, '.terraform', 'modules', 'modules.json'), 'utf8')) as {
      Modules?: { Key?: string; Dir?: string }[];
    };
    for (const entry of manifest.Modules ?? []) {
      if (typeof entry.Key === 'string' && typeof entry.Dir === 'string') installed.set(entry.Key, path.resolve(configDirectory, entry.Dir));
    }
  } catch {
    // No manifest: only local modules can be located.
  }
  return installed;
}
