/**
 * Firefox Reader View's engine (@mozilla/readability) on the built article pages: the seed article's page
 * (seed fixture, exact words), and every published article page of every site build (content/ and the
 * newsroom fixture: tests/support/site-builds.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { pathOf, siteBuilds } from '../support/site-builds.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';

const SEED_SITE_DIR = fixtureSiteDir('seed');

/** The page as Firefox loads it, and what Reader View makes of it. */
function readerView(siteDir: string, urlPath: string) {
  const dom = new JSDOM(readFileSync(path.join(siteDir, urlPath, 'index.html'), 'utf8'), { url: new URL(urlPath, TEST_SITE_URL).href });
  const parsed = new Readability(dom.window.document.cloneNode(true) as Document).parse();
  return { document: dom.window.document, parsed };
}

/** Whether `parts` appear in `content` in this order (white space collapsed); the first missing one otherwise. */
function missingInOrder(content: string, parts: string[]): string | undefined {
  const flat = content.replace(/\s+/g, ' ');
  let from = 0;
  for (const part of parts) {
    const at = flat.indexOf(part, from);
    if (at < from) return part;
    from = at + part.length;
  }
  return undefined;
}

describe('reader view of the seed article (seed fixture)', () => {
  const { document, parsed } = readerView(SEED_SITE_DIR, `/articles/${SEED_SLUG}/`);
  const source = readSourceArticle();

  it('considers the page an article', () => {
    expect(isProbablyReaderable(document)).toBe(true);
  });

  it('takes the headline as the title', () => {
    expect(parsed?.title).toBe('Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says');
  });

  it('keeps the key points and every body paragraph, in order', () => {
    const content = parsed!.textContent!.replace(/\s+/g, ' ');
    let from = 0;
    for (const part of [...source.summary, ...source.body]) {
      const at = content.indexOf(part, from);
      expect(at, part).toBeGreaterThanOrEqual(from);
      from = at + part.length;
    }
  });

  it('leaves the site chrome out', () => {
    const content = parsed!.textContent!;
    expect(content).not.toContain('Skip to content');
    expect(content).not.toContain('static pages, readable anywhere');
    expect(parsed!.siteName).toBe('The Reader');
  });
});

const articles = siteBuilds().flatMap((build) => build.published.map((entry) => [`${build.name}: ${entry.slug}`, build, entry] as const));

describe.each(articles)('reader view of %s', (_, build, entry) => {
  const { document, parsed } = readerView(build.siteDir, pathOf(build, entry.slug));
  const article = document.querySelector('main article')!;
  const shown = (selector: string) => [...article.querySelectorAll(selector)].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());

  it('takes the headline as the title and the site name as the site', () => {
    expect(parsed?.title).toBe(entry.data.title.trim());
    expect(parsed?.siteName).toBe('The Reader');
  });

  it('keeps the key points and every block of the body the page shows, in order, and no site chrome', () => {
    const parts = [...shown('.key-points li'), ...shown('.article-body > :is(p, h2, h3, h4, h5, h6, ul, ol, blockquote, table)')].filter(
      Boolean,
    );
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(missingInOrder(parsed!.textContent!, parts)).toBeUndefined();
    expect(parsed!.textContent!).not.toContain('Skip to content');
  });

  // Firefox offers Reader View when a block holds enough text: its heuristic adds √(length − 140) per block
  // of at least 140 characters and needs more than 20. An article of over 540 characters always qualifies.
  it.runIf(article.textContent!.trim().length > 540)('is offered in Reader View (the article is long enough)', () => {
    expect(isProbablyReaderable(document)).toBe(true);
  });
});
