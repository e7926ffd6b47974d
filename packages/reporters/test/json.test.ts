import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toJson } from '@trustscan/reporters';
import { repositoryRoot, scanInsecurePlan } from './fixtures.js';

const schema = JSON.parse(readFileSync(path.join(repositoryRoot, 'packages/reporters/schema/report.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('JSON reporter', () => {
  it('writes the documented, versioned shape, without passes unless asked', async () => {
    const result = await scanInsecurePlan();
    const report = JSON.parse(toJson(result)) as { schemaVersion: number; findings: { status: string; location: { file: string }; resource: { address: string } }[]; summary: { byStatus: Record<string, number> } };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.findings.every((f) => f.status !== 'pass')).toBe(true);
    expect(report.findings.length).toBe(report.summary.byStatus['fail']);
    const withPasses = JSON.parse(toJson(result, { includePassed: true })) as typeof report;
    expect(validate(withPasses)).toBe(true);
    expect(withPasses.findings.filter((f) => f.status === 'pass').length).toBe(report.summary.byStatus['pass']);
    expect(report.findings.find((f) => f.resource.address === 'aws_db_instance.app')?.location.file).toBe('examples/insecure/main.tf');
  });

  it('says when the scan ran and what each target read', async () => {
    const report = JSON.parse(toJson(await scanInsecurePlan())) as { startedAt: string; finishedAt: string; targets: { inputs?: object }[] };
    expect(validate(report)).toBe(true);
    expect(report.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(report.startedAt)).toBeLessThanOrEqual(Date.parse(report.finishedAt));
    const planHash = createHash('sha256').update(readFileSync(path.join(repositoryRoot, 'examples/insecure/plan.json'))).digest('hex');
    expect(report.targets[0]?.inputs).toEqual({ sha256: planHash, files: 1 });
  });

  it('never prints a sensitive value', async () => {
    const text = toJson(await scanInsecurePlan(), { includePassed: true });
    expect(text).not.toContain('change-me-now-1234');
  });
});
