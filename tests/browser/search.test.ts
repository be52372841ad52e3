/**
 * Search in Chromium, on the generated fixture (300 articles; tests/support/generated-fixture.ts) served by nginx
 * with deploy/nginx.conf (or the plain static server without nginx), and on the corrections fixture under /news/:
 * typing a phrase from one article lists that article first, with its date, section and excerpt; the section filter
 * narrows the results; the page loads Pagefind's WebAssembly under its own CSP with no violation, while an article
 * page's CSP refuses WebAssembly; with JavaScript off the page says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, noBrowser } from '../support/chromium.ts';
import { axeViolations } from '../support/axe.ts';
import { SCREENSHOTS } from '../support/paths.ts';
import { noNginx, startNginx } from '../support/nginx.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { generatedArticles } from '../support/generated-fixture.ts';
import type { GeneratedArticle } from '../../scripts/lib/article-generator.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { SITE } from '../../src/site.config.ts';
import { browseLinks } from '../../src/lib/browse-links.ts';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

type Server = { origin: string; close(): Promise<void> };
const serve = (dir: string, base: string): Promise<Server> => (noNginx ? serveStatic(dir, base) : startNginx(dir, base));

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean);

/**
 * A phrase a reader would remember from an article and type (lowercase, no punctuation): the `n` consecutive words
 * of its body that are the least common across the articles (by how many articles use each), not "the said and".
 */
function phraseOf(article: GeneratedArticle, all: readonly GeneratedArticle[], n = 4): string {
  const usedBy = new Map<string, number>();
  for (const a of all) for (const w of new Set(wordsOf(a.paragraphs.join(' ')))) usedBy.set(w, (usedBy.get(w) ?? 0) + 1);
  const words = wordsOf(article.paragraphs.join(' '));
  let best = 0;
  let bestScore = Infinity;
  for (let i = 0; i + n <= words.length; i++) {
    const score = words.slice(i, i + n).reduce((sum, w) => sum + usedBy.get(w)!, 0);
    if (score < bestScore) [best, bestScore] = [i, score];
  }
  return words.slice(best, best + n).join(' ');
}

/** A page that records CSP violations (from the page and the console), errors and failed requests. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text()) || msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  return async () => [...problems, ...(await page.evaluate(() => window.__cspViolations))];
}

/** The results as a reader sees them. */
async function results(page: Page) {
  return page.$$eval('.search-results > li', (items) =>
    items.map((li) => ({
      href: li.querySelector('h2 a')?.getAttribute('href'),
      headline: li.querySelector('h2 a')?.textContent,
      meta: li.querySelector('.search-meta')?.textContent ?? '',
      datetime: li.querySelector('.search-meta time')?.getAttribute('datetime'),
      marks: [...li.querySelectorAll('.search-excerpt mark')].map((m) => m.textContent),
    })),
  );
}

/** Type a query and wait for the status to report on it. */
async function search(page: Page, query: string) {
  await page.fill('#search-query', query);
  await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent?.includes(`“${q}”`), query, { timeout: 15_000 });
}

/** Compile an empty WebAssembly module in the page: 'ok', or the error the page's CSP gives. */
const compileWasm = (page: Page) =>
  page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => 'ok',
      (e: Error) => e.message,
    ),
  );

describe.skipIf(noBrowser)('search in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let news: Server;
  const articles = generatedArticles();

  beforeAll(async () => {
    [browser, server, news] = await Promise.all([
      launchChromium(),
      serve(fixtureSiteDir('generated'), '/'),
      serve(fixtureSiteDir('corrections'), '/news/'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await news?.close();
  });

  it('typing a phrase from one article lists that article first, with its date, section and excerpt, and no CSP violation', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    const bytes: number[] = [];
    page.on('requestfinished', async (req) => bytes.push((await req.sizes()).responseBodySize));
    await page.goto(`${server.origin}/search/`);
    for (const article of [articles[137]!, articles[3]!, articles[250]!]) {
      const phrase = phraseOf(article, articles);
      await search(page, phrase);
      const [first] = await results(page);
      expect(first, phrase).toMatchObject({
        href: `/articles/${article.slug}/`,
        headline: article.title,
        datetime: article.published.toISOString(),
        meta: `${formatDate(article.published, SITE.lang, SITE.timeZone)}${article.section ? ` · ${article.section}` : ''}`,
      });
      expect(first!.marks.length).toBeGreaterThan(0);
      expect(page.url()).toBe(`${server.origin}/search/?q=${encodeURIComponent(phrase).replace(/%20/g, '+')}`);
    }
    console.log(
      `[search] page, Pagefind and three queries over 300 articles: ${bytes.reduce((a, b) => a + b, 0)} bytes in ${bytes.length} responses`,
    );
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('finds an article by its headline, and the result leads to it', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    const article = articles[42]!;
    await page.goto(`${server.origin}/search/`);
    await search(page, article.title);
    expect((await results(page))[0]?.href).toBe(`/articles/${article.slug}/`);
    await Promise.all([page.waitForURL(`${server.origin}/articles/${article.slug}/`), page.click('.search-results > li:first-child h2 a')]);
    expect(await page.textContent('h1')).toBe(article.title);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('filters by section, from the address too (a search can be shared)', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    // The most common word of the generated prose is in nearly every article.
    const common = articles[0]!.paragraphs
      .join(' ')
      .toLowerCase()
      .replace(/[^a-z\s]/g, '')
      .split(/\s+/);
    const word = [...common].sort((a, b) => common.filter((w) => w === b).length - common.filter((w) => w === a).length)[0]!;
    await page.goto(`${server.origin}/search/?q=${word}&section=Sport`);
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('in Sport'), null, {
      timeout: 15_000,
    });
    expect(await page.inputValue('#search-query')).toBe(word);
    expect(await page.inputValue('#search-section')).toBe('Sport');
    const options = await page.$$eval('#search-section option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['All sections', 'Business', 'Long Reads', 'Politics', 'Sport']);
    const sport = await results(page);
    expect(sport.length).toBe(10); // the first page of results
    for (const r of sport) expect(r.meta).toMatch(/ · Sport$/);
    expect(await page.isVisible('.search-more')).toBe(true);
    await page.click('.search-more');
    await page.waitForFunction(() => document.querySelectorAll('.search-results > li').length > 10);
    for (const r of await results(page)) expect(r.meta).toMatch(/ · Sport$/);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('with results shown: no axe violation and no horizontal overflow at 320, 390 and 1280 px, light and dark (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(articles[7]!.title)}`);
    await page.waitForSelector('.search-results > li');
    const found: Record<string, string[]> = {};
    for (const width of [320, 390, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        found[`${width}px, ${scheme}`] = [...(await axeViolations(page)), ...(overflow > 0 ? [`overflows by ${overflow}px`] : [])];
        await page.screenshot({ path: path.join(SCREENSHOTS, `search-${width}-${scheme}.png`), fullPage: true });
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('says when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    await search(page, 'zzzqqq');
    expect(await page.textContent('.search-status')).toBe('No articles found for “zzzqqq”.');
    expect(await results(page)).toEqual([]);
    await page.close();
  });

  it('WebAssembly is allowed by the search page’s CSP alone: an article page’s CSP refuses it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    expect(await compileWasm(page)).toBe('ok');
    await page.goto(`${server.origin}/articles/${articles[5]!.slug}/`);
    const csp = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(csp).not.toContain('wasm-unsafe-eval');
    expect(await compileWasm(page)).toMatch(/Content Security Policy|unsafe-eval|wasm/i);
    // …and it loads nothing of Pagefind.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((u) => u.includes('pagefind'))).toEqual([]);
    await page.close();
  });

  it('with JavaScript off: no form, a message that search needs JavaScript, and ways to browse', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    expect(await page.isVisible('form[role=search]')).toBe(false);
    expect(await page.isVisible('.search-nojs')).toBe(true);
    expect(await page.textContent('.search-nojs')).toMatch(/^Search needs JavaScript/);
    const links = await page.$$eval('.search-browse a', (as) => as.map((a) => ({ href: a.getAttribute('href'), label: a.textContent })));
    expect(links).toEqual(browseLinks('/'));
    expect(await page.isVisible('.search-browse a')).toBe(true);
    await context.close();
  });

  it('searches every shard of the index: an article of an older month is found, and counted with the newer ones', async () => {
    // The corrections fixture, one shard per month: school-survey-results is its only article of September 2026, the
    // others are of October and November (pagefind/2026-11/, the primary index; 2026-10 and 2026-09 are merged into it).
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${news.origin}/news/search/`);
    await search(page, 'pupils');
    expect((await results(page)).map((r) => r.href)).toEqual(['/news/articles/school-survey-results/']);
    await search(page, 'the');
    expect(await page.textContent('.search-status')).toBe('4 articles for “the”');
    const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const shard of ['2026-11', '2026-10', '2026-09']) expect(requests).toContain(`/news/pagefind/${shard}/pagefind-entry.json`);
    // One copy of Pagefind's script and WebAssembly, the primary's.
    expect(requests.filter((p) => p.endsWith('/pagefind.js'))).toEqual(['/news/pagefind/2026-11/pagefind.js']);
    expect(requests.filter((p) => p.endsWith('.pagefind'))).toEqual(['/news/pagefind/2026-11/wasm.en.pagefind']);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('works under a base path (/news/): results link into the base, and lead to the article', async () => {
    const page = await browser.newPage();
    const problems = await watch(page);
    await page.goto(`${news.origin}/news/search/`);
    await search(page, 'forty stalls');
    const [first] = await results(page);
    expect(first?.href).toBe('/news/articles/market-opens-new-hall/');
    const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(requests.filter((p) => p.includes('pagefind')).every((p) => p.startsWith('/news/pagefind/'))).toBe(true);
    await Promise.all([
      page.waitForURL(`${news.origin}/news/articles/market-opens-new-hall/`),
      page.click('.search-results > li:first-child h2 a'),
    ]);
    expect(await problems()).toEqual([]);
    await page.close();
  });
});
