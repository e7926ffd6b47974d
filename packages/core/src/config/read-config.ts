import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { InputError, describeError } from '../model/errors.js';
import { areas, profiles, severities, type Severity } from '../model/rule.js';
import type { Waiver } from '../model/waiver.js';
import type { Target } from '../sources/target.js';
import { isTscId } from '../tsc/criteria.js';
import { ConfigError } from './config-error.js';
import { parseCadence, type Cadence, type EvidenceSettings, type OwnerRule, type RuleEntry, type RuleSelector, type RuleSettings, type SeverityOverride, type TrustscanConfig } from './config.js';
import { YamlFields, closest, join, type Entry } from './yaml-fields.js';

const topLevel = ['version', 'targets', 'tf-dir', 'variables', 'var-files', 'rules', 'profile', 'fail-on', 'fail-on-unknown', 'baseline', 'waivers', 'evidence', 'owners', 'sla'] as const;
/** The keys of the `rules` section that are not rule ids. */
export const ruleSectionKeys = ['directories', 'enable', 'disable', 'severity'] as const;
const waiverFields = ['rule', 'resource', 'resources', 'reason', 'owner', 'expires'] as const;
/** Short enough to reject "n/a" and "accepted", long enough for a real sentence. */
export const minimumWaiverReason = 10;

export interface ReadConfigOptions {
  /** How to name the file in errors and waiver sources, e.g. relative to the repository root. Defaults to `file`. */
  readonly displayPath?: string;
}

/** Reads and validates a config file; any mistake is a `ConfigError` naming the file, the line and the field. */
export async function readConfigFile(file: string, options: ReadConfigOptions = {}): Promise<TrustscanConfig> {
  const absolute = path.resolve(file);
  const shown = options.displayPath ?? file;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${shown}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : describeError(error)}).`, { subject: shown });
  }
  return parseConfig(text, absolute, shown);
}

/**
 * Validates the text of a config file. Relative paths in it are resolved against the file's directory, and waivers
 * remember their line so reports can point at them.
 */
export function parseConfig(text: string, file: string, displayPath: string = file): TrustscanConfig {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new ConfigError(displayPath, jsonErrorLine(text, error), '', `not valid JSON (${describeError(error)}).`);
    }
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const syntax = document.errors[0];
  if (syntax) {
    const problem = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? syntax.code;
    throw new ConfigError(displayPath, syntax.linePos?.[0].line ?? 1, '', `not valid YAML: ${problem}.`);
  }

  const fields = new YamlFields(displayPath, lines);
  const directory = path.dirname(file);
  const resolve = (p: string) => path.resolve(directory, p);
  const root = document.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return emptyConfig(file);
  const entries = fields.mapping(root, '', [...topLevel]);
  const value = (key: (typeof topLevel)[number]) => entries.get(key)?.value ?? null;
  const keyLine = (key: (typeof topLevel)[number]) => fields.line(entries.get(key)?.keyNode);

  if (entries.has('version')) {
    const version = value('version');
    if (!isScalar(version) || version.value !== 1) fields.fail(version, 'version', 'must be 1, the only config version so far', keyLine('version'));
  }

  const targets = entries.has('targets') ? readTargets(fields, value('targets'), keyLine('targets'), resolve) : undefined;
  const tfDir = entries.has('tf-dir') ? resolve(fields.string(value('tf-dir'), 'tf-dir', keyLine('tf-dir'))) : undefined;
  const baseline = entries.has('baseline') ? resolve(fields.string(value('baseline'), 'baseline', keyLine('baseline'))) : undefined;
  const profile = entries.has('profile') ? fields.oneOf(value('profile'), 'profile', profiles, keyLine('profile')) : undefined;
  const failOn = entries.has('fail-on') ? fields.oneOf(value('fail-on'), 'fail-on', [...severities, 'never'] as const, keyLine('fail-on')) : undefined;
  const failOnUnknown = entries.has('fail-on-unknown') ? fields.boolean(value('fail-on-unknown'), 'fail-on-unknown', keyLine('fail-on-unknown')) : undefined;

  return {
    file,
    ...(targets === undefined ? {} : { targets }),
    ...(tfDir === undefined ? {} : { tfDir }),
    variables: entries.has('variables') ? readVariables(fields, value('variables'), keyLine('variables')) : [],
    varFiles: fields.list(value('var-files'), 'var-files', keyLine('var-files')).map((node, i) => resolve(fields.string(node, `var-files[${i}]`))),
    rules: entries.has('rules') ? readRuleSettings(fields, value('rules'), keyLine('rules'), resolve) : { directories: [], disable: [], severity: [] },
    ...(profile === undefined ? {} : { profile }),
    ...(failOn === undefined ? {} : { failOn }),
    ...(failOnUnknown === undefined ? {} : { failOnUnknown }),
    ...(baseline === undefined ? {} : { baseline }),
    waivers: fields.list(value('waivers'), 'waivers', keyLine('waivers')).map((node, i) => readWaiver(fields, node, `waivers[${i}]`)),
    ...(entries.has('evidence') ? { evidence: readEvidenceSettings(fields, value('evidence'), keyLine('evidence'), resolve) } : {}),
    ...(entries.has('owners') ? { owners: fields.list(value('owners'), 'owners', keyLine('owners')).map((node, i) => readOwnerRule(fields, node, `owners[${i}]`)) } : {}),
    ...(entries.has('sla') ? { sla: readSla(fields, value('sla'), keyLine('sla')) } : {}),
  };
}

const ownerFields = ['owner', 'resources', 'paths', 'tags', 'targets'] as const;

/** `{ owner, resources, paths, tags, targets }`: who fixes the findings matching any of the lists. */
function readOwnerRule(fields: YamlFields, node: Node, field: string): OwnerRule {
  const line = fields.line(node);
  const entries = fields.mapping(node, field, [...ownerFields], line);
  const at = (key: (typeof ownerFields)[number]) => ({ value: entries.get(key)?.value ?? null, line: fields.line(entries.get(key)?.keyNode, line) });
  if (!entries.has('owner')) fields.fail(node, join(field, 'owner'), 'is required: the person or team who fixes what this entry matches', line);
  const owner = fields.string(at('owner').value, join(field, 'owner'), at('owner').line);
  if (!['resources', 'paths', 'tags', 'targets'].some((key) => entries.has(key))) {
    fields.fail(node, field, 'must say what the owner answers for: resources, paths, tags or targets (use resources: ["*"] for everything else)', line);
  }
  const list = (key: 'resources' | 'paths' | 'targets') => (entries.has(key) ? { [key]: fields.strings(at(key).value, join(field, key), at(key).line) } : {});
  let tags: Record<string, string> | undefined;
  if (entries.has('tags')) {
    tags = {};
    const pairs = fields.namedEntries(at('tags').value, join(field, 'tags'), 'tag names to values', at('tags').line);
    if (pairs.length === 0) fields.fail(at('tags').value, join(field, 'tags'), 'must name at least one tag', at('tags').line);
    for (const pair of pairs) {
      const tagValue = pair.value;
      const text = isScalar(tagValue) && (typeof tagValue.value === 'string' || typeof tagValue.value === 'number' || typeof tagValue.value === 'boolean') ? String(tagValue.value) : undefined;
      if (text === undefined) fields.fail(pair.keyNode, join(join(field, 'tags'), pair.key), 'must be a tag value (text)');
      tags[pair.key] = text;
    }
  }
  return { owner, ...list('resources'), ...list('paths'), ...(tags ? { tags } : {}), ...list('targets'), source: { file: fields.file, line } };
}

/** `sla: { critical: 7, high: 30, medium: 90, low: 180 }`: days to fix a failing check, by severity. */
function readSla(fields: YamlFields, node: Node | null, line: number): Partial<Record<Severity, number>> {
  const entries = fields.mapping(node, 'sla', severities, line);
  const sla: Partial<Record<Severity, number>> = {};
  for (const [key, entry] of entries) {
    const days = isScalar(entry.value) ? entry.value.value : undefined;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3650) {
      fields.fail(entry.value, `sla.${key}`, 'must be a whole number of days from 1 to 3650', fields.line(entry.keyNode));
    }
    sla[key as Severity] = days;
  }
  return sla;
}

/** `evidence: { store, key, retain-days, cadence }`; a directory store and the key file are relative to the config file. */
function readEvidenceSettings(fields: YamlFields, node: Node | null, line: number, resolve: (p: string) => string): EvidenceSettings {
  const entries = fields.mapping(node, 'evidence', ['store', 'key', 'retain-days', 'cadence'], line);
  const at = (key: string) => ({ value: entries.get(key)?.value ?? null, line: fields.line(entries.get(key)?.keyNode, line) });
  let store: string | undefined;
  if (entries.has('store')) {
    const { value: storeNode, line: storeLine } = at('store');
    const text = fields.string(storeNode, 'evidence.store', storeLine);
    if (text.startsWith('s3://') && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(text)) {
      fields.fail(storeNode, 'evidence.store', `"${text}" is not an S3 location; write s3://bucket/prefix`, storeLine);
    }
    store = text.startsWith('s3://') ? text : resolve(text);
  }
  const key = entries.has('key') ? resolve(fields.string(at('key').value, 'evidence.key', at('key').line)) : undefined;
  let retainDays: number | undefined;
  if (entries.has('retain-days')) {
    const { value: daysNode, line: daysLine } = at('retain-days');
    const days = isScalar(daysNode) ? daysNode.value : undefined;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 36_500) {
      fields.fail(daysNode, 'evidence.retain-days', 'must be a whole number of days from 1 to 36500', daysLine);
    }
    retainDays = days;
  }
  let cadence: Cadence | undefined;
  if (entries.has('cadence')) {
    const { value: cadenceNode, line: cadenceLine } = at('cadence');
    cadence = isScalar(cadenceNode) && typeof cadenceNode.value === 'string' ? parseCadence(cadenceNode.value) : undefined;
    if (!cadence) fields.fail(cadenceNode, 'evidence.cadence', 'must be how often scans run, as a number and h, d or w, e.g. 1d, 12h or 1w', cadenceLine);
  }
  return {
    ...(store === undefined ? {} : { store }),
    ...(key === undefined ? {} : { key }),
    ...(retainDays === undefined ? {} : { retainDays }),
    ...(cadence === undefined ? {} : { cadence }),
  };
}

function emptyConfig(file: string): TrustscanConfig {
  return { file, variables: [], varFiles: [], rules: { directories: [], disable: [], severity: [] }, waivers: [] };
}

function readTargets(fields: YamlFields, node: Node | null, line: number, resolve: (p: string) => string): Target[] {
  const items = fields.list(node, 'targets', line);
  if (items.length === 0) fields.fail(node, 'targets', 'must list at least one target (a path, aws or azure)', line);
  return items.map((item, index): Target => {
    const field = `targets[${index}]`;
    if (isScalar(item)) return { kind: 'path', path: resolve(fields.string(item, field)) };
    const entries = fields.mapping(item, field, ['path', 'aws', 'azure']);
    if (entries.size !== 1) fields.fail(item, field, 'must name one target: path, aws or azure');
    const [entry] = [...entries.values()];
    if (!entry) return fields.fail(item, field, 'must name one target: path, aws or azure');
    const at = join(field, entry.key);
    const options = entry.value;
    const optionsLine = fields.line(entry.keyNode);
    if (entry.key === 'path') return { kind: 'path', path: resolve(fields.string(options, at, optionsLine)) };
    // `aws: true` and `aws: {}` both mean "the default account and region".
    const settings: Map<string, Entry> =
      options === null || (isScalar(options) && options.value === true)
        ? new Map()
        : fields.mapping(options, at, entry.key === 'aws' ? ['regions', 'profile', 'aggregator'] : ['subscriptions', 'resource-graph'], optionsLine);
    const get = (key: string) => settings.get(key)?.value ?? null;
    if (entry.key === 'aws') {
      return {
        kind: 'aws',
        ...(settings.has('regions') ? { regions: fields.strings(get('regions'), join(at, 'regions'), optionsLine) } : {}),
        ...(settings.has('profile') ? { profile: fields.string(get('profile'), join(at, 'profile'), optionsLine) } : {}),
        ...(settings.has('aggregator') ? { aggregator: fields.string(get('aggregator'), join(at, 'aggregator'), optionsLine) } : {}),
      };
    }
    return {
      kind: 'azure',
      ...(settings.has('subscriptions') ? { subscriptions: fields.strings(get('subscriptions'), join(at, 'subscriptions'), optionsLine) } : {}),
      ...(settings.has('resource-graph') ? { resourceGraph: fields.boolean(get('resource-graph'), join(at, 'resource-graph'), optionsLine) } : {}),
    };
  });
}

const variableName = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Variables become `-var` text: strings as they are, other values as HCL literals (JSON is valid HCL). */
function readVariables(fields: YamlFields, node: Node | null, line: number): [string, string][] {
  return fields.namedEntries(node, 'variables', 'variable names to values', line).map(({ key, keyNode, value }) => {
    const field = join('variables', key);
    if (!variableName.test(key)) fields.fail(keyNode, field, 'is not a Terraform variable name');
    if (value === null || (isScalar(value) && value.value === null)) fields.fail(keyNode, field, 'needs a value');
    const json: unknown = value.toJSON();
    return [key, typeof json === 'string' ? json : JSON.stringify(json)];
  });
}

function readRuleSettings(fields: YamlFields, node: Node | null, line: number, resolve: (p: string) => string): RuleSettings {
  // Besides its fixed keys, the section takes rule ids, each with that rule's settings; ids are checked once rules load.
  const all = fields.namedEntries(node, 'rules', `${ruleSectionKeys.join(', ')} and rule ids`, line);
  const entries = new Map(all.filter((e) => (ruleSectionKeys as readonly string[]).includes(e.key)).map((e) => [e.key, e]));
  const at = (key: string) => ({ value: entries.get(key)?.value ?? null, line: fields.line(entries.get(key)?.keyNode) });
  const selectors = (key: 'enable' | 'disable') => {
    const { value, line: keyLine } = at(key);
    return fields.list(value, `rules.${key}`, keyLine).map((item, i) => readSelector(fields, item, `rules.${key}[${i}]`));
  };
  const severity: SeverityOverride[] = [];
  if (entries.has('severity')) {
    const { value, line: keyLine } = at('severity');
    for (const entry of fields.namedEntries(value, 'rules.severity', 'rule selectors to severities', keyLine)) {
      const field = `rules.severity.${entry.key}`;
      severity.push({
        selector: readSelector(fields, entry.keyNode, field),
        severity: fields.oneOf<Severity>(entry.value, field, severities, fields.line(entry.keyNode)),
      });
    }
  }
  const ruleEntries = all.filter((e) => !(ruleSectionKeys as readonly string[]).includes(e.key)).map((e) => readRuleEntry(fields, e, severity));
  const directories = at('directories');
  return {
    directories: fields.list(directories.value, 'rules.directories', directories.line).map((item, i) => resolve(fields.string(item, `rules.directories[${i}]`))),
    ...(entries.has('enable') ? { enable: selectors('enable') } : {}),
    disable: selectors('disable'),
    severity,
    ...(ruleEntries.length > 0 ? { entries: ruleEntries } : {}),
  };
}

/**
 * `<rule-id>: { <option>: <value>, severity: LEVEL, enabled: BOOL }`. A severity becomes an override for the exact
 * id (which wins over globs); option values are kept as written and checked against the rule's schema later.
 */
function readRuleEntry(fields: YamlFields, entry: Entry, severity: SeverityOverride[]): RuleEntry {
  const field = join('rules', entry.key);
  const source = { file: fields.file, line: fields.line(entry.keyNode) };
  if (/\s|:/.test(entry.key)) fields.fail(entry.keyNode, field, `"${entry.key}" is not a rule id; ids have no spaces or colons`);
  const guess = closest(entry.key, ruleSectionKeys);
  if (guess && !isMap(entry.value)) fields.fail(entry.keyNode, field, `unknown setting; did you mean "${guess}"?`);
  const settings = fields.namedEntries(entry.value, field, 'rule options (and severity or enabled)', source.line);
  let enabled: boolean | undefined;
  const options = [];
  for (const setting of settings) {
    const at = join(field, setting.key);
    const keyLine = fields.line(setting.keyNode);
    if (setting.key === 'severity') {
      const level = fields.oneOf<Severity>(setting.value, at, severities, keyLine);
      severity.push({ selector: { kind: 'id', pattern: entry.key, text: entry.key, source: { file: fields.file, line: keyLine } }, severity: level });
    } else if (setting.key === 'enabled') {
      enabled = fields.boolean(setting.value, at, keyLine);
    } else {
      if (setting.value === null || (isScalar(setting.value) && setting.value.value === null)) fields.fail(setting.keyNode, at, 'needs a value');
      options.push({ name: setting.key, value: setting.value.toJSON() as unknown, source: { file: fields.file, line: keyLine } });
    }
  }
  return { ruleId: entry.key, source, options, ...(enabled === undefined ? {} : { enabled }) };
}

function readSelector(fields: YamlFields, node: Node, field: string): RuleSelector {
  const text = isScalar(node) && typeof node.value === 'number' ? String(node.value) : fields.string(node, field);
  const source = { file: fields.file, line: fields.line(node) };
  const colon = text.indexOf(':');
  if (colon < 0) {
    if (/\s/.test(text)) fields.fail(node, field, `"${text}" is not a rule id; ids have no spaces`);
    return { kind: 'id', pattern: text, text, source };
  }
  const kind = text.slice(0, colon);
  const name = text.slice(colon + 1).trim();
  if (kind === 'area') {
    if (!areas.includes(name as (typeof areas)[number])) fields.fail(node, field, `unknown area "${name}"; the areas are ${areas.join(', ')}`);
    return { kind: 'area', area: name as (typeof areas)[number], text, source };
  }
  if (kind === 'severity') {
    if (!severities.includes(name as Severity)) fields.fail(node, field, `unknown severity "${name}"; use ${severities.join(', ')}`);
    return { kind: 'severity', severity: name as Severity, text, source };
  }
  if (kind === 'criterion') {
    if (!isTscId(name)) fields.fail(node, field, `unknown Trust Services Criterion "${name}", e.g. CC6.1`);
    return { kind: 'criterion', criterion: name, text, source };
  }
  return fields.fail(node, field, `"${text}" is not a rule selector; write a rule id or glob, area:NAME, severity:LEVEL or criterion:ID`);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function readWaiver(fields: YamlFields, node: Node, field: string): Waiver {
  const line = fields.line(node);
  const entries = fields.mapping(node, field, [...waiverFields], line);
  const value = (key: (typeof waiverFields)[number]) => entries.get(key)?.value ?? null;
  const keyLine = (key: (typeof waiverFields)[number]) => fields.line(entries.get(key)?.keyNode, line);
  const required = (key: (typeof waiverFields)[number], why: string) => {
    if (!entries.has(key)) fields.fail(node, join(field, key), `is required: ${why}`, line);
    return fields.string(value(key), join(field, key), keyLine(key));
  };

  const rule = required('rule', 'the rule id (or a glob such as aws-s3-*) the waiver covers');
  if (entries.has('resource') && entries.has('resources')) fields.fail(node, join(field, 'resources'), 'give either resource or resources, not both', line);
  if (!entries.has('resource') && !entries.has('resources')) {
    fields.fail(node, join(field, 'resource'), 'is required: the Terraform address, ARN or Azure resource id (globs allowed) the waiver covers', line);
  }
  const resourceKey = entries.has('resource') ? 'resource' : 'resources';
  const resources = fields.strings(value(resourceKey), join(field, resourceKey), keyLine(resourceKey));

  const reason = required('reason', `why the risk is accepted, at least ${minimumWaiverReason} characters`);
  if (reason.length < minimumWaiverReason) {
    fields.fail(value('reason'), join(field, 'reason'), `"${reason}" is too short; say why the risk is accepted in at least ${minimumWaiverReason} characters`, keyLine('reason'));
  }
  const owner = required('owner', 'who answers for the accepted risk (a person or team)');
  if (!entries.has('expires')) fields.fail(node, join(field, 'expires'), 'is required: the last day the waiver applies, as YYYY-MM-DD', line);
  const expiresNode = value('expires');
  const expires = isScalar(expiresNode) && (typeof expiresNode.value === 'string' || typeof expiresNode.value === 'number') ? String(expiresNode.value).trim() : '';
  if (!isoDate.test(expires) || !isCalendarDate(expires)) {
    fields.fail(expiresNode, join(field, 'expires'), `${expires === '' ? 'needs a date' : `"${expires}" is not a date`}; write it as YYYY-MM-DD, e.g. 2030-01-31`, keyLine('expires'));
  }

  return { rule, resources, reason, owner, expires, source: { kind: 'config', file: fields.file, line } };
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The line of a `JSON.parse` error, from the position V8 puts in its message. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
}
