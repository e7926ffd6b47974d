// One measurement in its own process: `parse FILE` (read + JSON.parse) or `scan FILE` (trustscan with every rule).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { scan } from '../packages/core/dist/index.js';
import { rules } from '../packages/rules/dist/index.js';

const [kind, file] = process.argv.slice(2);
const start = performance.now();
let findings;
if (kind === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else {
  const result = await scan({ targets: [{ kind: 'terraform-plan', path: file }], rules, root: process.cwd() });
  findings = result.findings.length;
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, findings }));
