// Using trustscan as a library: scan a Terraform plan with the built-in rules plus one rule of our own, list the
// failing controls by SOC 2 criterion, and write SARIF for GitHub code scanning.
//   node examples/library/index.mjs [plan.json] [out.sarif]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDeclarativeRule, scan } from '@trustscan/core';
import { toSarif } from '@trustscan/reporters';
import { rules } from '@trustscan/rules';

const here = path.dirname(fileURLToPath(import.meta.url));
const plan = process.argv[2] ?? path.join(here, '..', 'insecure', 'plan.json');
const output = process.argv[3];

// A team-specific control, written as data and compiled to the same Rule interface as the built-in ones.
const deletionProtection = compileDeclarativeRule({
  id: 'acme-db-deletion-protection',
  title: 'Databases are protected from accidental deletion',
  description: 'Production databases must not be deletable by a single mistaken apply.',
  remediation: 'Set `deletion_protection = true`.',
  severity: 'medium',
  area: 'backup-recovery',
  criteria: { primary: ['A1.2'], basis: 'ACME standard DB-4.' },
  resourceTypes: ['aws_db_instance'],
  check: { path: '$.deletion_protection', equals: true, default: false },
  messages: { pass: 'Database {{address}} is protected from deletion.', fail: 'Database {{address}} can be deleted: deletion_protection is {{value}}.' },
});

const result = await scan({
  targets: [{ kind: 'path', path: plan }],
  rules: [...rules, deletionProtection],
  root: path.join(here, '..', '..'),
});

for (const criterion of result.summary.criteria.filter((c) => c.status === 'fail')) {
  console.log(`${criterion.id} ${criterion.title}: ${criterion.fail} failing check(s)`);
  for (const finding of result.findings.filter((f) => f.status === 'fail' && f.tsc.includes(criterion.id))) {
    console.log(`  [${finding.severity}] ${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`);
  }
}

if (output) await writeFile(output, toSarif(result, { category: 'library-example' }));
const failing = result.findings.filter((f) => f.status === 'fail' && (f.severity === 'critical' || f.severity === 'high'));
console.log(`${failing.length} critical or high finding(s).`);
process.exitCode = failing.length > 0 ? 1 : 0;
