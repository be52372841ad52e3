/**
 * Every built page in Chromium, at 390 px and 1280 px, light and dark: axe-core finds no WCAG 2.2 AA or
 * best-practice violation, and the page's Content-Security-Policy reports no violation (the page is
 * served by nginx with deploy/nginx.conf when nginx is installed, else by the plain static server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { noNginx, startNginx } from '../support/nginx.ts';
import { serveStatic } from '../support/static-server.ts';
import { builtPages } from '../support/built-pages.ts';
import { SITE_DIR } from '../support/paths.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Every WCAG 2.0–2.2 level A and AA rule axe-core has (2.2 added AA rules only), plus best practice.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;
const PAGES = builtPages();

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

describe.skipIf(noBrowser)('quality gates in Chromium', () => {
  let browser: Browser;
  let server: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), noNginx ? serveStatic(SITE_DIR) : startNginx(SITE_DIR, '/')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open a page with a CSP violation listener installed before any of the page's own code runs. */
  async function open(page: Page, url: string) {
    const consoleCsp: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) consoleCsp.push(msg.text());
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
      });
    });
    await page.goto(server.origin + url, { waitUntil: 'load' });
    // Let late work (module scripts, image decoding) report, then collect.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const violations = await page.evaluate(() => window.__cspViolations);
    return { csp: [...violations, ...consoleCsp] };
  }

  async function axe(page: Page) {
    // Evaluated through the DevTools protocol, so the page's own CSP does not block it.
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(async (tags) => {
      // @ts-expect-error axe is injected above
      const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return (results.violations as { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[]).map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`,
      );
    }, AXE_TAGS);
  }

  it('covers every built page', () => {
    expect(PAGES.map((p) => p.file)).toEqual(expect.arrayContaining(['index.html', '404.html']));
  });

  for (const { file, url } of PAGES) {
    for (const viewport of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        it(`${file} at ${viewport.width}px, ${scheme}: no axe violation, no CSP violation`, async () => {
          const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
          const page = await context.newPage();
          const { csp } = await open(page, url);
          expect(csp).toEqual([]);
          expect(await axe(page)).toEqual([]);
          await context.close();
        });
      }
    }
  }

  it('would notice a CSP violation: an injected inline script is blocked and reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, PAGES.find((p) => p.file === 'index.html')!.url);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      return new Promise((r) => setTimeout(() => r((window as unknown as { __injected?: boolean }).__injected === true), 50));
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([expect.stringMatching(/^script-src/)]);
    await context.close();
  });

  it('would notice an axe violation: an image without alt text is reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, PAGES.find((p) => p.file === 'index.html')!.url);
    await page.evaluate(() => document.querySelector('img')!.removeAttribute('alt'));
    expect((await axe(page)).join('\n')).toMatch(/^image-alt/m);
    await context.close();
  });
});
