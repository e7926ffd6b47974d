import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { driftView, toJson, toJunit, toMarkdown, toSarif, toText } from '@trustscan/reporters';
import { driftScanResult } from '../../../testing/drift-result.js';
import { junitProblems } from '../../../testing/junit-validation.js';
import { hostile, hostileResult } from '../../../testing/report-results.js';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { temporaryDirectory } from '../../../testing/temporary-directory.js';
import { repositoryRoot } from './fixtures.js';

const validateJson = new Ajv2020.default({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(repositoryRoot, 'packages/reporters/schema/report.schema.json'), 'utf8')) as object);
const workspace = temporaryDirectory('drift-reports');
let result: ScanResult;

beforeAll(async () => {
  result = await driftScanResult(workspace, rules);
});

describe('drift in the reports', () => {
  it('is arranged once for every report: drifted controls with both copies, unmanaged per type, missing', () => {
    const view = driftView(result);
    expect(view?.drifted.map((d) => [d.control, d.declared.status, d.live.status])).toEqual([
      ['aws-iam-policy-no-full-admin', 'pass', 'fail'],
      ['aws-s3-bucket-versioning', 'pass', 'fail'],
    ]);
    expect(view?.unmanagedByType).toEqual([{ type: 'aws_s3_bucket', count: 1 }]);
    expect(view?.missing.map((f) => f.resource.address)).toEqual(['aws_s3_bucket.logs']);
    expect(view?.compared).toBeGreaterThan(view?.drifted.length ?? 0);
  });

  it('text: a section of its own, drift left out of the lists by criterion', () => {
    const text = toText(result);
    expect(text).toContain('Drift  Terraform against the cloud:');
    expect(text).toMatch(/ {6}declared {2}pass {4}terraform\.tfstate:\d+ +versioning_configuration\.0\.status = "Enabled"\n {6}live {6}fail {4}arn:aws:s3:::acme-data +versioning_configuration\.0\.status = "Suspended"/);
    expect(text.match(/drift-control/g) ?? []).toEqual([]);
    expect(text).toContain('Unmanaged resources (aws_s3_bucket 1)');
  });

  it('Markdown: a drift section with both copies side by side, escaped, and the failing checks without it', () => {
    const markdown = toMarkdown(hostileResult(result));
    expect(markdown).toContain('#### Drifted controls (2)');
    expect(markdown).toMatch(/\| Medium \| `aws-s3-bucket-versioning` \| ``aws_s3_bucket\.data\[.*\]`` \| ✅ pass at `terraform\.tfstate:\d+`: `versioning_configuration\.0\.status = "Enabled"` \| ❌ fail on `arn:aws:s3:::acme-data`: `versioning_configuration\.0\.status = "Suspended"` \|/);
    expect(markdown).toContain('#### Unmanaged resources (1)');
    expect(markdown).toContain('#### Missing resources (1)');
    // Hostile text stays inside code spans or escaped: every drift table keeps its column count on every row.
    const section = markdown.slice(markdown.indexOf('### Drift'), markdown.indexOf('### Failing checks'));
    for (const table of section.split(/\n\n/).filter((block) => block.startsWith('| '))) {
      const counts = table.split('\n').map((line) => line.replace(/``[^`]*(`[^`]+)*``|`[^`]*`/g, 'code').split(/(?<!\\)\|/).length);
      expect(new Set(counts).size, table).toBe(1);
    }
    expect(section).not.toContain(hostile);
    const failing = markdown.slice(markdown.indexOf('### Failing checks'));
    expect(failing).not.toContain('drift-');
  });

  it('JSON: the comparison in each drift finding, valid against the schema', () => {
    const json = JSON.parse(toJson(result, { includePassed: true })) as { findings: { ruleId: string; drift?: { kind: string } }[] };
    expect(validateJson(json), JSON.stringify(validateJson.errors)).toBe(true);
    expect([...new Set(json.findings.filter((f) => f.ruleId.startsWith('drift-')).map((f) => `${f.ruleId} ${f.drift?.kind}`))].sort()).toEqual(['drift-control control', 'drift-missing missing', 'drift-unmanaged unmanaged']);
  });

  it('SARIF: valid, each drifted control at the declaration with both copies as related locations', () => {
    const text = toSarif(result);
    expect(sarifProblems(text)).toEqual([]);
    const sarif = JSON.parse(text) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { message: { text: string } }[] }[] }[] };
    const drifted = sarif.runs[0]?.results.filter((r) => r.ruleId === 'drift-control') ?? [];
    expect(drifted).toHaveLength(2);
    for (const r of drifted) {
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toBe('terraform.tfstate');
      expect(r.relatedLocations?.map((l) => l.message.text.split(':')[0])).toEqual(['Declared', 'Live']);
    }
  });

  it('JUnit: valid, drift findings as test cases of their rules', async () => {
    const xml = toJunit(result);
    expect(await junitProblems(xml)).toEqual([]);
    for (const id of ['drift-control', 'drift-unmanaged', 'drift-missing']) expect(xml).toContain(`trustscan.${id}`);
  });
});
