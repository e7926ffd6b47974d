import type { Resource } from '../model/resource.js';
import { isUnknown, type Value } from '../model/value.js';
import { splitInstanceKey } from './address.js';
import { relationSpecs as builtInRelations, type RelationSpec } from './relations.js';

const none: readonly Resource[] = Object.freeze([]);

/**
 * The resources of a scan, indexed by type and address, with relations resolved once. Built from every target's
 * resources; rules read it through `RuleContext`.
 */
export class Inventory {
  readonly resources: readonly Resource[];
  private readonly byType = new Map<string, Resource[]>();
  private readonly byAddress = new Map<string, Resource>();
  private readonly byBaseAddress = new Map<string, Resource[]>();
  private readonly links = new Map<Resource, Map<string, Resource[]>>();
  private readonly observedTypes: ReadonlySet<string> | undefined;

  /**
   * `observedTypes`: the types the source looked for (`SourceOutput.observedTypes`); absent when every type is in
   * view, as in a Terraform configuration.
   */
  constructor(resources: readonly Resource[], relations: readonly RelationSpec[] = builtInRelations, observedTypes?: readonly string[]) {
    this.resources = resources;
    this.observedTypes = observedTypes === undefined ? undefined : new Set(observedTypes);
    for (const resource of resources) {
      push(this.byType, resource.type, resource);
      this.byAddress.set(resource.address, resource);
      push(this.byBaseAddress, splitInstanceKey(resource.address).base, resource);
    }
    for (const spec of relations) this.resolve(spec);
  }

  /** The types present, in first-seen order. */
  types(): IterableIterator<string> {
    return this.byType.keys();
  }

  /** Whether the source looked for every resource of `type`, so that none in the inventory means none exist. */
  observes(type: string): boolean {
    return this.observedTypes === undefined || this.observedTypes.has(type);
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type) ?? none;
  }

  get(address: string): Resource | undefined {
    return this.byAddress.get(address);
  }

  /** Resources of `type` linked to `resource` in either direction. */
  related(resource: Resource, type: string): readonly Resource[] {
    return this.links.get(resource)?.get(type) ?? none;
  }

  /** Every resource linked to `resource`, of any type, in the order the relations linked them. */
  linked(resource: Resource): readonly Resource[] {
    const byType = this.links.get(resource);
    return byType ? [...byType.values()].flat() : none;
  }

  /**
   * The resources a reference names. `aws_s3_bucket.b` names every instance of a counted block, except that a
   * referrer with the same instance key (`count`/`for_each` on both sides) is paired with its own instance.
   */
  resolveReference(from: Resource, reference: string): readonly Resource[] {
    const exact = this.byAddress.get(reference);
    if (exact) return [exact];
    const instances = this.byBaseAddress.get(reference);
    if (!instances) return none;
    const key = splitInstanceKey(from.address).key;
    if (key !== '') {
      const paired = instances.filter((r) => splitInstanceKey(r.address).key === key);
      if (paired.length > 0) return paired;
    }
    return instances;
  }

  private resolve(spec: RelationSpec): void {
    const sources = this.byType.get(spec.from);
    if (!sources) return;
    const targetTypes = new Set(spec.to);
    let byKey: Map<string, Resource[]> | undefined;
    for (const source of sources) {
      const references = source.references?.[spec.attribute];
      let targets: readonly Resource[] = [];
      if (references && references.length > 0) {
        targets = references.flatMap((ref) => this.resolveReference(source, ref)).filter((t) => targetTypes.has(t.type));
      }
      if (targets.length === 0) {
        byKey ??= this.indexByKeys(spec);
        targets = linkValues(source.attributes[spec.attribute]).flatMap((value) => byKey?.get(value) ?? []);
      }
      for (const target of new Set(targets)) {
        if (target === source) continue;
        this.link(source, target);
        this.link(target, source);
      }
    }
  }

  private indexByKeys(spec: RelationSpec): Map<string, Resource[]> {
    const index = new Map<string, Resource[]>();
    for (const type of spec.to) {
      for (const target of this.ofType(type)) {
        const values = new Set(spec.keys.flatMap((key) => linkValues(target.attributes[key])));
        for (const value of values) push(index, value, target);
      }
    }
    return index;
  }

  private link(from: Resource, to: Resource): void {
    let byType = this.links.get(from);
    if (!byType) {
      byType = new Map();
      this.links.set(from, byType);
    }
    const list = byType.get(to.type);
    if (!list) byType.set(to.type, [to]);
    else if (!list.includes(to)) list.push(to);
  }
}

/** The known string values a link attribute holds (a string, or a list of strings). */
function linkValues(value: Value | undefined): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (isUnknown(value)) return [];
  return [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
