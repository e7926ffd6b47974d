/**
 * Opens Debian's Chromium (`apt-get install chromium`) headless through playwright-core, with a fresh profile per
 * launch and every background service that would reach the network turned off, so a test sees only the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface HeadlessPage {
  readonly page: Page;
  /** Uncaught exceptions and console errors of the page, in order. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

/** A page of a new headless Chromium at the given viewport; close it to end the browser and delete its profile. */
export async function openHeadlessPage(viewport = { width: 1280, height: 900 }): Promise<HeadlessPage> {
  // Playwright takes the profile directory as a parameter of a persistent context instead of --user-data-dir.
  const profile = mkdtempSync(path.join(tmpdir(), 'trustscan-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start Chromium at ${chromiumPath} (install it with apt-get install -y chromium): ${(error as Error).message.split('\n')[0] ?? ''}`);
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
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
