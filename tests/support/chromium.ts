/**
 * Browser tests run in Debian's Chromium (scripts/lib/chromium.ts). Where none is found, they fail when
 * CI=true and otherwise skip loudly.
 */
import { chromiumPath, HOW_TO_INSTALL_CHROMIUM } from '../../scripts/lib/chromium.ts';

export { launchChromium } from '../../scripts/lib/chromium.ts';

if (!chromiumPath) {
  if (process.env.CI === 'true') {
    throw new Error(`No Chromium found, and CI=true: browser tests cannot be skipped. ${HOW_TO_INSTALL_CHROMIUM}`);
  }
  console.warn(`\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: no Chromium found.\n!! ${HOW_TO_INSTALL_CHROMIUM}\n${'!'.repeat(78)}\n`);
}

/** Whether browser tests should be skipped (no Chromium, outside CI). */
export const noBrowser = !chromiumPath;
