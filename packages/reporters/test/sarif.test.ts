import { describe, expect, it } from 'vitest';
import { findCriterion, scan, type ScanResult } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { toSarif } from '@trustscan/reporters';
import path from 'node:path';
import { sarifProblems } from '../../../testing/sarif-validation.js';
import { repositoryRoot, scanInsecurePlan } from './fixtures.js';

type Log = { runs: Run[] };
type Run = {
  tool: { driver: { name: string; semanticVersion: string; rules: { id: string; properties: { tags: string[]; 'security-severity': string }; relationships: { target: { id: string; index: number; toolComponent: { index: number } } }[]; help: { markdown: string } }[] } };
  automationDetails: { id: string };
  taxonomies: { taxa: { id: string }[] }[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
  results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { fullyQualifiedName: string }[] }[]; partialFingerprints: Record<string, string>; suppressions?: unknown[] }[];
};

describe('SARIF reporter', () => {
  let result: ScanResult;
  let log: Log;
  let run: Run;

  it('writes SARIF that the schema, the SARIF Multitool with the GitHub rules and GitHub limits accept', async () => {
    result = await scanInsecurePlan();
    const text = toSarif(result);
    expect(sarifProblems(text)).toEqual([]);
    log = JSON.parse(text) as Log;
    run = log.runs[0] as Run;
    expect(log.runs).toHaveLength(1);
  });

  it('reports failures only, each at its .tf line, with rule index, TSC in the message, and our fingerprint', () => {
    const failing = result.findings.filter((f) => f.status === 'fail');
    expect(run.results).toHaveLength(failing.length);
    for (const sarif of run.results) {
      expect(run.tool.driver.rules[sarif.ruleIndex]?.id).toBe(sarif.ruleId);
      expect(sarif.message.text).toMatch(/\(SOC 2: (CC|A|C|PI|P)\d/);
      expect(sarif.partialFingerprints['trustscan/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(sarif.partialFingerprints).not.toHaveProperty('primaryLocationLineHash');
      expect(sarif.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^examples\/insecure\/(main\.tf|modules\/bucket\/main\.tf)$/);
    }
    const versioning = run.results.find((r) => r.ruleId === 'aws-s3-bucket-versioning' && r.locations[0]?.logicalLocations[0]?.fullyQualifiedName === 'aws_s3_bucket.uploads');
    expect(versioning?.locations[0]?.physicalLocation.region.startLine).toBe(45);
  });

  it('carries the Trust Services Criteria as a taxonomy with indexed relationships, as tags, and in help', () => {
    const taxa = run.taxonomies[0]?.taxa.map((t) => t.id) ?? [];
    expect(taxa).toContain('CC6.1');
    for (const rule of run.tool.driver.rules) {
      expect(rule.properties.tags.length).toBeLessThanOrEqual(10);
      expect(rule.properties.tags).toContain('soc2');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      for (const relationship of rule.relationships) {
        expect(taxa[relationship.target.index]).toBe(relationship.target.id);
        expect(relationship.target.toolComponent.index).toBe(0);
        expect(findCriterion(relationship.target.id)).toBeDefined();
      }
    }
    const admin = run.tool.driver.rules.find((r) => r.id === 'aws-iam-policy-no-full-admin');
    expect(admin?.properties['security-severity']).toBe('9.5');
    expect(admin?.properties.tags).toEqual(['security', 'soc2', 'least-privilege', 'external/soc2/cc6.3', 'external/soc2/cc6.1', 'external/soc2/cc1.3']);
    expect(admin?.help.markdown).toContain('**SOC 2 criteria:** **CC6.3**');
  });

  it('is deterministic: the same scan gives the same bytes, with a stable category', async () => {
    expect(toSarif(await scanInsecurePlan())).toBe(toSarif(result));
    expect(run.automationDetails.id).toBe('trustscan/terraform/');
    expect(JSON.parse(toSarif(result, { category: 'infra/prod' })).runs[0].automationDetails.id).toBe('infra/prod/');
  });

  it('anchors findings without Terraform to the plan file with their own line hash, and lists broken inputs', async () => {
    const plan = path.join(repositoryRoot, 'examples/insecure/plan.json');
    const mixed = await scan({ targets: [{ kind: 'terraform-plan', path: plan }, { kind: 'path', path: path.join(repositoryRoot, 'examples/missing.json') }], rules, root: repositoryRoot, tfDir: path.join(repositoryRoot, 'examples/library') });
    const text = toSarif(mixed);
    expect(sarifProblems(text)).toEqual([]);
    const sarifRun = (JSON.parse(text) as Log).runs[0] as Run;
    expect(sarifRun.results.every((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'examples/insecure/plan.json')).toBe(true);
    const hashes = sarifRun.results.map((r) => r.partialFingerprints['primaryLocationLineHash']);
    expect(new Set(hashes).size).toBe(sarifRun.results.length);
    expect(sarifRun.invocations[0]?.executionSuccessful).toBe(false);
    expect(sarifRun.invocations[0]?.toolExecutionNotifications[0]?.message.text).toMatch(/missing\.json: cannot read it/);
  });

  it('keeps waived findings with their justification as suppressions, on every result or none', async () => {
    const waived = await scan({
      targets: [{ kind: 'path', path: path.join(repositoryRoot, 'examples/insecure/plan.json') }],
      rules,
      root: repositoryRoot,
      today: '2026-11-26',
      waivers: [{ rule: 'aws-rds-*', resources: ['aws_db_instance.app'], reason: 'Legacy database, replaced in Q1.', owner: 'db-team', expires: '2027-03-31', source: { kind: 'config', file: 'trustscan.config.yaml', line: 4 } }],
    });
    const text = toSarif(waived);
    expect(sarifProblems(text)).toEqual([]);
    const results = ((JSON.parse(text) as Log).runs[0] as Run).results;
    expect(results.every((r) => Array.isArray(r.suppressions))).toBe(true);
    const suppressed = results.filter((r) => (r.suppressions ?? []).length > 0);
    expect(suppressed.map((r) => r.ruleId).sort()).toEqual(['aws-rds-backup-retention', 'aws-rds-storage-encrypted']);
    expect(suppressed[0]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Legacy database, replaced in Q1. (owner: db-team) (expires 2027-03-31)' }]);
  });
});
