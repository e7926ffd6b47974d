import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, describeError } from '../model/errors.js';
import { areas, severities, type Rule } from '../model/rule.js';
import { isTscId } from '../tsc/criteria.js';
import { compileDeclarativeRule, operators, type Check, type DeclarativeRuleDefinition } from './declarative-rule.js';

const ruleFile = /\.(ya?ml|json)$/;

/**
 * Loads a user's declarative rules: every `.yaml`, `.yml` or `.json` file in `directory`, one rule per file, named
 * after its id. A malformed rule is an `InputError` naming the file and the field.
 */
export async function loadRulesDirectory(directory: string): Promise<Rule[]> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => ruleFile.test(name)).sort();
  } catch (error) {
    throw new InputError(`${directory}: cannot read the rules directory (${describeError(error)}).`, { subject: directory });
  }
  const rules: Rule[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const text = await readFile(file, 'utf8');
    let raw: unknown;
    try {
      raw = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      throw new InputError(`${file}: not valid ${name.endsWith('.json') ? 'JSON' : 'YAML'} (${describeError(error)}).`, { subject: file });
    }
    const definition = validateDefinition(raw, file);
    const expected = name.replace(ruleFile, '');
    if (definition.id !== expected) {
      throw new InputError(`${file}: the rule id "${definition.id}" must match the file name "${expected}".`, { subject: file });
    }
    rules.push(compileDeclarativeRule({ ...definition, pack: 'custom' }));
  }
  return rules;
}

/** Checks a parsed rule file field by field. */
export function validateDefinition(raw: unknown, file: string): DeclarativeRuleDefinition {
  const fail = (field: string, problem: string): never => {
    throw new InputError(`${file}: field "${field}" ${problem}.`, { subject: file });
  };
  if (!isObject(raw)) return fail('(root)', 'must be a mapping with the rule');
  for (const field of ['id', 'title', 'description', 'remediation'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') fail(field, 'is required and must be a non-empty string');
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(raw['id'] as string)) fail('id', 'must be lower-case words joined by hyphens');
  if (!severities.includes(raw['severity'] as never)) fail('severity', `must be one of ${severities.join(', ')}`);
  if (!areas.includes(raw['area'] as never)) fail('area', `must be one of ${areas.join(', ')}`);
  const criteria = raw['criteria'];
  if (!isObject(criteria)) return fail('criteria', 'is required: { primary: [CC6.1], secondary: [], basis: "…" }');
  for (const key of ['primary', 'secondary'] as const) {
    const ids = criteria[key];
    if (ids === undefined && key === 'secondary') continue;
    if (!Array.isArray(ids) || (key === 'primary' && ids.length === 0)) fail(`criteria.${key}`, 'must be a list of criterion ids');
    for (const id of ids as unknown[]) if (typeof id !== 'string' || !isTscId(id)) fail(`criteria.${key}`, `has "${String(id)}", which is not a Trust Services Criterion id`);
  }
  if (typeof criteria['basis'] !== 'string') fail('criteria.basis', 'must say why the rule maps to these criteria');
  const types = raw['resourceTypes'];
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string')) fail('resourceTypes', 'must be a non-empty list of Terraform resource types');
  validateCheck(raw['check'], 'check', fail);
  const messages = raw['messages'];
  if (!isObject(messages) || typeof messages['pass'] !== 'string' || typeof messages['fail'] !== 'string') fail('messages', 'must have "pass" and "fail" strings');
  return raw as unknown as DeclarativeRuleDefinition;
}

function validateCheck(check: unknown, field: string, fail: (field: string, problem: string) => never): asserts check is Check {
  if (!isObject(check)) return fail(field, 'must be a condition or { all: [...] } / { any: [...] }');
  for (const combinator of ['all', 'any'] as const) {
    if (combinator in check) {
      const list = check[combinator];
      if (!Array.isArray(list) || list.length === 0) fail(`${field}.${combinator}`, 'must be a non-empty list of checks');
      (list as unknown[]).forEach((c, i) => validateCheck(c, `${field}.${combinator}[${i}]`, fail));
      return;
    }
  }
  if (typeof check['path'] !== 'string' || !check['path'].startsWith('$')) fail(`${field}.path`, 'must be a JSONPath starting with "$"');
  const used = operators.filter((op) => op in check);
  if (used.length !== 1) fail(field, `must use exactly one of ${operators.join(', ')}`);
  if (typeof check['matches'] === 'string') {
    try {
      new RegExp(check['matches']);
    } catch {
      fail(`${field}.matches`, 'is not a valid regular expression');
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
