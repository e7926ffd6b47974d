// Live Azure collection at scale: a subscription of 1,000 resources served by the local ARM server
// (testing/arm-server.ts, transpiled into bench/.generated/), scanned through ARM (list + getById + child settings)
// and through Resource Graph. Prints wall time, calls per resource and peak RSS.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { scan } from '../packages/core/dist/index.js';
import { azureSource } from '../packages/azure/dist/index.js';
import { rules } from '../packages/rules/dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const generated = path.join(here, '.generated', 'azure');
mkdirSync(generated, { recursive: true });

/** Transpiles a TypeScript module with no runtime imports of its own into an ES module under bench/.generated. */
async function importTypeScript(source, name) {
  const output = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  const file = path.join(generated, name);
  writeFileSync(file, output.outputText);
  return import(pathToFileURL(file).href);
}

const { startArmServer, defaultProviders } = await importTypeScript(path.join(here, '../testing/arm-server.ts'), 'arm-server.mjs');
const fixtures = await importTypeScript(path.join(here, '../packages/core/test/azure/arm-fixtures.ts'), 'arm-fixtures.mjs');

/** Types that ARM lists (tracked resources), lower-cased. */
const trackedTypes = new Set(defaultProviders.flatMap((p) => p.resourceTypes.filter((t) => t.tracked).map((t) => `${p.namespace}/${t.resourceType}`.toLowerCase())));

/** A subscription of about `total` tracked resources in a realistic mix, half compliant. */
function estate(total) {
  const mix = [
    ['storage', 0.2, (name, fixture) => fixtures.storageAccount(name, fixture)],
    ['kv', 0.15, (name, fixture) => fixtures.keyVault(name, fixture)],
    ['sql', 0.05, (name, fixture) => [...fixtures.sqlServer(name, fixture), ...fixtures.sqlDatabase(name, `${name}-db`, fixture)]],
    ['web', 0.15, (name, fixture) => fixtures.webApp(name, fixture)],
    ['nsg', 0.15, (name, fixture) => fixtures.networkSecurityGroup(name, fixture)],
    ['disk', 0.15, (name, fixture) => fixtures.managedDisk(name, fixture)],
    ['pg', 0.05, (name, fixture) => fixtures.postgresqlFlexibleServer(name, fixture)],
    ['redis', 0.05, (name, fixture) => fixtures.redisCache(name, fixture)],
  ];
  const items = [...fixtures.subscriptionSettings(fixtures.subscriptionA, { secure: true })];
  for (const [prefix, share, build] of mix) {
    const count = Math.round(total * share);
    for (let i = 0; i < count; i++) {
      const group = `rg-${i % 20}`;
      items.push(...build(`${prefix}${String(i).padStart(4, '0')}`, { secure: i % 2 === 0, group }));
    }
  }
  const tracked = items.filter((item) => trackedTypes.has(String(item.type).toLowerCase())).length;
  return { items, tracked };
}

async function measure(total, resourceGraph) {
  const { items, tracked } = estate(total);
  const server = await startArmServer({ pageSize: 1000, subscriptions: [{ subscriptionId: fixtures.subscriptionA, resources: items }] });
  process.env.TRUSTSCAN_AZURE_ENDPOINT = server.url;
  globalThis.gc?.();
  const started = performance.now();
  const result = await scan({ targets: [{ kind: 'azure', subscriptions: [fixtures.subscriptionA], resourceGraph }], sources: { azure: azureSource }, rules, root: here });
  const wallMs = performance.now() - started;
  await server.close();
  if (!result.targets[0]?.ok || result.notifications.some((n) => n.level === 'error')) throw new Error(`scan failed: ${JSON.stringify(result.notifications)}`);
  const calls = server.requests.length;
  return {
    mode: resourceGraph ? 'resource graph' : 'arm',
    tracked,
    emitted: result.targets[0].resources,
    findings: result.findings.length,
    wallMs,
    calls,
    perResource: calls / tracked,
    listCalls: server.requests.filter((r) => r.path.endsWith('/resources')).length,
  };
}

const sizes = [250, 1000];
const rows = [];
for (const size of sizes) {
  rows.push(await measure(size, false));
  rows.push(await measure(size, true));
}

console.log('| mode | ARM resources | canonical resources | findings | wall time | calls | calls / resource | list or query calls |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.mode} | ${r.tracked} | ${r.emitted} | ${r.findings} | ${(r.wallMs / 1000).toFixed(2)} s | ${r.calls} | ${r.perResource.toFixed(2)} | ${r.listCalls} |`,
  );
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ${rules.length} built-in rules; local server in-process, 16 reads in flight`);
