/**
 * A table wider than the column (tests/fixtures/sets/awkward/wide-table: 7 columns) in Chromium at
 * 320 px: the page itself never scrolls sideways; the table scrolls inside its region, which a keyboard
 * user can focus and scroll with the arrow keys; axe finds nothing, light or dark.
 * Screenshots: tests/.output/screenshots/wide-table-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { SCREENSHOTS } from '../support/paths.ts';
import { axeViolations } from '../support/axe.ts';

const URL_PATH = '/articles/wide-table/';

describe.skipIf(noBrowser)('a wide table in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(), serveStatic(fixtureSiteDir('awkward'))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`at 320 px, ${scheme}: the page does not scroll sideways, the table does; axe finds nothing`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(server.origin + URL_PATH, { waitUntil: 'load' });

      const table = await page.evaluate(() => {
        const tables = [...document.querySelectorAll('.article-body table')];
        const wide = tables.find((t) => (t as HTMLTableElement).rows[0]!.cells.length === 7)!;
        const region = wide.parentElement!;
        return {
          tables: tables.length,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          tableWidth: wide.getBoundingClientRect().width,
          regionTag: region.tagName,
          regionName: region.getAttribute('aria-label'),
          regionScrolls: region.scrollWidth > region.clientWidth,
          regionRight: region.getBoundingClientRect().right,
          names: [...document.querySelectorAll('.article-body section.table-scroll')].map((s) => s.getAttribute('aria-label')),
        };
      });
      expect(table.tables).toBe(3);
      expect(table.names).toEqual(['Table 1', 'Table 2', 'Turnout by ward']);
      expect(table.tableWidth, 'the fixture table must be wider than the column').toBeGreaterThan(320);
      expect(table.pageOverflow).toBeLessThanOrEqual(0);
      expect(table).toMatchObject({ regionTag: 'SECTION', regionName: 'Table 1', regionScrolls: true });
      expect(table.regionRight).toBeLessThanOrEqual(320);

      // Keyboard: Tab reaches the region, and the arrow keys scroll it.
      const region = page.locator('section.table-scroll').first();
      let focused = false;
      for (let i = 0; i < 30 && !focused; i += 1) {
        await page.keyboard.press('Tab');
        focused = await region.evaluate((el) => el === document.activeElement);
      }
      expect(focused, 'Tab never reached the table region').toBe(true);
      expect(await region.evaluate((el) => el.scrollLeft)).toBe(0);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(400); // smooth scrolling
      expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.scrollX)).toBe(0);

      await region.evaluate((el) => el.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, `wide-table-320-${scheme}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
