import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@trustscan/core';
import { rules } from '@trustscan/rules';
import { describe, expect, it } from 'vitest';
import { scanWithEveryRule } from '../testing/scan-every-rule.js';

/**
 * Precision and recall of the built-in pack on the project's own examples: every planted problem (a
 * `# expect: <rule-id>` comment above a resource block in examples/insecure) is found, nothing else fails there,
 * and nothing fails in examples/compliant. Measured on the HCL directories and on their plans.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

interface Expectation {
  readonly ruleId: string;
  /** `type.name`; in a module directory it matches every instance of every call of that module. */
  readonly resource: string;
  readonly inModule: boolean;
}

function expectationsIn(directory: string): Expectation[] {
  const found: Expectation[] = [];
  const walk = (dir: string, inModule: boolean): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file, true);
      else if (name.endsWith('.tf')) {
        let pending: string[] = [];
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          const expectation = /^\s*#\s*expect:\s*([a-z0-9-]+)\s*$/.exec(line);
          const block = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
          if (expectation?.[1]) pending.push(expectation[1]);
          else if (block) {
            for (const ruleId of pending) found.push({ ruleId, resource: `${block[1]}.${block[2]}`, inModule });
            pending = [];
          } else if (line.trim() !== '' && !line.trim().startsWith('#')) pending = [];
        }
      }
    }
  };
  walk(directory, false);
  return found;
}

function matches(expectation: Expectation, finding: Finding): boolean {
  if (expectation.ruleId !== finding.ruleId) return false;
  const address = finding.resource.address.replace(/\[[^\]]*\]$/, '');
  return expectation.inModule ? address.startsWith('module.') && address.endsWith(`.${expectation.resource}`) : address === expectation.resource;
}

async function failuresOf(target: string) {
  const result = await scanWithEveryRule({ targets: [{ kind: 'path', path: path.join(root, target) }], rules, root, terraform: { cacheDirectory: false } });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return { result, failing: result.findings.filter((f) => f.status === 'fail') };
}

describe('the built-in pack on the project examples', () => {
  it('plants problems for most rules of the pack', () => {
    const planted = new Set([...expectationsIn(path.join(root, 'examples/insecure')), ...expectationsIn(path.join(root, 'examples/rule-pack/insecure'))].map((e) => e.ruleId));
    const decidable = rules.filter((r) => !r.meta.liveOnly);
    expect(decidable.filter((r) => !planted.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
  });

  describe.each(['examples/insecure', 'examples/rule-pack/insecure'])('%s', (directory) => {
    const expectations = expectationsIn(path.join(root, directory));

    it('yields every planted problem and nothing else (HCL)', async () => {
      const { failing } = await failuresOf(directory);
      const missed = expectations.filter((e) => !failing.some((f) => matches(e, f)));
      const unexpected = failing.filter((f) => !expectations.some((e) => matches(e, f))).map((f) => `${f.ruleId} ${f.resource.address}`);
      expect(missed).toEqual([]);
      expect(unexpected).toEqual([]);
    });
  });

  it('finds the same problems in the insecure plan as in its directory, at the same .tf lines', async () => {
    const [hcl, plan] = await Promise.all([failuresOf('examples/insecure'), failuresOf('examples/insecure/plan.json')]);
    const key = (f: Finding) => `${f.ruleId} ${f.resource.address} ${f.location.file}:${f.location.startLine}`;
    expect(plan.failing.map(key).sort()).toEqual(hcl.failing.map(key).sort());
  });

  it.each(['examples/compliant', 'examples/compliant/plan.json', 'examples/rule-pack/compliant'])('reports no failure on %s', async (target) => {
    const { failing } = await failuresOf(target);
    expect(failing.map((f) => `${f.ruleId} ${f.resource.address}: ${f.message}`)).toEqual([]);
  });
});
