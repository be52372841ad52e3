/** The print stylesheet in Chromium: the article only, image and caption kept, link targets written out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { SCREENSHOTS } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';

const SHARING_SITE_DIR = fixtureSiteDir('sharing');

describe.skipIf(noBrowser)('print', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(SHARING_SITE_DIR)]);
    page = await browser.newPage();
    await page.goto(`${server.origin}/articles/council-budget-vote-delayed/`);
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hides the site chrome and the share button', async () => {
    for (const selector of ['.skip-link', '.site-header', '.site-footer', '.share']) {
      await expect(
        page.locator(selector).evaluate((el) => getComputedStyle(el).display),
        selector,
      ).resolves.toBe('none');
    }
  });

  it('keeps the headline, the lead image with its caption and credit, and the body', async () => {
    for (const selector of ['h1', 'figure img', 'figcaption .caption', 'figcaption .credit', '.key-points', '#p1']) {
      await expect(page.locator(selector).isVisible(), selector).resolves.toBe(true);
    }
  });

  it('writes out the target of external links', async () => {
    const after = await page.locator('a[href="https://example.org/notice"]').evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://example.org/notice');
  });

  it('prints black on white, whatever the colour scheme', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe('rgb(255, 255, 255)');
    await expect(page.locator('h1').evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(0, 0, 0)');
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, 'article-print.pdf'), await page.pdf({ format: 'A4' }));
  });
});
