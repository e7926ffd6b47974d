import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scan, type Rule } from '@trustscan/core';
import { describe, expect, it } from 'vitest';
import { awsRules } from '../../src/aws/index.js';
import { temporaryDirectory } from '../../../../testing/temporary-directory.js';

const workspace = temporaryDirectory('aws-examples');

async function statuses(rule: Rule, kind: 'good' | 'bad', text: string): Promise<string[]> {
  const directory = path.join(workspace, `${rule.meta.id}-${kind}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'main.tf'), text);
  const result = await scan({ targets: [{ kind: 'terraform-hcl', path: directory }], rules: [rule], root: workspace, terraform: { cacheDirectory: false } });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return result.findings.filter((f) => f.ruleId === rule.meta.id).map((f) => f.status);
}

// The examples are the docs' "compliant" and "non-compliant" snippets: each must say what it claims.
describe('AWS rule examples', () => {
  for (const rule of awsRules) {
    const examples = rule.meta.examples;
    if (!examples) {
      it(`${rule.meta.id} is live-only when it has no examples`, () => expect(rule.meta.liveOnly).toBe(true));
      continue;
    }
    it(`${rule.meta.id}: the good example passes`, async () => {
      const found = await statuses(rule, 'good', examples.good);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => s === 'pass')).toBe(true);
    });
    it(`${rule.meta.id}: the bad example fails`, async () => {
      expect(await statuses(rule, 'bad', examples.bad)).toContain('fail');
    });
  }
});
