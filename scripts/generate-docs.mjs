// Writes docs/rules/<id>.md for every built-in rule and the rule table in README.md, from rule metadata, and the
// evidence examples in examples/evidence/ from their deterministic history. `pnpm run docs`;
// packages/rules/test/docs.test.ts and examples/evidence/examples.test.ts fail when the committed files are stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDoc, renderRuleTable, rules } from '../packages/rules/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const directory = path.join(root, 'docs', 'rules');
mkdirSync(directory, { recursive: true });
const wanted = new Set(rules.map((rule) => `${rule.meta.id}.md`));
for (const name of readdirSync(directory)) if (!wanted.has(name)) rmSync(path.join(directory, name));
for (const rule of rules) writeFileSync(path.join(directory, `${rule.meta.id}.md`), renderRuleDoc(rule.meta));

const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync(readmePath, `${before}\n${renderRuleTable(rules.map((rule) => rule.meta))}${after}`);
console.log(`Wrote ${rules.length} rule pages and the README rule table.`);

const { generateEvidenceExamples } = await import('../examples/evidence/generate.mjs');
const examples = await generateEvidenceExamples();
for (const [name, text] of examples) writeFileSync(path.join(root, 'examples', 'evidence', name), text);
console.log(`Wrote ${examples.size} evidence examples to examples/evidence/.`);
