/**
 * Sharing in Chromium: the share button (Web Share API when present, otherwise copying the
 * permalink, announced in a live region), paragraph deep links, and redirects from old slugs.
 * The seed article is read from the seed fixture's build (tests/fixtures/sets/seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { SEED_SLUG } from '../support/source-article.ts';

const SHARING_SITE_DIR = fixtureSiteDir('sharing');
const SEED_SITE_DIR = fixtureSiteDir('seed');

const ARTICLE = `/articles/${SEED_SLUG}/`;
const PERMALINK = `${TEST_SITE_URL}${ARTICLE}`;

describe.skipIf(noBrowser)('sharing in Chromium', () => {
  let browser: Browser;
  let site: StaticServer;
  let fixture: StaticServer;

  beforeAll(async () => {
    [browser, site, fixture] = await Promise.all([launchChromium(), serveStatic(SEED_SITE_DIR), serveStatic(SHARING_SITE_DIR)]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([site?.close(), fixture?.close()]);
  });

  /** A context whose browser has no Web Share API (as desktop Linux Chromium), with clipboard access granted. */
  async function contextWithoutWebShare(): Promise<BrowserContext> {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
      delete (Navigator.prototype as { canShare?: unknown }).canShare;
    });
    return context;
  }

  it('with JavaScript off there is no share button at all', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.origin + ARTICLE);
    await expect(page.getByRole('button', { name: 'Share' }).count()).resolves.toBe(0);
    await expect(page.locator('.para-link').count()).resolves.toBe(0);
    await context.close();
  });

  it('without the Web Share API, the button copies the permalink and says so', async () => {
    const context = await contextWithoutWebShare();
    const page = await context.newPage();
    await page.goto(site.origin + ARTICLE);
    const button = page.getByRole('button', { name: 'Share' });
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(PERMALINK);
    await context.close();
  });

  it('with the Web Share API, the button hands it the headline and the permalink', async () => {
    const context = await browser.newContext();
    // Headless Linux Chromium has no share sheet: record what the page asks the browser to share.
    await context.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { __shared: shared });
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    });
    const page = await context.newPage();
    await page.goto(site.origin + ARTICLE);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared)).resolves.toEqual([
      { title: 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says', url: PERMALINK },
    ]);
    await context.close();
  });

  it('revealing the share button shifts nothing (CLS 0)', async () => {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(site.origin + ARTICLE, { waitUntil: 'load' });
      await expect(page.getByRole('button', { name: 'Share' }).isVisible()).resolves.toBe(true);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) total += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 300);
          }),
      );
      expect(shift, `CLS at ${width}px`).toBe(0);
      await context.close();
    }
  });

  it('a deep link scrolls to its paragraph and marks it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${ARTICLE}#p6`);
    const p6 = page.locator('#p6');
    await expect(p6.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    const box = await p6.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(700);
    const background = await p6.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });

  it('each paragraph has a link, shown on hover and focus, that copies its deep link', async () => {
    const context = await contextWithoutWebShare();
    const page = await context.newPage();
    await page.goto(site.origin + ARTICLE);
    const link = page.locator('#p3 .para-link');
    await expect(link.getAttribute('href')).resolves.toBe('#p3');
    await expect(link.getAttribute('aria-label')).resolves.toBe('Copy link to paragraph 3');
    await expect(link.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('0');
    await page.locator('#p3').hover();
    await expect(link.evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('1');
    await link.focus();
    await link.click();
    await page.getByRole('status').filter({ hasText: 'Link to paragraph 3 copied' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${PERMALINK}#p3`);
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#p3');
    await context.close();
  });

  it.each(['council-budget-vote-postponed', 'budget-vote-postponed'])('the old URL /articles/%s/ lands on the article', async (old) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.origin}/articles/${old}/`);
    await page.waitForURL(`${fixture.origin}/articles/council-budget-vote-delayed/`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Example council delays its budget vote/);
    await context.close();
  });

  // A host without redirect rules (GitHub Pages; here the plain static server) serves the redirect page itself.
  it('the redirect page keeps the reader’s place: /articles/<old>/#p3 ends at /articles/<new>/#p3', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    });
    await page.goto(`${fixture.origin}/articles/council-budget-vote-postponed/#p3`);
    await page.waitForURL(`${fixture.origin}/articles/council-budget-vote-delayed/#p3`);
    await expect(page.locator('#p3').evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('with JavaScript off, the redirect page still moves the reader to the article (meta refresh)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixture.origin}/articles/budget-vote-postponed/#p3`);
    await page.waitForURL(`${fixture.origin}/articles/council-budget-vote-delayed/`);
    await context.close();
  });
});
