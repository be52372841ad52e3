/**
 * The listings fixture (tests/support/listings-fixture.ts) in Chromium: a sample of its pages of every
 * kind — front page, latest, a section and its later page, a topic, an author, the archive, a year, a month
 * and its second page, an article, the 404 — has zero axe violations and no CSP violation at 390 and
 * 1280 px, light and dark, and fits 320 px with no horizontal scroll. At 320 px the site navigation
 * scrolls within itself (no menu script) and the archive link stays in view; the pager fits. Screenshots
 * of the front page and a section page at 390 and 1280 px, light and dark, go to tests/.output/screenshots/
 * (look at them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { noNginx, startNginx } from '../support/nginx.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { listingsBuild } from '../support/listings-build.ts';
import { SCREENSHOTS } from '../support/paths.ts';

const build = listingsBuild();
const SAMPLE = [
  '/',
  '/latest/',
  '/latest/3/',
  '/sections/politics/',
  '/sections/culture/2/',
  '/topics/budget/',
  '/authors/alex-example/',
  '/archive/',
  '/archive/2026/',
  '/archive/2026/03/',
  '/archive/2026/03/2/',
  `/articles/${build.published[0]!.slug}/`,
  '/no-such-page/',
];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;
const SCREENSHOT_PAGES = { front: '/', section: '/sections/politics/' };

declare global {
  interface Window {
    __csp: string[];
  }
}

describe.skipIf(noBrowser)('listings fixture in Chromium', () => {
  let browser: Browser;
  let server: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(), noNginx ? serveStatic(build.siteDir) : startNginx(build.siteDir, '/')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(page: Page, urlPath: string) {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    const response = await page.goto(server.origin + urlPath, { waitUntil: 'load' });
    return response!.status();
  }

  const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));

  it.each(SAMPLE)('%s: no axe or CSP violation at 390 and 1280 px, light and dark; fits 320 px', async (urlPath) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    expect(await open(page, urlPath)).toBe(urlPath === '/no-such-page/' ? 404 : 200);
    await settle(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      'overflow at 320 px',
    ).toBeLessThanOrEqual(0);
    const found: Record<string, string[]> = {};
    for (const viewport of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await settle(page);
        found[`${viewport.width}px, ${scheme}`] = await axeViolations(page);
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    await context.close();
  });

  it('at 320 px the section list scrolls within the header, the archive link stays in view, and a focused link is scrolled to', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await open(page, '/sections/politics/');
    const list = page.locator('.nav-sections');
    const { scrollWidth, clientWidth } = await list.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth); // more sections than fit: it scrolls, the page does not
    const archive = await page.getByRole('link', { name: 'Archive', exact: true }).first().boundingBox();
    expect(archive!.x + archive!.width).toBeLessThanOrEqual(320);
    // Keyboard: tabbing to the last section brings it into view.
    const last = page.locator('.nav-sections a').last();
    await last.focus();
    await settle(page);
    const box = await last.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('at 320 px the pager fits, and a reader can page through with JavaScript off', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/latest/8/`);
    for (const link of await page.locator('nav[aria-label=Pages] a').all()) {
      const box = await link.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      expect(box!.height).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
    }
    await page.locator('nav[aria-label=Pages] a[rel=next]').click();
    await page.waitForURL('**/latest/9/');
    await expect(page.locator('h1').innerText()).resolves.toBe('Latest news — page 9 of 15');
    await context.close();
  });

  for (const [name, urlPath] of Object.entries(SCREENSHOT_PAGES)) {
    for (const viewport of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        it(`screenshot: ${name} at ${viewport.width}px, ${scheme}`, async () => {
          const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
          const page = await context.newPage();
          await open(page, urlPath);
          // Scroll through so lazy pictures load before the full-page shot.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 400) {
              window.scrollTo(0, y);
              await new Promise((r) => setTimeout(r, 20));
            }
            window.scrollTo(0, 0);
            await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
          });
          const broken = await page.$$eval('img', (imgs) =>
            imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.currentSrc),
          );
          expect(broken).toEqual([]);
          await page.screenshot({ path: path.join(SCREENSHOTS, `listings-${name}-${viewport.width}-${scheme}.png`), fullPage: true });
          await context.close();
        });
      }
    }
  }
});
