import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { relativeFile } from '../../../engine/locate.js';
import type { Notification } from '../../../model/finding.js';
import { providerOfType, type Resource } from '../../../model/resource.js';
import type { Value } from '../../../model/value.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import { readInstalledModules } from '../hcl/config/installed-modules.js';
import { checkState } from './read-state.js';
import { decodeText, parseJsonText, readJsonBytes } from '../json/terraform-json.js';
import { sha256Hex } from '../../../files/input-digest.js';
import { modulePathOf } from '../plan/plan-configuration.js';
import type { JsonValue, PlanModuleValues } from '../plan/plan-json.js';
import { sensitivePaths } from '../plan/planned-values.js';
import type { ModuleDeclarations } from '../syntax/declarations.js';
import { isRawState, type RawStateDocument, type ShownStateDocument, type StateDocument } from './state-json.js';
import { rawSensitivePaths, secretAttributePaths } from './state-sensitivity.js';
import { baseAddress, stateLines } from './state-lines.js';

/** One managed resource instance read from state, before it becomes a canonical resource. */
interface StateInstance {
  readonly address: string;
  readonly modulePath: string;
  readonly type: string;
  readonly name: string;
  readonly attributes: { readonly [key: string]: JsonValue };
  readonly sensitive: readonly string[];
}

const regenerate = 'pull it again with `terraform state pull > state.json` (or `terraform show -json > state.json`)';

/**
 * Loads what Terraform last applied from a state file: raw state version 4 (`terraform state pull`, a `.tfstate`
 * file) or `terraform show -json` of a state. Managed resources only: data sources, and objects being replaced
 * (`deposed`), are left out. Every value Terraform or the provider schema marks sensitive, and every attribute named
 * like a secret, is evaluated but never printed. Findings point at the `.tf` block when the configuration directory
 * is known (`--tf-dir`, or `.tf` files beside the state), else at the resource's line in the state file.
 */
export async function loadState(file: string, context: SourceContext, read?: { readonly document: StateDocument; readonly text: string; readonly bytes: Uint8Array }): Promise<SourceOutput> {
  const bytes = read?.bytes ?? (await readJsonBytes(file));
  const text = read?.text ?? decodeText(bytes);
  const document = read?.document ?? checkState(file, parseJsonText(file, text, regenerate));
  const name = relativeFile(context.root, file);
  const notifications: Notification[] = [];
  const instances = isRawState(document) ? rawInstances(document, name, notifications) : shownInstances(document);
  const lines = stateLines(text, isRawState(document));
  const configDirectory = context.tfDir ?? ((await hasTerraformFiles(path.dirname(file))) ? path.dirname(file) : undefined);
  const declarations = await declarationsByModule(context, configDirectory, instances);

  const resources: Resource[] = [];
  const seen = new Map<string, number>();
  for (const instance of instances) {
    const count = seen.get(instance.address) ?? 0;
    seen.set(instance.address, count + 1);
    if (count > 0) continue;
    const sensitive = [...new Set([...instance.sensitive, ...secretAttributePaths(instance.type, instance.attributes)])];
    const declaration = declarations.get(instance.modulePath)?.get(`resource.${instance.type}.${instance.name}`);
    const line = lines.get(baseAddress(instance.address));
    const resource: Mutable<Resource> = {
      address: instance.address,
      type: instance.type,
      provider: providerOfType(instance.type),
      attributes: instance.attributes as { readonly [key: string]: Value },
      origin: { kind: 'state', file, address: instance.address, ...(line === undefined ? {} : { line }) },
    };
    if (declaration) resource.declaration = declaration;
    if (sensitive.length > 0) resource.sensitivePaths = sensitive;
    resources.push(resource);
  }
  const duplicates = [...seen].filter(([, count]) => count > 1);
  if (duplicates.length > 0) {
    notifications.push({
      level: 'warning',
      code: 'state-duplicate-address',
      message: `${name}: ${duplicates.map(([address, count]) => `${address} appears ${count} times`).join('; ')}; the first of each is scanned (Terraform itself refuses such a state: pull it again).`,
      subject: name,
    });
  }
  if (resources.length === 0) {
    notifications.push({
      level: 'warning',
      code: 'state-empty',
      message: `${name}: the state holds no managed resources (nothing applied yet, or another workspace's state); nothing to scan or to compare with the cloud.`,
      subject: name,
    });
  }
  return { name, kind: 'terraform-state', resources, notifications, inputs: { sha256: sha256Hex(bytes), files: 1 } };
}

function rawInstances(document: RawStateDocument, name: string, notifications: Notification[]): StateInstance[] {
  const found: StateInstance[] = [];
  const flat: string[] = [];
  let deposed = 0;
  let unreadablePaths = 0;
  for (const resource of document.resources ?? []) {
    if (resource.mode !== 'managed' || typeof resource.type !== 'string' || typeof resource.name !== 'string') continue;
    const moduleInstance = typeof resource.module === 'string' ? resource.module : '';
    for (const instance of resource.instances ?? []) {
      if (instance.deposed) {
        deposed++;
        continue;
      }
      const address = `${moduleInstance === '' ? '' : `${moduleInstance}.`}${resource.type}.${resource.name}${instanceKey(instance.index_key)}`;
      if (!isObject(instance.attributes)) {
        if (instance.attributes_flat) flat.push(address);
        continue;
      }
      const marked = rawSensitivePaths(instance.sensitive_attributes);
      if (marked.unreadable) unreadablePaths++;
      // An unreadable sensitive path list marks every top-level attribute, rather than guessing which one it meant.
      const sensitive = marked.unreadable ? Object.keys(instance.attributes) : marked.paths;
      found.push({ address, modulePath: modulePathOf(moduleInstance), type: resource.type, name: resource.name, attributes: instance.attributes, sensitive });
    }
  }
  if (flat.length > 0) {
    notifications.push({
      level: 'warning',
      code: 'state-legacy-instances',
      message: `${name}: ${flat.length} resource instance(s) still have the flat attributes Terraform 0.11 wrote and were not scanned (${flat.slice(0, 5).join(', ')}${flat.length > 5 ? ', …' : ''}); run \`terraform apply -refresh-only\` with a current Terraform to rewrite them.`,
      subject: name,
    });
  }
  if (deposed > 0) {
    notifications.push({ level: 'note', code: 'state-deposed-objects', message: `${name}: ${deposed} object(s) waiting to be destroyed after a replacement (deposed) were left out; their replacements are scanned.`, subject: name });
  }
  if (unreadablePaths > 0) {
    notifications.push({ level: 'note', code: 'state-sensitive-paths', message: `${name}: the sensitive attribute paths of ${unreadablePaths} instance(s) could not be read; all their attributes are treated as sensitive.`, subject: name });
  }
  return found;
}

function shownInstances(document: ShownStateDocument): StateInstance[] {
  const found: StateInstance[] = [];
  const visit = (module: PlanModuleValues | undefined): void => {
    for (const resource of module?.resources ?? []) {
      if (resource.mode === 'data' || typeof resource.address !== 'string' || !isObject(resource.values)) continue;
      const moduleInstance = module?.address ?? '';
      found.push({
        address: resource.address,
        modulePath: modulePathOf(moduleInstance),
        type: resource.type,
        name: resource.name,
        attributes: resource.values,
        sensitive: sensitivePaths(resource.sensitive_values === false ? undefined : resource.sensitive_values),
      });
    }
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(document.values?.root_module);
  return found;
}

/** `[0]` for `count`, `["key"]` for `for_each`, as Terraform writes instance addresses. */
function instanceKey(key: number | string | undefined): string {
  if (key === undefined || key === null) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The `.tf` declarations of the root module and of each module the state names that `terraform init` installed. */
async function declarationsByModule(context: SourceContext, configDirectory: string | undefined, instances: readonly StateInstance[]): Promise<Map<string, ModuleDeclarations>> {
  const found = new Map<string, ModuleDeclarations>();
  if (configDirectory === undefined) return found;
  found.set('', await context.locator.inDirectory(configDirectory));
  const modulePaths = new Set(instances.map((i) => i.modulePath).filter((m) => m !== ''));
  if (modulePaths.size === 0) return found;
  const installed = readInstalledModules(configDirectory);
  for (const modulePath of modulePaths) {
    const directory = installed.get(modulePath.replace(/(^|\.)module\./g, '$1'));
    if (directory) found.set(modulePath, await context.locator.inDirectory(directory));
  }
  return found;
}

async function hasTerraformFiles(directory: string): Promise<boolean> {
  try {
    return (await readdir(directory)).some((name) => name.endsWith('.tf'));
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
