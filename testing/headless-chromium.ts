/**
 * Opens a real headless Chromium through playwright-core, with a fresh profile per launch and every background
 * service that would reach the network turned off, so a test sees only the page. The browser is the system's
 * Chromium when there is one (`CHROMIUM_PATH`, else `chromium` or `chromium-browser` on `PATH`), else the Chromium
 * that the `@sparticuz/chromium` package ships, so `pnpm test` needs no browser installed by hand.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this machine's closed
// network refuses, many connections at a time.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HeadlessPage {
  readonly page: Page;
  /** Uncaught exceptions and console errors of the page, in order. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

/** A page of a new headless Chromium at the given viewport; close it to end the browser and delete its profile. */
export async function openHeadlessPage(viewport = { width: 1280, height: 900 }): Promise<HeadlessPage> {
  const executablePath = await chromiumExecutable();
  // Playwright takes the profile directory as a parameter of a persistent context instead of --user-data-dir.
  const profile = mkdtempSync(path.join(tmpdir(), 'trustscan-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs, viewport });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // A self-contained report must not load anything: fail every request that is not the report itself.
  await context.route(/^(?!file:)/, (route) => {
    errors.push(`request to ${route.request().url()}`);
    return route.abort();
  });
  return {
    page,
    errors,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** The system's Chromium when there is one, else the packaged one. */
export async function chromiumExecutable(): Promise<string> {
  return systemChromium() ?? (await packagedChromium());
}

/** `CHROMIUM_PATH`, else the first `chromium` or `chromium-browser` on `PATH`. */
function systemChromium(): string | undefined {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  for (const directory of (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(directory, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The Chromium of `@sparticuz/chromium`, unpacked once per version into `node_modules/.cache` (about 200 MB, kept like
 * any build cache rather than in the system temp folder). The package unpacks into `os.tmpdir()`, so it runs in a
 * child process whose TMPDIR is a fresh directory that is then renamed into place: concurrent test files never see a
 * half-written browser, and the system temp folder is left alone.
 */
async function packagedChromium(): Promise<string> {
  const require = createRequire(path.join(repositoryRoot, 'package.json'));
  // The package exports no package.json: find it from the entry point (build/cjs/index.cjs).
  const packageDirectory = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(repositoryRoot, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const executable = path.join(cache, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(path.dirname(cache), { recursive: true });
  const staging = mkdtempSync(`${cache}-unpacking-`);
  try {
    const script = "const { default: chromium } = await import('@sparticuz/chromium'); chromium.setGraphicsMode = false; await chromium.executablePath();";
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: repositoryRoot, env: { ...process.env, TMPDIR: staging }, timeout: 120_000 });
    try {
      renameSync(staging, cache);
    } catch (error) {
      // Another test file unpacked it first.
      if (!existsSync(executable)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return executable;
}
