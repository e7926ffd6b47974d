import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { toJunit } from '@trustscan/reporters';
import { junitProblems } from '../../../testing/junit-validation.js';
import { hostileResult } from '../../../testing/report-results.js';
import { repositoryRoot, scanInsecurePlan } from './fixtures.js';

/** The attributes of every element with the tag, in document order. */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

describe('JUnit XML', () => {
  it('is valid against the common JUnit schema', async () => {
    expect(await junitProblems(toJunit(await scanInsecurePlan()))).toEqual([]);
  });

  it('the validator rejects what the schema forbids', async () => {
    expect((await junitProblems('<testsuites><testsuite name="x" tests="1"><testcase/></testsuite></testsuites>')).join('\n')).toMatch(/failures.*required|name.*required/);
  });

  it('has one test case per (rule, resource), failures with the message and location, and matching counts', async () => {
    const result = await scanInsecurePlan();
    const xml = toJunit(result);
    const pairs = new Set(result.findings.map((f) => `${f.ruleId}\n${f.resource.address}`));
    const cases = elements(xml, 'testcase');
    expect(cases.map((c) => `${(c['classname'] ?? '').replace(/^trustscan\./, '')}\n${c['name'] ?? ''}`).sort()).toEqual([...pairs].sort());
    const failing = new Set(result.findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId}\n${f.resource.address}`));
    expect(elements(xml, 'failure')).toHaveLength(failing.size);
    expect(elements(xml, 'testsuites')[0]).toMatchObject({ tests: String(pairs.size), failures: String(failing.size), errors: '0' });
    for (const suite of elements(xml, 'testsuite')) {
      const ruleCases = cases.filter((c) => c['classname'] === `trustscan.${suite['name'] ?? ''}`);
      expect(suite['tests']).toBe(String(ruleCases.length));
    }
    const iam = result.findings.find((f) => f.ruleId === 'aws-iam-policy-no-full-admin' && f.status === 'fail');
    expect(xml).toContain(`at ${iam?.location.file ?? ''}:${iam?.location.startLine ?? 0}`);
    expect(elements(xml, 'failure').map((f) => f['type'])).toContain(iam?.severity);
  });

  it('skips undecided, waived and baseline checks with the reason, and reports scan errors as errors', async () => {
    const result = await scan({
      targets: [
        { kind: 'path', path: path.join(repositoryRoot, 'examples/compliant/plan.json') },
        { kind: 'path', path: path.join(repositoryRoot, 'examples/insecure/plan.json') },
        { kind: 'path', path: path.join(repositoryRoot, 'missing.json') },
      ],
      rules,
      root: repositoryRoot,
      today: '2026-11-26',
      waivers: [{ rule: '*', resources: ['aws_db_instance.app'], reason: 'Replaced next quarter by Aurora.', owner: 'dba@acme.test', expires: '2027-01-31', source: { kind: 'config', file: 'c.yaml', line: 2 } }],
    });
    const xml = toJunit(result);
    expect(await junitProblems(xml)).toEqual([]);
    const skipped = elements(xml, 'skipped');
    expect(skipped.some((s) => s['type'] === 'unknown' && s['message']?.startsWith('Not determined: '))).toBe(result.summary.byStatus.unknown > 0);
    expect(skipped.some((s) => s['type'] === 'waived' && s['message']?.startsWith('Waived by dba@acme.test until 2027-01-31: Replaced next quarter by Aurora.'))).toBe(true);
    const errors = elements(xml, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.['type']).toBe('input-error');
    expect(elements(xml, 'testsuites')[0]?.['errors']).toBe('1');
  });

  it('escapes markup and drops characters XML cannot hold', async () => {
    const xml = toJunit(hostileResult(await scanInsecurePlan()));
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
