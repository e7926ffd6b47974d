import { describe, expect, it } from 'vitest';
import { toText } from '@trustscan/reporters';
import { largeResult } from '../../../testing/report-results.js';
import { scanInsecurePlan } from './fixtures.js';

describe('text report', () => {
  it('shows where each criterion stands, then findings grouped by primary criterion, most severe first', async () => {
    const result = await scanInsecurePlan();
    const text = toText(result);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^trustscan \S+ · 1 target, \d+ resources, \d+ controls evaluated$/);
    const overview = lines.slice(lines.indexOf('SOC 2 criteria') + 1, lines.indexOf('', 3));
    expect(overview).toHaveLength(result.summary.criteria.length);
    for (const [index, criterion] of result.summary.criteria.entries()) {
      expect(overview[index]).toMatch(new RegExp(`^  [✗?✓=] ${criterion.id.replace('.', '\\.')}\\s+(Gaps found|Not determined|No gaps found)\\s`));
      expect(overview[index]?.endsWith(criterion.title)).toBe(true);
    }
    for (const finding of result.findings.filter((f) => f.status === 'fail')) {
      const header = lines.findIndex((l) => l.startsWith(`${finding.tsc[0] ?? ''}  `));
      const line = lines.findIndex((l, i) => i > header && l.includes(finding.ruleId) && l.includes(`${finding.location.file}:${finding.location.startLine}`));
      expect(header).toBeGreaterThan(0);
      expect(line).toBeGreaterThan(header);
      expect(lines[line + 1]?.trim()).toContain(finding.message);
    }
    const severities = lines.filter((l) => /^ {2}✗ (critical|high|medium|low) /.test(l)).map((l) => l.slice(4, 12).trim());
    expect(severities).toHaveLength(result.summary.byStatus.fail);
    expect(lines.at(-2)).toMatch(/^Summary: \d+ failed \(.*\), \d+ unknown, \d+ waived, \d+ passed\.$/);
  });

  it('colours only when asked, and says how many failures gate the build', async () => {
    const result = await scanInsecurePlan();
    expect(toText(result)).not.toContain('\u001b[');
    const coloured = toText(result, { color: true, failOn: 'high' });
    expect(coloured).toContain('\u001b[31m');
    const gating = result.findings.filter((f) => f.status === 'fail' && (f.severity === 'critical' || f.severity === 'high')).length;
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toContain(`. ${gating} at or above high.`);
    expect(toText(result, { failOn: 'never' })).toContain('Nothing fails the build (--fail-on never).');
  });

  it('lists passes only with includePassed, and counts baseline failures instead of listing them', async () => {
    const result = await scanInsecurePlan();
    const passLine = /^ {2}✓ (critical|high|medium|low) /gm;
    expect(toText(result)).not.toMatch(passLine);
    expect(toText(result, { includePassed: true }).match(passLine)).toHaveLength(result.summary.byStatus.pass);
    const large = largeResult(result, 50);
    const baselined = { ...large, findings: large.findings.map((f) => (f.status === 'fail' ? { ...f, status: 'baseline' as const } : f)) };
    const text = toText(baselined);
    expect(text).not.toMatch(/^ {2}✗ (critical|high|medium|low) /m);
    expect(text).toMatch(/^ {2}= \d+ known failures recorded in the baseline, not listed$/m);
    expect(text.split('\n').length).toBeLessThan(200);
  });
});
