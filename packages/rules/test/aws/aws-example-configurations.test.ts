import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@trustscan/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanWithEveryRule } from '../../../../testing/scan-every-rule.js';
import { rules } from '../../src/index.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The `.tf` files of an example directory whose names match `pattern`. */
function exampleFiles(directory: string, pattern = /^aws-.*\.tf$/): string[] {
  return readdirSync(path.join(repository, directory))
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(repository, directory, name));
}

/** Rules that only ever fail where they apply (a policy attached straight to a user), so a compliant configuration avoids their resources. */
const onlyFailing = ['aws-iam-user-no-direct-policies'];

/** Resource addresses declared in the files, and `rule id → addresses` for each `# expect: <rule-id>` above a block. */
function declaredExpectations(files: readonly string[]): { addresses: Set<string>; expected: Set<string> } {
  const addresses = new Set<string>();
  const expected = new Set<string>();
  for (const file of files) {
    let pending: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const expectation = /^#\s*expect:\s*([a-z0-9-]+)\s*$/.exec(line.trim());
      const block = /^resource\s+"([^"]+)"\s+"([^"]+)"/.exec(line);
      if (expectation?.[1]) pending.push(expectation[1]);
      else if (block) {
        const address = `${block[1]}.${block[2]}`;
        addresses.add(address);
        for (const rule of pending) expected.add(`${rule} ${address}`);
        pending = [];
      } else if (line.trim() !== '') pending = [];
    }
  }
  return { addresses, expected };
}

async function findingsOf(directory: string): Promise<Finding[]> {
  const result = await scanWithEveryRule({ targets: [{ kind: 'terraform-hcl', path: path.join(repository, directory) }], rules, root: repository, terraform: { cacheDirectory: false } });
  expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
  return [...result.findings];
}

/** The resource a finding is about, without an instance key (`aws_rds_cluster_instance.analytics[0]` → `…analytics`). */
const baseAddress = (finding: Finding): string => finding.resource.address.replace(/\[[^\]]*\]$/, '');

describe('the AWS parts of the example configurations', () => {
  describe('examples/rule-pack/insecure: every planted problem is found, and nothing else', () => {
    const { addresses, expected } = declaredExpectations(exampleFiles('examples/rule-pack/insecure'));
    let found: Set<string>;
    let unknown: Finding[];
    beforeAll(async () => {
      const findings = (await findingsOf('examples/rule-pack/insecure')).filter((f) => addresses.has(baseAddress(f)));
      found = new Set(findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${baseAddress(f)}`));
      unknown = findings.filter((f) => f.status === 'unknown');
    });

    it('plants a problem for every AWS rule that Terraform can show', () => {
      // The quick-start stack in examples/insecure plants the problems of the first eight rules.
      const everywhere = declaredExpectations([...exampleFiles('examples/rule-pack/insecure', /\.tf$/), ...exampleFiles('examples/insecure', /\.tf$/)]).expected;
      const planted = new Set([...everywhere].map((e) => e.split(' ')[0]));
      const decidable = rules.filter((r) => r.meta.id.startsWith('aws-') && !r.meta.liveOnly).map((r) => r.meta.id);
      expect(decidable.filter((id) => !planted.has(id))).toEqual([]);
    });
    it('finds every planted problem (recall)', () => expect([...expected].filter((e) => !found.has(e)).sort()).toEqual([]));
    it('reports no failure that was not planted (precision)', () => expect([...found].filter((e) => !expected.has(e)).sort()).toEqual([]));
    it('knows every verdict', () => expect(unknown.map((f) => `${f.ruleId} ${f.resource.address}`)).toEqual([]));
  });

  describe('examples/rule-pack/compliant: no rule fails and every verdict is known', () => {
    let findings: Finding[];
    beforeAll(async () => {
      findings = await findingsOf('examples/rule-pack/compliant');
    });

    it('reports no failure in the whole directory', () => expect(findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.resource.address}`)).toEqual([]));
    it('knows every verdict about the AWS files', () => {
      const { addresses } = declaredExpectations(exampleFiles('examples/rule-pack/compliant'));
      expect(findings.filter((f) => f.status === 'unknown' && addresses.has(baseAddress(f))).map((f) => `${f.ruleId} ${f.resource.address}`)).toEqual([]);
    });
    it('is evaluated by every AWS rule that Terraform can decide and a compliant configuration can meet', () => {
      const evaluated = new Set(findings.filter((f) => f.ruleId.startsWith('aws-')).map((f) => f.ruleId));
      const decidable = rules.filter((r) => r.meta.id.startsWith('aws-') && !r.meta.liveOnly && !onlyFailing.includes(r.meta.id));
      expect(decidable.filter((r) => !evaluated.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
    });
  });
});
