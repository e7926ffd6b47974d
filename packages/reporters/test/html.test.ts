import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { toHtml } from '@trustscan/reporters';
import { openHeadlessPage, type HeadlessPage } from '../../../testing/headless-chromium.js';
import { driftScanResult } from '../../../testing/drift-result.js';
import { hostile, hostileResult } from '../../../testing/report-results.js';
import { repositoryRoot } from './fixtures.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';

const output = temporaryDirectory('html');
let result: ScanResult;
let browser: HeadlessPage;

/** Writes the report to a file and opens it, as a person double-clicking it would. */
async function open(html: string, name: string): Promise<void> {
  const file = path.join(output, name);
  writeFileSync(file, html);
  await browser.page.goto(pathToFileURL(file).href);
}

const visibleRows = () =>
  browser.page.$$eval('#findings-table tbody tr[data-status]', (rows) =>
    rows.filter((row) => !(row as HTMLElement).hidden && (row as HTMLElement).offsetParent !== null).map((row) => ({ ...(row as HTMLElement).dataset })),
  );

beforeAll(async () => {
  // Both example plans in one scan: failures, unknowns and passes of every area.
  result = await scan({
    targets: ['examples/insecure/plan.json', 'examples/compliant/plan.json'].map((p) => ({ kind: 'path' as const, path: path.join(repositoryRoot, p) })),
    rules,
    root: repositoryRoot,
    today: '2026-11-26',
    waivers: [{ rule: 'aws-s3-bucket-versioning', resources: ['module.reports.*'], reason: 'Reports are rebuilt nightly.', owner: 'data@acme.test', expires: '2027-06-30', source: { kind: 'config', file: 'trustscan.config.yaml', line: 3 } }],
  });
  browser = await openHeadlessPage({ width: 1280, height: 900 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in headless Chromium', () => {
  it('is one self-contained file that loads nothing and runs without errors', async () => {
    const html = toHtml(result, { date: '2026-11-26' });
    expect(html).not.toMatch(/<(link|img|iframe)\b|<script\s+src=|url\(|@import|https?:\/\/[^"\s]*\.(css|js)\b/);
    await open(html, 'report.html');
    expect(browser.errors).toEqual([]);
  });

  it('shows the chart and the tables without horizontal overflow at 1280 pixels, and a screenshot', async () => {
    await open(toHtml(result, { date: '2026-11-26' }), 'report.html');
    const layout = await browser.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      bars: document.querySelectorAll('#criteria-chart svg rect').length,
      chart: document.querySelector('#criteria-chart svg')?.getBoundingClientRect().width ?? 0,
      criteriaRows: document.querySelectorAll('table.criteria tbody tr').length,
      wideElements: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName),
    }));
    expect(layout.scrollWidth).toBe(layout.clientWidth);
    expect(layout.wideElements).toEqual([]);
    expect(layout.chart).toBeGreaterThan(600);
    expect(layout.bars).toBeGreaterThanOrEqual(result.summary.criteria.length);
    expect(layout.criteriaRows).toBe(result.summary.criteria.length);
    expect(await browser.page.locator('#criteria-chart').isVisible()).toBe(true);
    expect(await browser.page.locator('#findings-table').isVisible()).toBe(true);
    await browser.page.screenshot({ path: path.join(output, 'report.png'), fullPage: true });
  });

  it('shows drift side by side, without horizontal overflow at 1280 pixels', async () => {
    const drifted = await driftScanResult(output, rules);
    await open(toHtml(drifted), 'drift.html');
    const layout = await browser.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      headings: [...document.querySelectorAll('#drift h3')].map((h) => h.textContent),
      drifted: [...document.querySelectorAll('#drift table.drift')].map((t) => t.querySelectorAll('tbody tr').length),
    }));
    expect(browser.errors).toEqual([]);
    expect(layout.scrollWidth).toBe(layout.clientWidth);
    expect(layout.headings).toEqual(['Drifted controls (2)', 'Unmanaged resources (1)', 'Missing resources (1)']);
    expect(layout.drifted).toEqual([2, 1, 1]);
    expect(await browser.page.locator('#drift').isVisible()).toBe(true);
    expect(await browser.page.locator('#drift').textContent()).toContain('versioning_configuration.0.status = "Suspended"');
  });

  it('groups the findings by target when a scan has several, and filters by target', async () => {
    await open(toHtml(result), 'grouped.html');
    const names = result.targets.map((t) => t.name).sort();
    expect(names).toHaveLength(2);
    const groups = await browser.page.$$eval('#findings-table tbody.target-group', (bodies) =>
      bodies.map((body) => ({
        target: (body as HTMLElement).dataset['target'],
        heading: body.querySelector('tr.group-row th')?.textContent ?? '',
        targets: [...new Set([...body.querySelectorAll('tr[data-status]')].map((row) => (row as HTMLElement).dataset['target']))],
      })),
    );
    expect(groups.map((g) => g.target)).toEqual(names);
    for (const group of groups) {
      expect(group.targets).toEqual([group.target]);
      const failing = result.findings.filter((f) => f.target === group.target && f.status === 'fail').length;
      expect(group.heading).toContain(`${failing} failing`);
    }
    const second = names[1] as string;
    await browser.page.selectOption('select[name=target]', second);
    const rows = await visibleRows();
    expect(rows.length).toBe(result.findings.filter((f) => f.target === second && f.status !== 'pass').length);
    expect(rows.every((r) => r['target'] === second)).toBe(true);
    const shownGroups = await browser.page.$$eval('#findings-table tbody.target-group', (bodies) => bodies.filter((b) => !(b as HTMLElement).hidden).map((b) => (b as HTMLElement).dataset['target']));
    expect(shownGroups).toEqual([second]);
    expect(browser.errors).toEqual([]);
  });

  it('groups a repository scan by root module, each group headed by its root', async () => {
    const repository = path.join(repositoryRoot, 'testing', 'fixtures', 'repository');
    const scanned = await scan({ targets: [{ kind: 'path', path: repository }], rules, root: repository, terraform: { cacheDirectory: false } });
    await open(toHtml(scanned), 'repository.html');
    const groups = await browser.page.$$eval('#findings-table tbody.target-group', (bodies) =>
      bodies.map((body) => [(body as HTMLElement).dataset['target'], body.querySelectorAll('tr[data-status]').length]),
    );
    const expected = [...new Set(scanned.findings.map((f) => f.target ?? ''))].sort().map((name) => [name, scanned.findings.filter((f) => f.target === name).length]);
    expect(groups).toEqual(expected);
    expect(groups.map(([name]) => name)).toEqual(['.', 'components/broken', 'components/queue', 'environments/prod', 'environments/staging', 'legacy/old']);
    await browser.page.selectOption('select[name=target]', 'components/queue');
    expect((await visibleRows()).map((r) => r['target'])).toEqual(scanned.findings.filter((f) => f.target === 'components/queue' && f.status !== 'pass').map(() => 'components/queue'));
    expect(await browser.page.textContent('header')).toContain('6 targets');
    expect(browser.errors).toEqual([]);
  });

  it('shows failing, undecided, waived and baseline findings at first, and the filters change the rows as expected', async () => {
    await open(toHtml(result), 'report.html');
    const all = result.findings;
    const initially = await visibleRows();
    expect(initially).toHaveLength(all.filter((f) => f.status !== 'pass').length);
    const initialCount = `Showing ${initially.length} of ${all.length} findings.`;
    expect(await browser.page.textContent('#shown-count')).toBe(initialCount);

    await browser.page.check('input[name=status][value=pass]');
    expect(await visibleRows()).toHaveLength(all.length);

    await browser.page.uncheck('input[name=severity][value=medium]');
    const withoutMedium = await visibleRows();
    expect(withoutMedium.some((r) => r['severity'] === 'medium')).toBe(false);
    expect(withoutMedium).toHaveLength(all.filter((f) => f.severity !== 'medium').length);

    for (const area of ['encryption-at-rest', 'encryption-in-transit', 'logging-monitoring', 'backup-recovery']) await browser.page.uncheck(`input[name=area][value=${area}]`);
    const leastPrivilege = await visibleRows();
    expect(leastPrivilege.length).toBe(all.filter((f) => f.severity !== 'medium' && f.area === 'least-privilege').length);
    expect(leastPrivilege.every((r) => r['area'] === 'least-privilege')).toBe(true);

    // The form resets its inputs first and filters the rows after: wait for the count to come back.
    const resetFilters = async (): Promise<void> => {
      await browser.page.click('button[type=reset]');
      await browser.page.waitForFunction((text) => document.querySelector('#shown-count')?.textContent === text, initialCount);
    };
    await resetFilters();
    expect(await visibleRows()).toHaveLength(initially.length);

    await browser.page.uncheck('input[name=status][value=fail]');
    expect((await visibleRows()).every((r) => r['status'] !== 'fail')).toBe(true);
    expect(await visibleRows()).toHaveLength(all.filter((f) => f.status !== 'pass' && f.status !== 'fail').length);
    await resetFilters();

    // Clicking a criterion in the chart narrows the table to findings of controls supporting it.
    const criterion = result.summary.criteria.find((c) => c.fail > 0)?.id ?? '';
    await browser.page.click(`#criteria-chart [data-criterion-filter="${criterion}"] text`);
    const narrowed = await visibleRows();
    expect(narrowed.length).toBe(all.filter((f) => f.status !== 'pass' && f.tsc.includes(criterion as never)).length);
    expect(narrowed.every((r) => (r['criteria'] ?? '').split(' ').includes(criterion))).toBe(true);

    await resetFilters();
    await browser.page.fill('input[name=q]', 'aws_iam_policy.ci_deploy');
    const searched = await visibleRows();
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.length).toBe(all.filter((f) => f.status !== 'pass' && f.resource.address === 'aws_iam_policy.ci_deploy').length);
    await browser.page.selectOption('select[name=criterion]', 'PI1.4');
    await browser.page.fill('input[name=q]', 'no such text anywhere');
    expect(await visibleRows()).toEqual([]);
    expect(await browser.page.locator('#no-rows').isVisible()).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it('links each failing control to its fix, with the remediation rendered', async () => {
    await open(toHtml(result), 'report.html');
    const href = await browser.page.getAttribute('#findings-table tr[data-status=fail] a.fix', 'href');
    expect(href).toMatch(/^#fix-/);
    const article = browser.page.locator(href ?? '#none');
    expect(await article.isVisible()).toBe(true);
    expect(await article.locator('pre code').count()).toBeGreaterThan(0);
  });

  it('escapes everything it interpolates: hostile text shows as text and runs nothing', async () => {
    const html = toHtml(hostileResult(result));
    await open(html, 'hostile.html');
    expect(browser.errors).toEqual([]);
    const counts = await browser.page.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.startsWith('javascript')).length,
      text: document.body.innerText,
    }));
    expect(counts.scripts).toBe(1);
    expect(counts.images).toBe(0);
    expect(counts.javascriptLinks).toBe(0);
    expect(counts.text).toContain(hostile.split('\n')[0]?.replace('\u0007', '').slice(0, 40));
  });
});
