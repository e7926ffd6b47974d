// One measurement in its own process, printed as JSON:
//   parse FILE          read + JSON.parse
//   scan FILE [PACK]    trustscan with the rules of PACK: all (default), aws, azure, or none (load and relations only)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { scan } from '../packages/core/dist/index.js';
import { awsRules, azureRules, rules } from '../packages/rules/dist/index.js';

const packs = { all: rules, aws: awsRules, azure: azureRules, none: [] };
const [kind, file, pack = 'all'] = process.argv.slice(2);
const start = performance.now();
const counts = { pass: 0, fail: 0, unknown: 0 };
if (kind === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else {
  const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules: packs[pack], root: process.cwd() });
  for (const finding of result.findings) counts[finding.status] = (counts[finding.status] ?? 0) + 1;
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, counts }));
