import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '../packages/core/src/model/resource.js';
import { Unknown, valueAt, parsePath, type Value } from '../packages/core/src/model/value.js';
import type { SourceOutput, TerraformOptions } from '../packages/core/src/sources/source.js';
import { loadTerraformDirectory } from '../packages/core/src/sources/terraform/hcl/load-directory.js';
import { DeclarationLocator } from '../packages/core/src/sources/terraform/syntax/declarations.js';

/** The HCL fixtures directory. */
export const hclFixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core', 'test', 'hcl', 'fixtures');

/** Loads a Terraform directory or file with the HCL source, without the parse cache unless one is given. */
export function loadHcl(target: string, terraform: TerraformOptions = {}, root = target.endsWith('.tf') || target.endsWith('.json') ? path.dirname(target) : target): Promise<SourceOutput> {
  return loadTerraformDirectory(target, {
    root,
    locator: new DeclarationLocator(),
    progress: () => {},
    terraform: { cacheDirectory: false, ...terraform },
    declaredResources: async () => [],
  });
}

/** Loads a fixture directory by name. */
export function loadHclFixture(name: string, terraform: TerraformOptions = {}): Promise<SourceOutput> {
  return loadHcl(path.join(hclFixtures, name), terraform);
}

/** The resource with `address`, or a failure listing the addresses that exist. */
export function resourceAt(output: SourceOutput, address: string): Resource {
  const found = output.resources.find((r) => r.address === address);
  if (!found) throw new Error(`no resource ${address}; have ${output.resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** An attribute by dotted path. */
export function attributeOf(resource: Resource, dotted: string): Value | undefined {
  return valueAt(resource.attributes, parsePath(dotted));
}

/** The reason of an `Unknown`, or a failure when the value is known. */
export function unknownReason(value: Value | undefined): string {
  if (!(value instanceof Unknown)) throw new Error(`expected an unknown value, got ${JSON.stringify(value)}`);
  return value.reason;
}
