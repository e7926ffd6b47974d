import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profiles, scan, type Finding, type Profile, type Rule } from '@trustscan/core';
import { afterAll, describe, expect, it } from 'vitest';
import { planFromHcl } from '../../../testing/plan-from-hcl.js';
import { rules } from '../src/index.js';

/**
 * The corpus: every rule's documented good and bad example, and every shape in examples/rule-pack/shapes/<rule-id>/,
 * scanned as Terraform HCL and as a plan, with exact verdicts. In a shapes directory each resource the rule judges
 * carries a `# expect:` comment above its block: `# expect: fail`, `# expect: pass`, `# expect: unknown`, `# expect:
 * none` (the rule must not judge it), or per profile, `# expect: baseline=pass strict=fail`. A directory may hold a
 * `options.json` with options for the rule. Every verdict of the rule must be expected, and every expectation met.
 */

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shapesRoot = path.join(repository, 'examples/rule-pack/shapes');
const workspace = mkdtempSync(path.join(tmpdir(), 'trustscan-corpus-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

type Expected = 'pass' | 'fail' | 'unknown' | 'none';
const forms = ['hcl', 'plan'] as const;

/** `# expect:` annotations of a directory's `.tf` files: resource address → expected verdict per profile. */
function expectations(directory: string): Map<string, Record<Profile, Expected>> {
  const found = new Map<string, Record<Profile, Expected>>();
  for (const name of readdirSync(directory).filter((n) => n.endsWith('.tf')).sort()) {
    let pending: Record<Profile, Expected> | undefined;
    for (const line of readFileSync(path.join(directory, name), 'utf8').split('\n')) {
      const annotation = /^\s*#\s*expect:\s*(.+?)\s*$/.exec(line)?.[1];
      const block = /^resource\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
      if (annotation) pending = parseExpectation(annotation, `${name}: ${line.trim()}`);
      else if (block && pending) {
        found.set(`${block[1]}.${block[2]}`, pending);
        pending = undefined;
      } else if (line.trim() !== '' && !line.trim().startsWith('#')) pending = undefined;
    }
  }
  return found;
}

function parseExpectation(text: string, where: string): Record<Profile, Expected> {
  const verdicts = ['pass', 'fail', 'unknown', 'none'];
  if (verdicts.includes(text)) return { baseline: text as Expected, strict: text as Expected };
  const parts = Object.fromEntries(text.split(/\s+/).map((part) => part.split('=')));
  if (!profiles.every((p) => verdicts.includes(parts[p] ?? ''))) throw new Error(`${where}: write "# expect: pass|fail|unknown|none" or "# expect: baseline=… strict=…"`);
  return { baseline: parts['baseline'] as Expected, strict: parts['strict'] as Expected };
}

let copies = 0;

/** Scans a directory with one rule, as HCL or as the plan of it, and returns that rule's findings. */
async function findingsOf(rule: Rule, directory: string, form: (typeof forms)[number], profile: Profile, options?: Record<string, unknown>): Promise<Finding[]> {
  const copy = path.join(workspace, `${rule.meta.id}-${++copies}`);
  cpSync(directory, copy, { recursive: true, filter: (source) => !source.endsWith('options.json') });
  let target = copy;
  if (form === 'plan') {
    target = path.join(copy, 'plan.json');
    writeFileSync(target, JSON.stringify(await planFromHcl(copy)));
  }
  const result = await scan({
    targets: [{ kind: form === 'hcl' ? 'terraform-hcl' : 'terraform-plan', path: target }],
    rules: [rule],
    root: copy,
    profile,
    ...(options ? { ruleOptions: { [rule.meta.id]: options } } : {}),
    terraform: { cacheDirectory: false },
  });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

function exampleDirectory(rule: Rule, kind: 'good' | 'bad', text: string): string {
  const directory = path.join(workspace, `example-${rule.meta.id}-${kind}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'main.tf'), text);
  return directory;
}

describe('the rule corpus', () => {
  describe('documented examples, as HCL and as a plan', () => {
    for (const rule of rules) {
      const examples = rule.meta.examples;
      if (!examples) {
        it(`${rule.meta.id} is live-only when it has no examples`, () => expect(rule.meta.liveOnly).toBe(true));
        continue;
      }
      const profile: Profile = rule.meta.profiles?.includes('baseline') === false ? 'strict' : 'baseline';
      for (const form of forms) {
        it(`${rule.meta.id}: the good example passes (${form})`, async () => {
          const found = await findingsOf(rule, exampleDirectory(rule, 'good', examples.good), form, profile);
          expect(found.length).toBeGreaterThan(0);
          expect(found.map((f) => `${f.status} ${f.resource.address}: ${f.message}`).filter((s) => !s.startsWith('pass'))).toEqual([]);
        });
        it(`${rule.meta.id}: the bad example fails (${form})`, async () => {
          const found = await findingsOf(rule, exampleDirectory(rule, 'bad', examples.bad), form, profile);
          expect(found.map((f) => f.status)).toContain('fail');
          expect(found.filter((f) => f.status === 'unknown').map((f) => f.message)).toEqual([]);
        });
      }
    }
  });

  const directories = existsSync(shapesRoot) ? readdirSync(shapesRoot).sort() : [];

  it('names an existing rule with each shapes directory', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    expect(directories.filter((d) => !ids.has(d))).toEqual([]);
  });

  describe('shapes, with exact verdicts, as HCL and as a plan', () => {
    for (const id of directories) {
      const rule = rules.find((r) => r.meta.id === id);
      if (!rule) continue;
      const directory = path.join(shapesRoot, id);
      const expected = expectations(directory);
      const optionsFile = path.join(directory, 'options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : undefined;
      const profilesUsed = profiles.filter((p) => p === 'baseline' || [...expected.values()].some((e) => e.strict !== e.baseline));
      for (const form of forms) {
        for (const profile of profilesUsed) {
          it(`${id}: ${expected.size} shapes (${form}, ${profile})`, async () => {
            expect(expected.size, 'the directory annotates its shapes').toBeGreaterThan(0);
            const found = await findingsOf(rule, directory, form, profile, options);
            const actual = new Map<string, string>();
            for (const finding of found) {
              const address = finding.resource.address.replace(/\[[^\]]*\]$/, '');
              actual.set(address, actual.get(address) === 'fail' ? 'fail' : finding.status);
            }
            const wanted = new Map([...expected].filter(([, e]) => e[profile] !== 'none').map(([address, e]) => [address, e[profile]]));
            const report = (map: ReadonlyMap<string, string>) => [...map].map(([a, s]) => `${a}: ${s}`).sort();
            expect(report(actual)).toEqual(report(wanted));
          });
        }
      }
    }
  });
});
