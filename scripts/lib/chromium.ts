/**
 * Debian's Chromium, driven by playwright-core (Playwright's own browser download cannot work here), for the
 * browser tests and `npm run lighthouse`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium found on this machine (CHROMIUM_PATH first), if any. */
export const chromiumPath: string | undefined = CANDIDATES.find((p): p is string => !!p && existsSync(p));

export const HOW_TO_INSTALL_CHROMIUM = 'Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).';

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
  if (!chromiumPath) throw new Error(`No Chromium found. ${HOW_TO_INSTALL_CHROMIUM}`);
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
}
