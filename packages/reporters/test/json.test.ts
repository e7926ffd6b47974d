import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { toJson } from '@trustscan/reporters';
import { repositoryRoot, scanInsecurePlan } from './fixtures.js';

const schema = JSON.parse(readFileSync(path.join(repositoryRoot, 'packages/reporters/schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

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

  it('never prints a sensitive value', async () => {
    const text = toJson(await scanInsecurePlan(), { includePassed: true });
    expect(text).not.toContain('change-me-now-1234');
  });
});
