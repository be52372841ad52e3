/**
 * Every built page of every site build (content/ and the newsroom fixture: tests/support/site-builds.ts) in
 * Chromium, at 390 px and 1280 px, light and dark: axe-core finds no WCAG 2.2 AA or best-practice violation, and
 * the page's Content-Security-Policy reports no violation (the page is served by nginx with deploy/nginx.conf
 * when nginx is installed, else by the plain static server). A redirect page (an old slug) is checked as
 * itself: its meta refresh is held back (the target answers 204 No Content, so the browser stays put).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { noNginx, startNginx } from '../support/nginx.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { builtPages } from '../support/built-pages.ts';
import { pathOf, redirectsOf, siteBuilds } from '../support/site-builds.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Every WCAG 2.0–2.2 level A and AA rule axe-core has (2.2 added AA rules only), plus best practice.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;
const BUILDS = siteBuilds();

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

describe.skipIf(noBrowser)('quality gates in Chromium', () => {
  let browser: Browser;
  /** One server per build, by build name. */
  const servers = new Map<string, { origin: string; close(): Promise<void> }>();
  const serve = (dir: string) => (noNginx ? serveStatic(dir) : startNginx(dir, '/'));
  /**
   * Redirect pages (old slugs) as a host without redirect rules serves them (GitHub Pages): nginx answers
   * their URLs with a 301 to the article instead (tests/build/redirects-nginx.test.ts checks that).
   */
  const plainServers = new Map<string, { origin: string; close(): Promise<void> }>();

  beforeAll(async () => {
    browser = await launchChromium();
    for (const build of BUILDS) servers.set(build.name, await serve(build.siteDir));
    for (const build of BUILDS) plainServers.set(build.name, await serveStatic(build.siteDir));
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of [...servers.values(), ...plainServers.values()]) await server.close();
  });

  /**
   * Open a page with a CSP violation listener installed before any of the page's own code runs. For a
   * redirect page, `stay` is where it redirects to: that navigation gets 204 No Content, so the page remains.
   */
  async function open(page: Page, url: string, server: { origin: string }, stay?: string) {
    if (stay) await page.route(server.origin + stay, (route) => route.fulfill({ status: 204 }));
    const consoleCsp: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) consoleCsp.push(msg.text());
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
        );
      });
    });
    if (stay) {
      // A redirect page's script leaves while the page loads (tests/browser/sharing.test.ts follows it): that
      // navigation is held (204), and Chromium then never fires `load`, so wait for the document instead.
      await page.goto(server.origin + url, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.readyState === 'complete');
    } else {
      await page.goto(server.origin + url, { waitUntil: 'load' });
    }
    // Let late work (module scripts, image decoding) report, then collect.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    // Every violation so far, reported to the page or on the console.
    const csp = async () => [...(await page.evaluate(() => window.__cspViolations)), ...consoleCsp];
    return { csp };
  }

  async function axe(page: Page) {
    // Evaluated through the DevTools protocol, so the page's own CSP does not block it.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    return page.evaluate(async (tags) => {
      // @ts-expect-error axe is injected above
      const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return (
        results.violations as { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[]
      ).map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`);
    }, AXE_TAGS);
  }

  /** axe at every viewport and colour scheme, applied in turn to the loaded page: "390px, dark" → violations. */
  async function axeEverywhere(page: Page): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const viewport of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
        found[`${viewport.width}px, ${scheme}`] = await axe(page);
      }
    }
    return found;
  }

  for (const build of BUILDS) {
    const pages = builtPages(build.siteDir);
    /** Old slug's page → the article it redirects to. */
    const redirectTo = new Map(redirectsOf(build).map((r) => [pathOf(build, r.old), pathOf(build, r.to.slug)]));

    it(`${build.name}: covers every built page`, () => {
      expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(['index.html', '404.html']));
    });

    // One load per page; the four combinations are applied to it in turn (resize, colour scheme), which is what
    // a reader's browser does too, and costs a quarter of loading the page four times.
    for (const { file, url } of pages) {
      it(`${build.name}: ${file} at ${VIEWPORTS.map((v) => `${v.width}px`).join(' and ')}, ${SCHEMES.join(' and ')}: no axe violation, no CSP violation`, async () => {
        const context = await browser.newContext({ viewport: VIEWPORTS[0], colorScheme: SCHEMES[0], deviceScaleFactor: 1 });
        const page = await context.newPage();
        const server = (redirectTo.has(url) ? plainServers : servers).get(build.name)!;
        const { csp } = await open(page, url, server, redirectTo.get(url));
        expect(page.url()).toBe(server.origin + url);
        const found = await axeEverywhere(page);
        expect(await csp()).toEqual([]);
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
        await context.close();
      });
    }
  }

  it('would notice a CSP violation: an injected inline script is blocked and reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, '/', servers.get(BUILDS.at(-1)!.name)!);
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
    await open(page, '/', servers.get(BUILDS.at(-1)!.name)!);
    await page.evaluate(() => document.querySelector('img')!.removeAttribute('alt'));
    expect((await axe(page)).join('\n')).toMatch(/^image-alt/m);
    await context.close();
  });

  it('would notice an axe violation that shows in one colour scheme only', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0], colorScheme: SCHEMES[0] });
    const page = await context.newPage();
    await open(page, '/', servers.get(BUILDS.at(-1)!.name)!);
    // Through the CSSOM, which the page's CSP does not govern: dark text on the dark background, in dark mode only.
    await page.evaluate(() =>
      document.styleSheets[0]!.insertRule('@media (prefers-color-scheme: dark) { main h2, main h2 a { color: #111 !important; } }'),
    );
    const found = await axeEverywhere(page);
    expect(Object.entries(found).map(([where, v]) => [where, v.some((x) => x.startsWith('color-contrast'))])).toEqual(
      VIEWPORTS.flatMap((v) => SCHEMES.map((scheme) => [`${v.width}px, ${scheme}`, scheme === 'dark'])),
    );
    await context.close();
  });
});
