/**
 * The hostile fixture page (tests/fixtures/sets/editorial/hostile-markup) in a real Chromium:
 * every vector tries to set `window.__pwned` or open a dialog. Nothing may run, and the harmless
 * text around each vector ("Before vector NN." … "After vector NN.") must still be there, in order.
 * The page's Content-Security-Policy is bypassed, so this tests the sanitiser, not the CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { FIXTURE_SETS, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

const source = readFileSync(path.join(ROOT, FIXTURE_SETS.editorial, 'hostile-markup/index.md'), 'utf8');
const VECTORS = [...new Set([...source.matchAll(/Before vector (\d+)\./g)].map((m) => m[1]!))];
/** Frontmatter fields carrying an injection attempt. */
const FRONTMATTER_VECTORS = source
  .split('\n---')[0]!
  .split('\n')
  .filter((l) => /<|onerror|"/.test(l) && /__pwned|alert/.test(l)).length;

describe.skipIf(noBrowser)('hostile markup in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  const dialogs: string[] = [];
  let result: { pwned: unknown; pwnedType: string; bodyText: string; hasBodyVisible: boolean; titles: string[] };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(fixtureSiteDir('editorial'))]);
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/articles/hostile-markup/`, { waitUntil: 'load' });
    // Give timers, animations, autofocus and media errors a moment, then poke every element.
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('main *')) {
        for (const type of ['mouseover', 'focus', 'toggle', 'animationstart']) el.dispatchEvent(new Event(type));
      }
    });
    await page.waitForTimeout(200);
    result = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      // An element with id="__pwned" (a heading, say) would make it an object rather than a string.
      pwnedType: typeof (window as unknown as { __pwned?: unknown }).__pwned,
      bodyText: (document.querySelector('.article-body') as HTMLElement).innerText,
      hasBodyVisible: getComputedStyle(document.querySelector('.article-body')!).display !== 'none',
      titles: [document.title],
    }));
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`tries at least 20 vectors in the body (${VECTORS.length}) and 5 in the frontmatter (${FRONTMATTER_VECTORS})`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(20);
    expect(FRONTMATTER_VECTORS).toBeGreaterThanOrEqual(5);
  });

  it('runs none of them: no dialog, no global set', () => {
    expect(dialogs).toEqual([]);
    expect(result.pwned).toBeUndefined();
    expect(result.pwnedType).toBe('undefined');
  });

  it('lets no injected style hide the body', () => {
    expect(result.hasBodyVisible).toBe(true);
  });

  it('keeps the harmless text around every vector, in order', () => {
    let from = 0;
    for (const n of VECTORS) {
      for (const marker of [`Before vector ${n}.`, `After vector ${n}.`]) {
        const at = result.bodyText.indexOf(marker, from);
        expect(at, `${marker} missing or out of order`).toBeGreaterThanOrEqual(0);
        from = at + marker.length;
      }
    }
  });

  it('shows code that mentions a script as text', () => {
    expect(result.bodyText).toContain(`<script>alert('v28')</script>`);
  });
});
