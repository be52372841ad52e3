/**
 * Corrections and renamed articles in Chromium, on the corrections fixture (built for /news/): the corrected
 * article and the front page pass axe and the CSP in light and dark at phone and desktop widths; the
 * "Corrected" link leads to the notices; an old URL keeps the reader's #fragment both through nginx's 301
 * and through the static redirect page a host without redirect rules serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { noNginx, startNginx, type Nginx } from '../support/nginx.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';

const DIR = fixtureSiteDir('corrections');
const BASE = '/news/';
const ARTICLE = `${BASE}articles/harbour-bridge-reopens/`;
const OLD = `${BASE}articles/harbour-bridge-to-reopen/`;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

describe.skipIf(noBrowser)('corrections and renamed articles in Chromium', () => {
  let browser: Browser;
  let plain: StaticServer;

  beforeAll(async () => {
    [browser, plain] = await Promise.all([launchChromium(), serveStatic(DIR, BASE)]);
  });
  afterAll(async () => {
    await browser?.close();
    await plain?.close();
  });

  async function open(page: Page, url: string): Promise<string[]> {
    const csp: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.sample}`));
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    return [...(await page.evaluate(() => window.__cspViolations)), ...csp];
  }

  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(async (tags) => {
      // @ts-expect-error axe is injected above
      const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return (results.violations as { id: string; nodes: { target: string[] }[] }[]).map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }, AXE_TAGS);
  }

  for (const url of [ARTICLE, `${BASE}articles/school-survey-results/`, BASE]) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`${url} at ${width}px, ${scheme}: no axe violation, no CSP violation`, async () => {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          const page = await context.newPage();
          expect(await open(page, plain.origin + url)).toEqual([]);
          expect(await axe(page)).toEqual([]);
          await context.close();
        });
      }
    }
  }

  it('the "Corrected" link in the dateline leads to the notices', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await page.goto(plain.origin + ARTICLE);
    await page.getByRole('link', { name: /^Corrected / }).click();
    await page.waitForURL(`${plain.origin}${ARTICLE}#corrections`);
    const section = page.getByRole('region', { name: 'Corrections' });
    await expect(section.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    const box = await section.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(700);
    await context.close();
  });

  it('without host rules, the redirect page under /news/ keeps the #fragment', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${plain.origin}${OLD}#p2`);
    await page.waitForURL(`${plain.origin}${ARTICLE}#p2`);
    await expect(page.locator('#p2').evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    await context.close();
  });

  describe.skipIf(noNginx)('behind nginx with deploy/nginx.conf', () => {
    let nginx: Nginx;
    beforeAll(async () => {
      nginx = await startNginx(DIR, BASE);
    });
    afterAll(async () => {
      await nginx?.close();
    });

    it('the old URL answers 301 and the browser carries the #fragment to the article', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const first = page.waitForResponse((r) => r.url().startsWith(`${nginx.origin}${OLD}`));
      await page.goto(`${nginx.origin}${OLD}#p2`);
      expect((await first).status()).toBe(301);
      await page.waitForURL(`${nginx.origin}${ARTICLE}#p2`);
      await expect(page.locator('#p2').evaluate((el) => el.matches(':target'))).resolves.toBe(true);
      await context.close();
    });
  });
});
