import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Declaration, Resource } from '../../../model/resource.js';
import { providerOfType } from '../../../model/resource.js';
import { isRecord } from '../../../model/value.js';
import { relativeFile } from '../../../engine/locate.js';
import type { SourceContext, SourceOutput } from '../../source.js';
import type { ModuleDeclarations } from '../syntax/declarations.js';
import { PlanConfiguration, modulePathOf } from './plan-configuration.js';
import type { PlanDocument, PlanModuleValues, ResourceChange } from './plan-json.js';
import { dropUnconfiguredUnknowns, sensitivePaths, withUnknowns } from './planned-values.js';
import { readPlanFile } from './read-plan.js';
import { readJsonBytes } from '../json/terraform-json.js';
import { sha256Hex } from '../../../files/input-digest.js';
import { statementRanges } from '../syntax/statement-ranges.js';

/**
 * Loads the resources a plan will leave in place: creates, updates, replacements (their `after`) and no-ops.
 * Pure deletes, `forget` and data sources are left out. Findings point at the `.tf` block when the configuration
 * directory is known (`--tf-dir`, or `.tf` files beside the plan), else at the plan file.
 */
export async function loadPlan(file: string, context: SourceContext, read?: { readonly document: PlanDocument; readonly bytes: Uint8Array }): Promise<SourceOutput> {
  const bytes = read?.bytes ?? (await readJsonBytes(file));
  const plan = read?.document ?? (await readPlanFile(file, bytes));
  const configDirectory = context.tfDir ?? ((await hasTerraformFiles(path.dirname(file))) ? path.dirname(file) : undefined);
  const configuration = new PlanConfiguration(plan.configuration?.root_module, configDirectory);
  const resources: Resource[] = [];
  const declarations = await declarationsByModule(context, configuration);

  for (const change of changesToEvaluate(plan)) {
    const moduleInstance = change.module_address ?? '';
    const modulePath = modulePathOf(moduleInstance);
    const configAddress = `${change.type}.${change.name}`;
    const configured = configuration.resource(modulePath, configAddress);
    const afterApply = withUnknowns(change.change.after ?? null, change.change.after_unknown);
    const attributes = configured ? dropUnconfiguredUnknowns(afterApply, configured.expressions ?? {}) : afterApply;
    const references = configuration.referencesOf(modulePath, moduleInstance, configAddress);
    const sensitive = sensitivePaths(change.change.after_sensitive);
    const declaration = declarations.get(modulePath)?.get(`resource.${configAddress}`);
    const attributeSources = configured ? policyDocumentSources(configured.expressions ?? {}, declarations.get(modulePath)) : undefined;
    const resource: Mutable<Resource> = {
      address: change.address,
      type: change.type,
      provider: providerOfType(change.type),
      attributes: isRecord(attributes) ? attributes : {},
      origin: { kind: 'plan', file, address: change.address },
    };
    if (declaration) resource.declaration = declaration;
    if (references) resource.references = references;
    if (sensitive.length > 0) resource.sensitivePaths = sensitive;
    if (attributeSources) resource.attributeSources = attributeSources;
    resources.push(resource);
  }

  return { name: relativeFile(context.root, file), kind: 'terraform-plan', resources, notifications: [], inputs: { sha256: sha256Hex(bytes), files: 1 } };
}

/** The managed resources to evaluate, from `resource_changes` or, in plans without it, `planned_values`. */
function changesToEvaluate(plan: PlanDocument): ResourceChange[] {
  if (plan.resource_changes) {
    return plan.resource_changes.filter((change) => {
      if (change.mode === 'data' || change.deposed !== undefined) return false;
      const actions = change.change?.actions ?? [];
      if (!actions.includes('create') && (actions.includes('delete') || actions.includes('forget'))) return false;
      if (actions.includes('read')) return false;
      return change.change?.after !== null && change.change?.after !== undefined;
    });
  }
  const changes: ResourceChange[] = [];
  const visit = (module: PlanModuleValues | undefined): void => {
    for (const resource of module?.resources ?? []) {
      if (resource.mode === 'data') continue;
      const moduleAddress = module?.address;
      changes.push({
        address: resource.address,
        ...(moduleAddress ? { module_address: moduleAddress } : {}),
        type: resource.type,
        name: resource.name,
        change: { actions: ['no-op'], after: resource.values ?? {}, after_sensitive: resource.sensitive_values ?? false },
      });
    }
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(plan.planned_values?.root_module);
  return changes;
}

/** The `.tf` declarations of every module directory the configuration names, read once. */
async function declarationsByModule(context: SourceContext, configuration: PlanConfiguration): Promise<Map<string, ModuleDeclarations>> {
  const found = new Map<string, ModuleDeclarations>();
  for (const modulePath of configuration.modulePaths()) {
    const directory = configuration.directoryOf(modulePath);
    if (directory) found.set(modulePath, await context.locator.inDirectory(directory));
  }
  return found;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const documentReference = /^data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)$/;

/**
 * The `data "aws_iam_policy_document"` blocks whose rendered JSON a resource's policy attributes hold, as the HCL
 * source records them, so plan findings point at the same statement lines.
 */
function policyDocumentSources(expressions: Readonly<Record<string, unknown>>, declarations: ModuleDeclarations | undefined): Record<string, Declaration> | undefined {
  if (!declarations) return undefined;
  const found: Record<string, Declaration> = {};
  const consider = (path: string, expression: unknown) => {
    const references = (expression as { references?: readonly string[] } | undefined)?.references ?? [];
    const name = references.map((r) => documentReference.exec(r)?.[1]).find((n) => n !== undefined);
    const data = name === undefined ? undefined : declarations.get(`data.aws_iam_policy_document.${name}`);
    if (!data) return;
    const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'].some((key) => key in data.attributes);
    found[path] = { ...data, attributes: merged ? {} : statementRanges(data.attributes) };
  };
  consider('policy', expressions['policy']);
  consider('inline_policy', expressions['inline_policy']);
  const inline = expressions['inline_policy'];
  if (Array.isArray(inline)) inline.forEach((block, index) => consider(`inline_policy.${index}.policy`, (block as Record<string, unknown> | null)?.['policy']));
  return Object.keys(found).length > 0 ? found : undefined;
}

async function hasTerraformFiles(directory: string): Promise<boolean> {
  try {
    return (await readdir(directory)).some((name) => name.endsWith('.tf'));
  } catch {
    return false;
  }
}
