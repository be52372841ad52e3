/**
 * The built pages in a real Chromium: phone and desktop, light and dark. No horizontal overflow,
 * images loaded, no console errors or failed requests, readable with JavaScript off.
 * The seed fixture's build (tests/fixtures/sets/seed) at every size and scheme, with screenshots in
 * tests/.output/screenshots (git-ignored: look at them); the front page and every published article page of
 * every site build (content/ and the newsroom fixture: tests/support/site-builds.ts) at the smallest width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { SCREENSHOTS } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';
import { pathOf, siteBuilds } from '../support/site-builds.ts';

const PAGES = { front: '/', article: `/articles/${SEED_SLUG}/`, notfound: '/no-such-page/' };
const VIEWPORTS = [
  { name: 'small', width: 320, height: 640 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;

/** Open a page and collect everything that went wrong while loading it. */
async function open(page: Page, origin: string, urlPath: string) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('404 (Not Found)')) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && res.url() !== new URL(urlPath, origin).href) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const response = await page.goto(origin + urlPath, { waitUntil: 'load' });
  return { response, problems };
}

/** Scroll through so lazy images load, then report every image that did not decode, and the horizontal overflow. */
async function layout(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
  const images = await page.$$eval('img', (imgs) => imgs.map((img) => ({ src: img.currentSrc, ok: img.complete && img.naturalWidth > 0 })));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return { images, overflow };
}

describe.skipIf(noBrowser)('pages in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(), serveStatic(fixtureSiteDir('seed'))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      for (const [name, urlPath] of Object.entries(PAGES)) {
        it(`${name} at ${viewport.width}px, ${scheme}: fits, loads every image, no errors`, async () => {
          const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
          const page = await context.newPage();
          const { response, problems } = await open(page, server.origin, urlPath);
          expect(response?.status()).toBe(name === 'notfound' ? 404 : 200);

          const { images, overflow } = await layout(page);
          for (const img of images) expect(img, img.src).toMatchObject({ ok: true });
          if (name !== 'notfound') expect(images.length).toBeGreaterThan(0);
          expect(overflow).toBeLessThanOrEqual(0);
          expect(problems).toEqual([]);

          await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport.name}-${scheme}.png`), fullPage: true });
          await context.close();
        });
      }
    }
  }

  it('the article reads completely with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(server.origin + PAGES.article);
    const source = readSourceArticle();
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    const visibleText = await page.locator('main').innerText();
    for (const part of [source.caption, source.credit, ...source.summary, ...source.body]) {
      expect(visibleText).toContain(part);
    }
    await expect(page.locator('figure img').evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).resolves.toBe(true);
    await context.close();
  });

  it('the front page links through to the article', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.origin + PAGES.front);
    await page.locator('.card h2 a').first().click();
    await page.waitForURL(`**${PAGES.article}`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Trump wanted to meet/);
    await context.close();
  });

  it('the skip link is the first tab stop and moves focus to main', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + PAGES.article);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await expect(page.locator('.skip-link').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    await context.close();
  });
});

for (const build of siteBuilds()) {
  describe.skipIf(noBrowser)(`${build.name} in Chromium at ${VIEWPORTS[0]!.width}px`, () => {
    let browser: Browser;
    let server: StaticServer;

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchChromium(), serveStatic(build.siteDir)]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const pages = ['/', ...build.published.map((e) => pathOf(build, e.slug))];
    it.each(pages)('%s fits, loads every image, no errors', async (urlPath) => {
      const context = await browser.newContext({ viewport: VIEWPORTS[0], deviceScaleFactor: 1 });
      const page = await context.newPage();
      const { response, problems } = await open(page, server.origin, urlPath);
      expect(response?.status()).toBe(200);
      const { images, overflow } = await layout(page);
      for (const img of images) expect(img, img.src).toMatchObject({ ok: true });
      expect(images.length).toBeGreaterThan(0);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
