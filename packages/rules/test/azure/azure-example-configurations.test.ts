import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { scanWithEveryRule } from '../../../../testing/scan-every-rule.js';
import { azureRules } from '../../src/azure/index.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples', 'rule-pack');
const file = 'azure-platform.tf';

/** `<rule-id> <address>` for every `# expect: <rule-id>` comment stacked directly above a resource block. */
function plantedProblems(text: string): string[] {
  const planted: string[] = [];
  let pending: string[] = [];
  for (const line of text.split('\n')) {
    const expectation = /^#\s*expect:\s*(\S+)\s*$/.exec(line.trim());
    if (expectation) {
      pending.push(expectation[1] ?? '');
      continue;
    }
    const block = /^resource\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
    if (block) for (const rule of pending) planted.push(`${rule} ${block[1]}.${block[2]}`);
    pending = [];
  }
  return planted.sort();
}

async function azureFindings(kind: 'insecure' | 'compliant'): Promise<Finding[]> {
  const directory = path.join(examples, kind);
  const result = await scanWithEveryRule({ targets: [{ kind: 'terraform-hcl', path: directory }], rules: azureRules, root: directory, terraform: { cacheDirectory: false } });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return result.findings.filter((f) => f.location.file === file);
}

// Issue 4 item 9 for the Azure rules: the insecure configuration's planted problems are found exactly (every one,
// nothing else), and the compliant one yields only passes.
describe('Azure example configurations', () => {
  it('finds every planted problem of examples/rule-pack/insecure and nothing else', async () => {
    const planted = plantedProblems(readFileSync(path.join(examples, 'insecure', file), 'utf8'));
    const findings = await azureFindings('insecure');
    const failed = findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.resource.address}`).sort();
    expect(planted.length).toBeGreaterThanOrEqual(30);
    expect(failed).toEqual(planted);
    expect(findings.filter((f) => f.status === 'unknown').map((f) => f.message)).toEqual([]);
    // Every Azure rule with examples has a planted problem.
    const covered = new Set(planted.map((p) => p.split(' ')[0]));
    expect(azureRules.filter((r) => !r.meta.liveOnly && !covered.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
  });

  it('reports no failure and no unknown on examples/rule-pack/compliant', async () => {
    const findings = await azureFindings('compliant');
    expect(findings.filter((f) => f.status !== 'pass').map((f) => `${f.ruleId} ${f.resource.address}: ${f.message}`)).toEqual([]);
    const evaluated = new Set(findings.map((f) => f.ruleId));
    expect(azureRules.filter((r) => !r.meta.liveOnly && !evaluated.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
  });
});
