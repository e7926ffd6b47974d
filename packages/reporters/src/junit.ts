import { ruleDocsUrl, type Finding, type RuleMeta, type ScanResult, visibleText } from '@trustscan/core';
import { placeOf, resourceOf } from './readiness.js';

export interface JunitOptions {
  /** ISO timestamp for the `timestamp` attribute of each suite; omitted when not given, so output is reproducible. */
  readonly timestamp?: string;
}

/** When one rule reports several verdicts on one resource, the test case takes the most telling status. */
const precedence: readonly Finding['status'][] = ['fail', 'baseline', 'unknown', 'waived', 'pass'];

/**
 * JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure Pipelines, test-reporter actions): one
 * suite per rule and one test case per (rule, resource). Failures carry the message, location and criteria;
 * unknown, waived and baseline checks are skipped with the reason; scan errors are errors of a `trustscan` suite.
 * Valid against the common `junit-10.xsd` schema.
 */
export function toJunit(result: ScanResult, options: JunitOptions = {}): string {
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const byRule = new Map<string, Map<string, Finding[]>>();
  for (const finding of result.findings) {
    let resources = byRule.get(finding.ruleId);
    if (!resources) byRule.set(finding.ruleId, (resources = new Map()));
    // Addresses are unique within one target only: two stacks may both have `aws_s3_bucket.this`.
    const key = `${finding.target ?? ''}\u0000${resourceOf(finding)}`;
    const list = resources.get(key);
    if (list) list.push(finding);
    else resources.set(key, [finding]);
  }

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const errorNotifications = result.notifications.filter((n) => n.level === 'error');
  if (errorNotifications.length > 0) {
    const cases = errorNotifications.map(
      (n) => `    <testcase name="${attribute(n.subject ?? n.code)}" classname="trustscan.scan" time="0">\n      <error type="${attribute(n.code)}" message="${attribute(n.message)}">${text(n.message)}</error>\n    </testcase>`,
    );
    suites.push(suite('trustscan scan', { tests: cases.length, failures: 0, errors: cases.length, skipped: 0 }, [], cases, options));
    tests += cases.length;
    errors += cases.length;
  }

  for (const ruleId of [...byRule.keys()].sort()) {
    const rule = rules.get(ruleId);
    const resources = byRule.get(ruleId) ?? new Map<string, Finding[]>();
    const cases: string[] = [];
    let suiteFailures = 0;
    let skipped = 0;
    for (const key of [...resources.keys()].sort()) {
      const findings = resources.get(key) ?? [];
      const [target, resource = ''] = key.split('\u0000');
      const name = result.targets.length > 1 && target ? `${resource} [${target}]` : resource;
      const status = precedence.find((s) => findings.some((f) => f.status === s)) ?? 'pass';
      const body = testCaseBody(status, findings, rule);
      if (status === 'fail') suiteFailures++;
      else if (status !== 'pass') skipped++;
      cases.push(`    <testcase name="${attribute(name)}" classname="${attribute(`trustscan.${ruleId}`)}" time="0"${body === '' ? ' />' : `>\n${body}\n    </testcase>`}`);
    }
    const properties: [string, string][] = rule
      ? [
          ['title', rule.title],
          ['severity', rule.severity],
          ['area', rule.area],
          ['criteria', [...rule.criteria.primary, ...(rule.criteria.secondary ?? [])].join(', ')],
        ]
      : [];
    suites.push(suite(ruleId, { tests: cases.length, failures: suiteFailures, errors: 0, skipped }, properties, cases, options));
    tests += cases.length;
    failures += suiteFailures;
  }

  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${attribute(result.tool.name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}

function suite(
  name: string,
  counts: { tests: number; failures: number; errors: number; skipped: number },
  properties: readonly (readonly [string, string])[],
  cases: readonly string[],
  options: JunitOptions,
): string {
  const timestamp = options.timestamp === undefined ? '' : ` timestamp="${attribute(options.timestamp)}"`;
  const props = properties.length === 0 ? '' : `    <properties>\n${properties.map(([n, v]) => `      <property name="${attribute(n)}" value="${attribute(v)}" />`).join('\n')}\n    </properties>\n`;
  return `  <testsuite name="${attribute(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0"${timestamp}>\n${props}${cases.join('\n')}\n  </testsuite>`;
}

function testCaseBody(status: Finding['status'], findings: readonly Finding[], rule: RuleMeta | undefined): string {
  const relevant = findings.filter((f) => f.status === status);
  const first = relevant[0];
  if (status === 'pass' || !first) return '';
  const message = relevant.map((f) => f.message).join(' ');
  if (status === 'fail') {
    const lines = relevant.flatMap((f) => [`${f.message}`, `  at ${placeOf(f)}`]);
    lines.push('', `Severity: ${first.severity}. SOC 2 criteria: ${first.tsc.join(', ')}.`);
    if (rule && rule.pack !== 'custom') lines.push(`How to fix: ${ruleDocsUrl(rule.id)}`);
    return `      <failure type="${attribute(first.severity)}" message="${attribute(message)}">${text(lines.join('\n'))}</failure>`;
  }
  const reason =
    status === 'unknown'
      ? `Not determined: ${message}`
      : status === 'baseline'
        ? `Known failure recorded in the baseline: ${message}`
        : `Waived${first.waiver?.owner ? ` by ${first.waiver.owner}` : ''}${first.waiver?.expires ? ` until ${first.waiver.expires}` : ''}: ${first.waiver?.reason ?? message}`;
  return `      <skipped type="${status}" message="${attribute(reason)}" />`;
}

/** Characters XML 1.0 does not allow at all; dropped rather than escaped. */
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return visibleText(value.replace(invalidXml, ''), true).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value: also quotes, and line breaks and tabs as references so parsers keep them. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
