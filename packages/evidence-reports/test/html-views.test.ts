import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '@trustscan/rules';
import { actionPlan, actionsCsv, actionsHtml, executiveSummary, periodHtml, periodMarkdown, periodReport, summaryHtml, type EvidenceHistory } from '@trustscan/evidence-reports';
import { openHeadlessPage, type HeadlessPage } from '../../../testing/headless-chromium.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { day, historyOf, type Check } from './histories.js';
import { acmeHistory } from './support.js';

/** The HTML views in a real headless Chromium: self-contained, and the summary on one printed page. */

const output = temporaryDirectory('evidence-html');
let browser: HeadlessPage;
let acme: EvidenceHistory;
let crowded: EvidenceHistory;
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>=HYPERLINK("http://evil.example")';
const metas = rules.map((rule) => rule.meta);

/** Writes a page to a file and opens it, as a person double-clicking it would. */
async function open(html: string, name: string): Promise<void> {
  const file = path.join(output, name);
  writeFileSync(file, html);
  await browser.page.goto(pathToFileURL(file).href);
}

/** Pages of the PDF Chromium prints the open page to. */
async function printedPages(format: 'A4' | 'Letter'): Promise<number> {
  const pdf = (await browser.page.pdf({ format, printBackground: true })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

beforeAll(async () => {
  acme = await acmeHistory();
  // Forty failing resources with long, hostile names, every severity: more than a page would hold unbounded.
  const checks: Check[] = Array.from({ length: 40 }, (_, i) => ({
    rule: ['aws-iam-policy-no-full-admin', 'aws-rds-storage-encrypted', 'aws-s3-bucket-versioning', 'aws-s3-bucket-access-logging'][i % 4] as string,
    address: `${i === 0 ? hostile : ''}module.service_${i}.aws_s3_bucket.${'very_long_bucket_name_'.repeat(3)}${i}`,
    status: 'fail',
    message: i === 0 ? hostile.slice(hostile.indexOf('=HYPERLINK')) : `Failing ${hostile}`,
  }));
  // One resource is fixed each day, the last ones first.
  crowded = await historyOf(output, Array.from({ length: 30 }, (_, d) => ({ at: day(d + 1), checks: checks.map((c, i) => (i >= 40 - d ? { ...c, status: 'pass' as const } : c)) })), '2026-04-30');
  browser = await openHeadlessPage({ width: 1280, height: 900 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the executive summary in headless Chromium', () => {
  it.each<[string, () => string]>([
    ['the example history', () => summaryHtml(executiveSummary(acme, { from: '2026-03-01', rules: metas }))],
    ['a crowded, hostile history', () => summaryHtml(executiveSummary(crowded, { rules: metas }))],
  ])('prints %s on one A4 page and one Letter page, loading nothing', async (name, render) => {
    const html = render();
    expect(html).not.toMatch(/<(link|img|iframe|script)\b|url\(|@import|https?:\/\/[^"\s]*\.(css|js)\b/);
    await open(html, `summary-${name.replace(/\W+/g, '-')}.html`);
    await browser.page.screenshot({ path: path.join(output, `summary-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
    expect(browser.errors).toEqual([]);
    expect(await printedPages('A4')).toBe(1);
    expect(await printedPages('Letter')).toBe(1);
    const layout = await browser.page.evaluate(() => ({
      charts: document.querySelectorAll('svg.trend polyline, svg.trend circle').length,
      rows: document.querySelectorAll('table.categories tbody tr').length,
      scripts: document.scripts.length,
      images: document.images.length,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    expect(layout).toMatchObject({ rows: 5, scripts: 0, images: 0, overflow: false });
    expect(layout.charts).toBeGreaterThan(0);
  });

  it('shows hostile resource names and messages as text', async () => {
    await open(summaryHtml(executiveSummary(crowded, { rules: metas })), 'hostile-summary.html');
    expect(await browser.page.evaluate(() => document.body.innerText)).toContain('<script>alert(1)</script>');
    expect(browser.errors).toEqual([]);
  });
});

describe('the period report and the action plan in headless Chromium', () => {
  it.each<[string, () => string]>([
    ['the period report', () => periodHtml(periodReport(acme, { from: '2026-03-01', to: '2026-03-20', sample: { size: 3, seed: 's' }, rules: metas }))],
    ['the action plan', () => actionsHtml(actionPlan(acme, { rules: metas }))],
    ['a hostile period report', () => periodHtml(periodReport(crowded, { from: '2026-03-01', to: '2026-03-30' }))],
    ['a hostile action plan', () => actionsHtml(actionPlan(crowded))],
  ])('opens %s without errors, requests, scripts or horizontal overflow', async (name, render) => {
    await open(render(), `${name.replace(/\W+/g, '-')}.html`);
    expect(browser.errors).toEqual([]);
    expect(await browser.page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth }))).toEqual({
      scripts: 0,
      images: 0,
      overflow: false,
    });
  });

  it('escapes hostile names in Markdown and neutralizes them in CSV', () => {
    const markdown = periodMarkdown(periodReport(crowded, { from: '2026-03-01', to: '2026-03-30' }));
    // Outside code spans (which Markdown shows as they are), markup is escaped.
    expect(markdown.replace(/(`+)[^`]*?\1/g, '')).not.toContain('<script>');
    expect(markdown).toContain('&lt;script&gt;');
    const csv = actionsCsv(actionPlan(crowded));
    expect(csv).toContain('"\'=HYPERLINK');
    expect(csv.split('\r\n').filter((line) => /(^|,)[=+\-@]/.test(line))).toEqual([]);
  });
});
