import { InputError } from '../../../model/errors.js';
import type { ConfigModule, ConfigResource, Expression, ModuleCall, PlanDocument } from './plan-json.js';

type Json = unknown;

const regenerate = 'regenerate it with `terraform show -json plan.out > plan.json`';
const maxModuleDepth = 64;

/**
 * Checks the parts of a plan the loader reads as they are (`resource_changes`, `planned_values`): a part of the wrong
 * type is an `InputError` naming its JSON path. The `configuration` section only adds references and source
 * locations, so its malformed parts are left out rather than refused. Returns the plan to load.
 */
export function checkPlanShape(file: string, plan: PlanDocument): PlanDocument {
  const fail = (where: string, what: string): never => {
    throw new InputError(`${file}: not a plan as Terraform writes it: ${where} is not ${what}; ${regenerate}.`, { subject: file });
  };
  const changes = (plan as { resource_changes?: Json }).resource_changes;
  if (changes !== undefined && changes !== null) {
    if (!Array.isArray(changes)) fail('resource_changes', 'a list');
    (changes as Json[]).forEach((change, i) => {
      const at = `resource_changes[${i}]`;
      if (!isObject(change)) return fail(at, 'an object');
      for (const key of ['address', 'type', 'name'] as const) if (typeof change[key] !== 'string') fail(`${at}.${key}`, 'a string');
      for (const key of ['module_address', 'mode', 'deposed'] as const) if (change[key] !== undefined && typeof change[key] !== 'string') fail(`${at}.${key}`, 'a string');
      const body = change['change'];
      if (!isObject(body)) return fail(`${at}.change`, 'an object');
      const actions = body['actions'];
      if (actions !== undefined && (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string'))) fail(`${at}.change.actions`, 'a list of strings');
    });
  }
  const planned = (plan as { planned_values?: Json }).planned_values;
  if (planned !== undefined && planned !== null) {
    if (!isObject(planned)) return fail('planned_values', 'an object');
    const visit = (module: Json, at: string, depth: number): void => {
      if (module === undefined || module === null) return;
      if (!isObject(module) || depth > maxModuleDepth) return fail(at, 'a module object');
      if (module['address'] !== undefined && typeof module['address'] !== 'string') fail(`${at}.address`, 'a string');
      const resources = module['resources'];
      if (resources !== undefined && !Array.isArray(resources)) fail(`${at}.resources`, 'a list');
      ((resources ?? []) as Json[]).forEach((resource, i) => {
        if (!isObject(resource)) return fail(`${at}.resources[${i}]`, 'an object');
        for (const key of ['address', 'type', 'name'] as const) if (typeof resource[key] !== 'string') fail(`${at}.resources[${i}].${key}`, 'a string');
        if (resource['mode'] !== undefined && typeof resource['mode'] !== 'string') fail(`${at}.resources[${i}].mode`, 'a string');
      });
      const children = module['child_modules'];
      if (children !== undefined && !Array.isArray(children)) fail(`${at}.child_modules`, 'a list');
      ((children ?? []) as Json[]).forEach((child, i) => visit(child, `${at}.child_modules[${i}]`, depth + 1));
    };
    visit(planned['root_module'], 'planned_values.root_module', 0);
  }
  const configuration = (plan as { configuration?: Json }).configuration;
  if (configuration === undefined || (isObject(configuration) && wellFormedModule(configuration['root_module'], 0))) return plan;
  // Rebuilt only when something is off: a copy of a 50,000-resource configuration costs a tenth of the scan.
  const root = isObject(configuration) ? configModule(configuration['root_module'], 0) : undefined;
  return { ...plan, configuration: root ? { root_module: root } : {} };
}

/** Whether a configuration module has the shape `configModule` would keep as it is, checked without copying. */
function wellFormedModule(value: Json, depth: number): boolean {
  if (value === undefined) return true;
  if (!isObject(value) || depth > maxModuleDepth) return false;
  const { resources, module_calls: calls, outputs } = value;
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((r) => isConfigResource(r) && typeof r['type'] === 'string' && typeof r['name'] === 'string' && wellFormedExpressions(r['expressions'])))) return false;
  if (calls !== undefined) {
    if (!isObject(calls)) return false;
    for (const call of Object.values(calls)) {
      if (!isObject(call) || (call['source'] !== undefined && typeof call['source'] !== 'string') || !wellFormedExpressions(call['expressions']) || !wellFormedModule(call['module'], depth + 1)) return false;
    }
  }
  if (outputs !== undefined) {
    if (!isObject(outputs)) return false;
    for (const output of Object.values(outputs)) if (!isObject(output) || !wellFormedExpression(output['expression'])) return false;
  }
  return true;
}

function wellFormedExpressions(value: Json): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  for (const expression of Object.values(value)) {
    if (Array.isArray(expression) ? !expression.every((block) => isObject(block) && wellFormedExpressions(block)) : !wellFormedExpression(expression)) return false;
  }
  return true;
}

function wellFormedExpression(value: Json): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  const references = value['references'];
  return references === undefined || (Array.isArray(references) && references.every((r) => typeof r === 'string'));
}

function configModule(value: Json, depth: number): ConfigModule | undefined {
  if (!isObject(value) || depth > maxModuleDepth) return undefined;
  const resources = Array.isArray(value['resources']) ? value['resources'].filter(isConfigResource).map(configResource) : [];
  const calls: Record<string, ModuleCall> = {};
  for (const [name, call] of objectEntries(value['module_calls'])) {
    if (!isObject(call)) continue;
    const module = configModule(call['module'], depth + 1);
    calls[name] = {
      ...(typeof call['source'] === 'string' ? { source: call['source'] } : {}),
      expressions: Object.fromEntries(objectEntries(call['expressions']).map(([input, e]) => [input, expression(e)])),
      ...(module ? { module } : {}),
    };
  }
  const outputs = Object.fromEntries(objectEntries(value['outputs']).map(([name, output]) => [name, { expression: expression(isObject(output) ? output['expression'] : undefined) }]));
  return { resources, module_calls: calls, outputs };
}

function isConfigResource(value: Json): value is Record<string, Json> {
  return isObject(value) && typeof value['address'] === 'string';
}

function configResource(value: Record<string, Json>): ConfigResource {
  const expressions: Record<string, Expression | { [key: string]: unknown }[]> = {};
  for (const [attribute, e] of objectEntries(value['expressions'])) {
    // A nested block is a list of expression objects, one per block.
    expressions[attribute] = Array.isArray(e) ? e.filter(isObject).map(blockExpressions) : expression(e);
  }
  return { address: value['address'] as string, type: String(value['type'] ?? ''), name: String(value['name'] ?? ''), expressions };
}

function blockExpressions(block: Record<string, Json>): { [key: string]: unknown } {
  return Object.fromEntries(Object.entries(block).map(([key, e]) => [key, Array.isArray(e) ? e.filter(isObject).map(blockExpressions) : expression(e)]));
}

/** An expression with only what the loader reads: `references` as strings, and `constant_value`. */
function expression(value: Json): Expression {
  if (!isObject(value)) return {};
  const references = Array.isArray(value['references']) ? value['references'].filter((r): r is string => typeof r === 'string') : undefined;
  const constant = value['constant_value'] as Expression['constant_value'];
  return { ...(constant === undefined ? {} : { constant_value: constant }), ...(references ? { references } : {}) };
}

function objectEntries(value: Json): [string, Json][] {
  return isObject(value) ? Object.entries(value) : [];
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
