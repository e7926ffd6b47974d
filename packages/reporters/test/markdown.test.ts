import { describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { escapeMarkdown, markdownCode, toMarkdown } from '@trustscan/reporters';
import path from 'node:path';
import { hostile, hostileResult, largeResult } from '../../../testing/report-results.js';
import { repositoryRoot, scanInsecurePlan } from './fixtures.js';

/** Table rows of a Markdown text, split on the pipes that are not escaped. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.slice(2, -2).split(/(?<!\\) \| /));
}

/** The Markdown without code blocks and code spans, whose content renders literally. */
function prose(markdown: string): string {
  // A code span closes with a backtick run as long as the one that opened it (CommonMark 6.1).
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** HTML tags in the Markdown that GitHub would render as HTML (everything but the few the report uses). */
function rawTags(markdown: string): string[] {
  return (prose(markdown).match(/<\/?[A-Za-z][^>]*>/g) ?? []).filter((tag) => !/^<\/?(details|summary|sub)>$/.test(tag));
}

describe('Markdown summary', () => {
  it('puts the verdict first, then each criterion in scope with counts and a plain status', async () => {
    const result = await scanInsecurePlan();
    const markdown = toMarkdown(result, { date: '2026-11-26' });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## SOC 2 readiness: trustscan scan');
    expect(markdown).toContain(`❌ **${result.summary.byStatus.fail} failing checks need attention**`);
    expect(markdown).toContain('on 2026-11-26');
    const criteriaRows = tableRows(markdown.slice(markdown.indexOf('### Trust Services Criteria in scope'), markdown.indexOf('### Failing checks')));
    expect(criteriaRows[0]).toEqual(['Criterion', 'Status', 'Controls', 'Resources', 'Pass', 'Fail', 'Not determined', 'Waived', 'Baseline']);
    expect(criteriaRows).toHaveLength(result.summary.criteria.length + 2);
    for (const criterion of result.summary.criteria) {
      const row = criteriaRows.find((r) => r[0]?.startsWith(`**${criterion.id}**`));
      expect(row?.slice(2).map(Number)).toEqual([criterion.rules, criterion.resources, criterion.pass, criterion.fail, criterion.unknown, criterion.waived, criterion.baseline]);
      expect(row?.[1]).toBe(criterion.fail > 0 ? '❌ Gaps found' : criterion.unknown > 0 ? '⚠️ Not determined' : '✅ No gaps found');
    }
  });

  it('lists every failing finding once, under its primary criterion and severity, with resource, location and fix', async () => {
    const result = await scanInsecurePlan();
    const markdown = toMarkdown(result);
    const failing = result.findings.filter((f) => f.status === 'fail');
    const section = markdown.slice(markdown.indexOf(`### Failing checks (${failing.length})`), markdown.indexOf('### Not evaluated'));
    const rows = tableRows(section).filter((r) => r[0] !== 'Resource' && r[0] !== '---');
    expect(rows).toHaveLength(failing.length);
    for (const finding of failing) {
      const heading = section.indexOf(`#### ${finding.tsc[0] ?? ''} · `);
      expect(heading).toBeGreaterThanOrEqual(0);
      const line = `${finding.location.file}:${finding.location.startLine}`;
      expect(rows.some((r) => r[0]?.includes(finding.resource.address) && r[1]?.includes(line))).toBe(true);
    }
    // Criteria in catalogue order, and within one, the most severe control first.
    const headings = [...section.matchAll(/^#### (\S+) · /gm)].map((m) => m[1]);
    expect(headings).toEqual([...new Set(failing.map((f) => f.tsc[0]))].sort((a, b) => result.summary.criteria.findIndex((c) => c.id === a) - result.summary.criteria.findIndex((c) => c.id === b)));
    for (const ruleId of new Set(failing.map((f) => f.ruleId))) {
      const rule = result.rules.find((r) => r.id === ruleId);
      expect(section).toContain(rule?.remediation.trim().split('\n')[0]);
    }
    expect(section.match(/<details><summary>How to fix<\/summary>/g)).toHaveLength(new Set(failing.map((f) => f.ruleId)).size);
  });

  it('says what was not evaluated and why, and shows waivers with owner, expiry and state', async () => {
    const result = await scan({
      targets: [{ kind: 'path', path: path.join(repositoryRoot, 'examples/compliant/plan.json') }, { kind: 'path', path: path.join(repositoryRoot, 'no/such/plan.json') }],
      rules,
      root: repositoryRoot,
      today: '2026-11-26',
      waivers: [
        { rule: 'aws-s3-bucket-tls-only', resources: ['module.reports.*'], reason: 'Only reached through a VPC endpoint policy.', owner: 'platform@acme.test', expires: '2027-03-31', source: { kind: 'config', file: 'trustscan.config.yaml', line: 4 } },
        { rule: 'aws-rds-*', resources: ['aws_db_instance.legacy'], reason: 'Legacy database, removed in Q1.', owner: 'dba@acme.test', expires: '2026-01-31', source: { kind: 'config', file: 'trustscan.config.yaml', line: 10 } },
      ],
    });
    const markdown = toMarkdown(result);
    const notEvaluated = markdown.slice(markdown.indexOf('### Not evaluated, and why'), markdown.indexOf('### Waivers'));
    expect(notEvaluated).toMatch(/\| error \| `[^`]*no\/such\/plan\.json` \|/);
    expect(notEvaluated).toContain('cannot read it (no such file or directory)');
    expect(notEvaluated).toContain('| warning | `trustscan.config.yaml:10` |');
    const waivers = tableRows(markdown.slice(markdown.indexOf('### Waivers (2)')));
    expect(waivers[0]).toEqual(['Control', 'Resources', 'Reason', 'Owner', 'Expires', 'State', 'Waived', 'Written at']);
    expect(waivers.slice(2, 4).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['`aws-rds-*`', '`dba@acme.test`', '2026-01-31', '⚠️ Expired'],
      ['`aws-s3-bucket-tls-only`', '`platform@acme.test`', '2027-03-31', result.waivers.find((w) => w.rule === 'aws-s3-bucket-tls-only')?.matched ? 'Active' : '⚠️ Stale (matches nothing)'],
    ]);
  });

  it('escapes everything it interpolates, so hostile text renders as text', async () => {
    const markdown = toMarkdown(hostileResult(await scanInsecurePlan()));
    const tags = rawTags(markdown);
    expect(tags, markdown.slice(markdown.indexOf(tags[0] ?? '') - 200, markdown.indexOf(tags[0] ?? '') + 50)).toEqual([]);
    expect(prose(markdown)).not.toMatch(/(?<!\\)\]\(javascript:/);
    // In table cells hostile text is literal: emphasis escaped, mentions only inside code spans.
    const cells = tableRows(markdown).flat();
    expect(cells.some((cell) => cell.includes('\\*\\*bold\\*\\*'))).toBe(true);
    expect(cells.some((cell) => prose(cell).includes('**bold**'))).toBe(false);
    expect(prose(markdown)).not.toMatch(/@[A-Za-z]/);
    // Every table keeps its column count on every row.
    const tables = markdown.split(/\n\n/).filter((block) => block.startsWith('| '));
    for (const table of tables) {
      const counts = tableRows(table).map((r) => r.length);
      expect(new Set(counts).size).toBe(1);
    }
    expect(escapeMarkdown(hostile)).toBe(
      '&lt;script&gt;alert("x")&lt;/script&gt; \\| \\*\\*bold\\*\\* \\_em\\_ \\`tick\\` \\[link\\](javascript:alert(1)) &amp; &amp;amp; \\\\u0007 @\u2060team second line',
    );
    expect(escapeMarkdown('aws_s3_bucket.logs')).toBe('aws_s3_bucket.logs');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
  });

  it('fits a pull-request comment on a large estate, shortening lists and keeping the most severe findings', async () => {
    const base = await scanInsecurePlan();
    const large = largeResult(base, 400);
    expect(large.summary.byStatus.fail).toBeGreaterThan(3000);
    const markdown = toMarkdown(large);
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain(`**${large.summary.byStatus.fail} failing checks need attention**`);
    expect(markdown).toMatch(/not listed here; see the SARIF, JSON or HTML report/);
    // The criteria table is never shortened.
    expect(tableRows(markdown.slice(0, markdown.indexOf('### Failing checks')))).toHaveLength(large.summary.criteria.length + 2);
    const mostSevere = large.findings.filter((f) => f.status === 'fail').sort((a, b) => ['critical', 'high', 'medium', 'low'].indexOf(a.severity) - ['critical', 'high', 'medium', 'low'].indexOf(b.severity))[0];
    expect(markdown).toContain(mostSevere?.resource.address);

    const tiny = toMarkdown(large, { maxLength: 3000 });
    expect(tiny.length).toBeLessThanOrEqual(3000);
    expect(tiny.trimEnd().endsWith('*The rest of this summary was cut to fit; see the SARIF, JSON or HTML report.*')).toBe(true);
  });

  it('keeps the table of targets when a repository of many roots is cut to fit', async () => {
    const base = await scanInsecurePlan();
    const large = largeResult(base, 400);
    // Forty roots, each holding ten tenants' copies of the findings.
    const roots = Array.from({ length: 40 }, (_, i) => `components/c${String(i).padStart(2, '0')}`);
    const findings = large.findings.map((f, i) => ({ ...f, target: roots[Math.floor(i / 10) % roots.length] as string }));
    const repository: ScanResult = { ...large, findings, targets: roots.map((name) => ({ name, kind: 'terraform-hcl', resources: 10, ok: true })) };
    const markdown = toMarkdown(repository);
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    const targets = markdown.slice(markdown.indexOf('<summary>40 targets</summary>'), markdown.indexOf('</details>'));
    expect(tableRows(targets)).toHaveLength(30 + 2);
    expect(targets).toContain('*…and 10 more targets; see the SARIF, JSON or HTML report.*');
  });

  it('is the same text for the same scan', async () => {
    const [a, b] = await Promise.all([scanInsecurePlan(), scanInsecurePlan()]);
    expect(toMarkdown(a as ScanResult)).toBe(toMarkdown(b as ScanResult));
  });
});
