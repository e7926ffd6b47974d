import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc, renderRuleTable, rules } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const stale = 'is stale: run `pnpm run docs` and commit the result';

describe('generated rule documentation', () => {
  it('has one page per rule, each matching the rule metadata', () => {
    const pages = readdirSync(path.join(root, 'docs/rules')).sort();
    expect(pages, `docs/rules ${stale}`).toEqual(rules.map((r) => `${r.meta.id}.md`).sort());
    for (const rule of rules) {
      expect(readFileSync(path.join(root, 'docs/rules', `${rule.meta.id}.md`), 'utf8'), `docs/rules/${rule.meta.id}.md ${stale}`).toBe(renderRuleDoc(rule.meta));
    }
  });

  it('has the README rule table matching the rule metadata', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length, readme.indexOf('<!-- rules:end -->'));
    expect(table, `the README rule table ${stale}`).toBe(`\n${renderRuleTable(rules.map((r) => r.meta))}`);
  });
});
