/**
 * Debian's Chromium, driven by playwright-core (Playwright's own browser download cannot work here).
 * Where no Chromium is found, browser tests fail when CI=true and otherwise skip loudly.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const chromiumPath: string | undefined = CANDIDATES.find((p): p is string => !!p && existsSync(p));

const HOW_TO_INSTALL = 'Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).';

if (!chromiumPath) {
  if (process.env.CI === 'true') {
    throw new Error(`No Chromium found, and CI=true: browser tests cannot be skipped. ${HOW_TO_INSTALL}`);
  }
  console.warn(`\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: no Chromium found.\n!! ${HOW_TO_INSTALL}\n${'!'.repeat(78)}\n`);
}

/** Whether browser tests should be skipped (no Chromium, outside CI). */
export const noBrowser = !chromiumPath;

/** Flags for Chromium on this kind of machine: root, no GPU, no network beyond loopback. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_FLAGS });
}
