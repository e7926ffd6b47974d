/**
 * The packages as a user installs them: each package is packed with `pnpm pack`, the tarballs are installed with npm
 * into an empty project outside the workspace, and the README's library example and `npx trustscan` run there.
 * Third-party dependencies come from a registry on 127.0.0.1 that serves the workspace's own pnpm store, so the test
 * needs no network and installs exactly the locked versions.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNpmRegistry, type NpmRegistry } from '../testing/npm-registry.js';
import { packWorkspace, publishedPackages, repositoryRoot, type PublishedPackage } from '../testing/pack-workspace.js';
import { sarifProblems } from '../testing/sarif-validation.js';
import { readTarball } from '../testing/tar.js';
import { temporaryDirectory } from '../testing/temporary-directory.js';

const repository = repositoryRoot;
const packageNames = publishedPackages;
type PackageName = PublishedPackage;
/** What a Terraform-only library consumer installs, and the most it may weigh. */
const libraryPackages: readonly PackageName[] = ['core', 'rules', 'reporters'];
const libraryLimitBytes = 30 * 1024 * 1024;

const work = temporaryDirectory('packages');
const packs = path.join(work, 'packs');
const consumer = path.join(work, 'consumer');
let tarballs: Map<PackageName, string>;
let registry: NpmRegistry;
let librarySize: { apparent: number; disk: number };

/**
 * Runs npm against the local registry only, with a cache and config of its own and none of pnpm's npm_* settings.
 * Asynchronously: the registry answers from this process.
 */
async function npm(args: readonly string[], cwd: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const options = ['--registry', registry.url, '--cache', path.join(work, 'npm-cache'), '--userconfig', path.join(work, 'npmrc'), '--no-audit', '--no-fund', '--no-update-notifier'];
  try {
    await promisify(execFile)('npm', [...args, ...options], { cwd, env, timeout: 240_000 });
  } catch (error) {
    const failure = error as { code?: number | string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} exited ${String(failure.code)}: ${failure.stderr ?? ''}\nasked for but not in the store: ${registry.missing.join(', ') || 'nothing'}`);
  }
}

/** Bytes under a directory, as file sizes add up and as the disk counts them (whole blocks, as `du`). */
function sizeOf(directory: string): { apparent: number; disk: number } {
  let apparent = 0;
  let disk = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      const inner = sizeOf(file);
      apparent += inner.apparent;
      disk += inner.disk;
    }
    const info = lstatSync(file);
    apparent += entry.isDirectory() ? 0 : info.size;
    disk += info.blocks * 512;
  }
  return { apparent, disk };
}

/** The README's library example, as written there. */
function readmeLibraryExample(): string {
  const readme = readFileSync(path.join(repository, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library API'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README.md: no js block in the Library API section');
  return code;
}

beforeAll(async () => {
  mkdirSync(packs);
  mkdirSync(consumer);
  writeFileSync(path.join(work, 'npmrc'), '');
  tarballs = await packWorkspace(packs);
  registry = await startNpmRegistry(path.join(repository, 'node_modules', '.pnpm'));
  writeFileSync(path.join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  await npm(['install', ...libraryPackages.map((name) => tarballs.get(name) ?? '')], consumer);
  librarySize = sizeOf(path.join(consumer, 'node_modules'));
  await npm(['install', '--omit=optional', tarballs.get('cli') ?? ''], consumer);
}, 300_000);

afterAll(async () => {
  await registry?.close();
});

describe('the packed packages', () => {
  it.each(packageNames)('@trustscan/%s holds its build, types, README, licence and metadata, and no tests or build leftovers', (name) => {
    const files = readTarball(readFileSync(tarballs.get(name) ?? ''));
    const names = [...files.keys()];
    expect(names).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/index.js', 'package/dist/index.d.ts']));
    expect(names.filter((file) => /\.tsbuildinfo$|(^|\/)test\/|\.test\.[jt]s$/.test(file))).toEqual([]);
    const manifest = JSON.parse(files.get('package/package.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: `@trustscan/${name}`,
      license: 'Apache-2.0',
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\//) as unknown, directory: `packages/${name}` },
      engines: { node: '>=20' },
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    });
    expect((manifest['keywords'] as string[]).length).toBeGreaterThan(3);
    // pnpm turns workspace: ranges into versions, and publishConfig drops the workspace-only source condition.
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|@trustscan\/source/);
  });

  it('declare one version of every AWS SDK client, the same for all', () => {
    const manifest = JSON.parse(readTarball(readFileSync(tarballs.get('aws') ?? '')).get('package/package.json')?.toString('utf8') ?? '{}') as { dependencies: Record<string, string> };
    const clients = Object.entries(manifest.dependencies).filter(([dependency]) => dependency.startsWith('@aws-sdk/'));
    expect(clients.length).toBe(7);
    expect(new Set(clients.map(([, version]) => version)).size).toBe(1);
  });

  it(`core, rules and reporters install into an empty project in under ${libraryLimitBytes / 1024 / 1024} MB, without a cloud SDK`, () => {
    console.log(`core + rules + reporters: node_modules ${(librarySize.apparent / 1024 / 1024).toFixed(1)} MB of files, ${(librarySize.disk / 1024 / 1024).toFixed(1)} MB on disk`);
    expect(librarySize.disk).toBeLessThan(libraryLimitBytes);
    const installed = readdirSync(path.join(consumer, 'node_modules'));
    expect(installed.filter((name) => name === '@aws-sdk' || name === '@azure' || name === '@smithy')).toEqual([]);
  });

  it("runs the README's library example there", () => {
    writeFileSync(path.join(consumer, 'example.mjs'), readmeLibraryExample());
    copyFileSync(path.join(repository, 'examples/insecure/plan.json'), path.join(consumer, 'plan.json'));
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^aws-rds-storage-encrypted CC6\.1 PI1\.5 plan\.json \d+ /m);
    expect(run.stdout).toMatch(/^CC6\.1: fail$/m);
    expect(sarifProblems(readFileSync(path.join(consumer, 'trustscan.sarif'), 'utf8'))).toEqual([]);
  });

  it.each<[string, string[], number, RegExp]>([
    ['scans a Terraform directory', ['scan', 'insecure', '--no-cache', '-q'], 1, /aws-iam-policy-no-full-admin {2}insecure\/main\.tf:\d+/],
    ['scans a plan', ['scan', 'insecure/plan.json', '--fail-on', 'never', '-q'], 0, /aws-rds-storage-encrypted/],
    ['prints its version', ['--version'], 0, /^0\.1\.0\n$/],
  ])('npx trustscan %s', (_name, args, status, output) => {
    cpSync(path.join(repository, 'examples/insecure'), path.join(consumer, 'insecure'), { recursive: true });
    const run = spawnSync('npx', ['--no-install', 'trustscan', ...args], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(output);
    expect(run.status).toBe(status);
  });

  it('npx trustscan --aws without the optional @trustscan/aws says what to install, exit 2', () => {
    const run = spawnSync('npx', ['--no-install', 'trustscan', 'scan', '--aws'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('trustscan: --aws needs the @trustscan/aws package, which is not installed; install it beside @trustscan/cli (npm install @trustscan/aws, with -g for a global trustscan).\n');
    expect(run.status).toBe(2);
  });

  it('install with the CLI by default, so npx trustscan --aws and --azure load the cloud SDKs', async () => {
    const full = path.join(work, 'cli-user');
    mkdirSync(full);
    writeFileSync(path.join(full, 'package.json'), `${JSON.stringify({ name: 'cli-user', private: true }, null, 2)}\n`);
    const started = Date.now();
    await npm(['install', ...packageNames.map((name) => tarballs.get(name) ?? '')], full);
    console.log(`npm install of all six packages: ${((Date.now() - started) / 1000).toFixed(1)} s, node_modules ${(sizeOf(path.join(full, 'node_modules')).disk / 1024 / 1024).toFixed(1)} MB on disk`);
    // Nothing listens on port 1: the scans get as far as the first API call, which only the SDKs can make.
    const env = { ...process.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', TRUSTSCAN_AZURE_ENDPOINT: 'http://127.0.0.1:1', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' };
    const aws = spawnSync('npx', ['--no-install', 'trustscan', 'scan', '--aws', '-f', 'json', '-q'], { cwd: full, encoding: 'utf8', env });
    expect(aws.stderr).toMatch(/^trustscan: AWS: cannot reach STS in us-east-1 \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(aws.status).toBe(2);
    const azure = spawnSync('npx', ['--no-install', 'trustscan', 'scan', '--azure-subscription', '00000000-0000-0000-0000-000000000001', '-f', 'json', '-q'], { cwd: full, encoding: 'utf8', env });
    expect(azure.stderr).toMatch(/^trustscan: Azure Resource Manager at http:\/\/127\.0\.0\.1:1 failed reading subscriptions/);
    expect(azure.status).toBe(2);
    // The evidence ledger and its views: a scan recorded, then the period report of today.
    cpSync(path.join(repository, 'examples/insecure'), path.join(full, 'insecure'), { recursive: true });
    const recorded = spawnSync('npx', ['--no-install', 'trustscan', 'scan', 'insecure', '--no-cache', '--evidence', 'ev', '--fail-on', 'never', '-q'], { cwd: full, encoding: 'utf8' });
    expect(recorded.status).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const report = spawnSync('npx', ['--no-install', 'trustscan', 'evidence', 'report', 'ev', '--from', today, '--to', today, '-f', 'json'], { cwd: full, encoding: 'utf8' });
    expect(report.status).toBe(0);
    expect((JSON.parse(report.stdout) as { deviations: unknown[] }).deviations).toHaveLength(12);
  }, 240_000);

  it('pass `pnpm -r publish --dry-run`', async () => {
    // Against the local registry, where no @trustscan package exists yet; git checks are for the real release.
    const { stdout } = await promisify(execFile)('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks', '--registry', registry.url], { cwd: repository, timeout: 60_000 });
    for (const name of packageNames) expect(stdout).toContain(`@trustscan/${name}@0.1.0`);
  }, 90_000);
});
