import { ScanAbortedError } from '../../../../model/errors.js';
import { providerOfType, type Declaration, type Resource } from '../../../../model/resource.js';
import type { ModuleInstance } from './module-instance.js';
import { policyDocumentSources } from './policy-document-sources.js';
import type { ResourceInstance } from './resource-group.js';

/** The managed resources of a module tree, and where each module directory is instantiated. */
export interface CollectedResources {
  readonly resources: Resource[];
  /** Module directory → instance prefixes (`''`, `module.a["x"].`) of the instances that use it. */
  readonly prefixesByDirectory: Map<string, Set<string>>;
}

/** Evaluates every managed resource instance in the module tree, depth first, and turns each into a `Resource`. */
export function collectResources(root: ModuleInstance, signal?: AbortSignal): CollectedResources {
  const resources: Resource[] = [];
  const prefixesByDirectory = new Map<string, Set<string>>();
  const visit = (instance: ModuleInstance): void => {
    if (signal?.aborted) throw new ScanAbortedError();
    const prefixes = prefixesByDirectory.get(instance.directory) ?? new Set<string>();
    prefixes.add(instance.prefix);
    prefixesByDirectory.set(instance.directory, prefixes);
    for (const group of instance.resourceGroups()) {
      for (const resourceInstance of group.instances() ?? []) resources.push(toResource(resourceInstance, instance));
    }
    for (const call of instance.callGroups()) {
      for (const child of call.instances() ?? []) visit(child);
    }
  };
  visit(root);
  resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { resources, prefixesByDirectory };
}

function toResource(instance: ResourceInstance, module: ModuleInstance): Resource {
  const { config } = instance;
  const attributeSources = policyDocumentSources(config.body, module.config);
  const references = [...instance.references.entries()]
    .filter(([, targets]) => targets.size > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([attribute, targets]) => [attribute, mostSpecific(targets)] as const);
  const sensitivePaths = [...new Set(instance.sensitivePaths)].sort();
  return {
    address: instance.address,
    type: config.type,
    provider: providerOfType(config.type),
    attributes: instance.attributes,
    origin: { kind: 'hcl', file: config.file },
    ...(config.syntax ? { declaration: declarationOf(config) } : {}),
    ...(references.length > 0 ? { references: Object.fromEntries(references) } : {}),
    ...(sensitivePaths.length > 0 ? { sensitivePaths } : {}),
    ...(attributeSources ? { attributeSources } : {}),
    ...(instance.unknownExpansion === undefined ? {} : { unknownInstances: instance.unknownExpansion }),
  };
}

const declarations = new WeakMap<ResourceInstance['config'], Declaration>();

/** One declaration per block, shared by its instances (a counted block in a module called for_each has many). */
function declarationOf(config: ResourceInstance['config']): Declaration {
  let declaration = declarations.get(config);
  if (!declaration) {
    const syntax = config.syntax as NonNullable<typeof config.syntax>;
    declaration = { file: config.file, range: syntax.range, attributes: syntax.attributes };
    declarations.set(config, declaration);
  }
  return declaration;
}

/** Drops `a.b` when `a.b[key]` is also referred to, as the plan source does: the instance is what is read. */
function mostSpecific(targets: ReadonlySet<string>): string[] {
  return [...targets].filter((target) => ![...targets].some((other) => other !== target && other.startsWith(`${target}[`))).sort();
}
