/**
 * Validates SARIF the way GitHub will judge it: the SARIF 2.1.0 JSON schema (ajv), Microsoft's SARIF Multitool
 * with the GitHub ingestion rules (`testing/sarif/github-ingestion.xml`; the multitool exits 0 even when rules
 * fire, so its output log is read), and the limits neither checks (sarif.md section 3.4).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const multitool = require('@microsoft/sarif-multitool') as string;
const schema = JSON.parse(readFileSync(path.join(path.dirname(multitool), 'sarif-2.1.0.json'), 'utf8')) as object;
const policy = path.join(here, 'sarif', 'github-ingestion.xml');

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(schema);

/** Every problem found in a SARIF text; an empty list means GitHub code scanning accepts it. */
export function sarifProblems(text: string): string[] {
  const log = JSON.parse(text) as SarifLog;
  const problems: string[] = [];
  if (!validateSchema(log)) {
    for (const error of validateSchema.errors ?? []) problems.push(`schema: ${error.instancePath} ${error.message ?? ''}`);
    return problems; // The multitool silently skips schema-invalid files, so stop here.
  }
  problems.push(...multitoolProblems(text), ...limitProblems(log, text));
  return problems;
}

function multitoolProblems(text: string): string[] {
  const directory = mkdtempSync(path.join(tmpdir(), 'trustscan-sarif-'));
  try {
    const input = path.join(directory, 'input.sarif');
    const output = path.join(directory, 'validation.sarif');
    writeFileSync(input, text);
    execFileSync(multitool, ['validate', input, '--config', policy, '--output', output, '--log', 'ForceOverwrite', '--quiet', 'true', '--rule-kind', 'Sarif;Ghas'], {
      stdio: 'pipe',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    const report = JSON.parse(readFileSync(output, 'utf8')) as SarifLog;
    const problems: string[] = [];
    for (const run of report.runs) {
      for (const result of run.results ?? []) {
        if ((result.level ?? 'warning') === 'error') problems.push(`multitool ${result.ruleId ?? ''}: ${result.message?.text ?? result.message?.id ?? ''}`);
      }
      for (const invocation of run.invocations ?? []) {
        if (invocation.executionSuccessful === false) problems.push('multitool: execution was not successful');
        for (const n of invocation.toolExecutionNotifications ?? []) if (n.level === 'error') problems.push(`multitool notification: ${n.message?.text ?? ''}`);
      }
    }
    return problems;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** GitHub's own rules that the schema and the multitool do not check. */
function limitProblems(log: SarifLog, text: string): string[] {
  const problems: string[] = [];
  if (log.runs.length !== 1) problems.push(`expected one run per file, got ${log.runs.length}`);
  if (gzipSync(text).length > 10 * 1024 * 1024) problems.push('larger than 10 MB after gzip');
  for (const run of log.runs) {
    const id = run.automationDetails?.id ?? '';
    if (!id.endsWith('/')) problems.push(`automationDetails.id "${id}" must end with "/"`);
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > 25_000) problems.push('more than 25,000 rules');
    if ((run.results ?? []).length > 25_000) problems.push('more than 25,000 results');
    if (new Set(rules.map((r) => r.id)).size !== rules.length) problems.push('duplicate rule ids');
    for (const rule of rules) {
      const tags = rule.properties?.tags ?? [];
      if (tags.length > 10) problems.push(`rule ${rule.id}: ${tags.length} tags (at most 10)`);
      const severity = rule.properties?.['security-severity'];
      if (typeof severity !== 'string' || !/^\d+(\.\d+)?$/.test(severity) || Number(severity) <= 0 || Number(severity) > 10) problems.push(`rule ${rule.id}: security-severity ${String(severity)} is not a numeric string in (0, 10]`);
      if ((rule.name ?? '').length > 255) problems.push(`rule ${rule.id}: name longer than 255`);
      for (const field of ['shortDescription', 'fullDescription'] as const) if ((rule[field]?.text ?? '').length > 1024) problems.push(`rule ${rule.id}: ${field} longer than 1024`);
      if (!rule.help?.text) problems.push(`rule ${rule.id}: no help.text`);
    }
    const ruleIds = new Set(rules.map((r) => r.id));
    const withSuppressions = (run.results ?? []).filter((r) => r.suppressions !== undefined).length;
    if (withSuppressions !== 0 && withSuppressions !== (run.results ?? []).length) problems.push('suppressions must be on every result or on none');
    for (const [index, result] of (run.results ?? []).entries()) {
      const where = `result ${index} (${result.ruleId ?? ''})`;
      if (!result.ruleId || !ruleIds.has(result.ruleId)) problems.push(`${where}: ruleId not among the rules`);
      if (!result.message?.text) problems.push(`${where}: empty message.text`);
      if (result.kind !== undefined && result.kind !== 'fail') problems.push(`${where}: kind "${result.kind}"`);
      if (result.locations?.length !== 1) problems.push(`${where}: needs exactly one location`);
      const physical = result.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri ?? '';
      if (!uri || uri.startsWith('/') || uri.startsWith('./') || uri.includes('\\') || uri.split('/').includes('..') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) problems.push(`${where}: uri "${uri}" is not a clean relative path`);
      if (physical?.artifactLocation?.uriBaseId !== '%SRCROOT%') problems.push(`${where}: uriBaseId must be %SRCROOT%`);
      const region = physical?.region;
      for (const field of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
        if (typeof region?.[field] !== 'number' || (region[field] ?? 0) < 1) problems.push(`${where}: region.${field} missing`);
      }
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push(`${where}: no partialFingerprints`);
    }
  }
  return problems;
}

interface SarifLog {
  runs: {
    tool: { driver: { rules?: { id: string; name?: string; shortDescription?: { text?: string }; fullDescription?: { text?: string }; help?: { text?: string }; properties?: { tags?: string[]; 'security-severity'?: unknown } }[] } };
    automationDetails?: { id?: string };
    results?: {
      ruleId?: string;
      level?: string;
      kind?: string;
      message?: { text?: string; id?: string };
      suppressions?: unknown[];
      partialFingerprints?: Record<string, string>;
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: Record<'startLine' | 'startColumn' | 'endLine' | 'endColumn', number | undefined> } }[];
    }[];
    invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: { level?: string; message?: { text?: string } }[] }[];
  }[];
}
