/**
 * The seed article's built page holds every part of the source, word for word, in its element and in order.
 * Read from the seed fixture's build (tests/fixtures/sets/seed), so editors may change content/ freely;
 * what holds for every article of the real content is tests/build/site-invariants.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';
import { TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';

const SEED_SITE_DIR = fixtureSiteDir('seed');
const source = readSourceArticle();
const page = readPage(`/articles/${SEED_SLUG}/`, SEED_SITE_DIR);
const article = select('main article', page);

describe('seed article page', () => {
  it('has one h1, the headline, inside the article, and it is the first thing in it', () => {
    const h1s = selectAll('h1', page);
    expect(h1s).toHaveLength(1);
    expect(text(h1s[0])).toBe('Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says');
    expect(select('article > header > h1', page)).toBe(h1s[0]);
  });

  it('has the caption and the credit, word for word, in the figure’s figcaption with a space between', () => {
    const figcaption = select('article figure figcaption', page);
    expect(text(select('.caption', figcaption))).toBe(source.caption);
    expect(text(select('.credit', figcaption))).toBe(source.credit);
    expect(text(figcaption)).toBe(`${source.caption} ${source.credit}`);
  });

  it('has the summary as the bulleted "Key points" list, in order', () => {
    const section = select('section.key-points', page);
    expect(text(select('h2', section))).toBe('Key points');
    expect(attr(section, 'ariaLabelledBy')).toBe(attr(select('h2', section), 'id'));
    expect(selectAll('ul > li', section).map((li) => text(li))).toEqual(source.summary);
  });

  it('has every body paragraph, in order, each with a stable id', () => {
    const paragraphs = selectAll('.article-body > p', page);
    expect(paragraphs.map((p) => text(p))).toEqual(source.body);
    expect(paragraphs.map((p) => attr(p, 'id'))).toEqual(source.body.map((_, i) => `p${i + 1}`));
  });

  it('keeps the parts in newsroom order: headline, figure, key points, body', () => {
    const order = selectAll('h1, figure, section.key-points, .article-body > p', article!).map((el) => el.tagName);
    expect(order).toEqual(['h1', 'figure', 'section', ...source.body.map(() => 'p')]);
  });

  it('keeps typographic quotes and apostrophes as written', () => {
    const body = text(select('.article-body', page));
    expect(body).toContain('“Ivanka called Chelsea,”');
    expect(body).not.toMatch(/["']/);
  });

  it('invents no byline or date, and shows the reading time', () => {
    expect(select('.byline-authors', page)).toBeUndefined();
    expect(select('time', page)).toBeUndefined();
    expect(text(select('.reading-time', page))).toMatch(/^\d+ min read$/);
  });

  it('serves the lead image as a responsive, optimised, high-priority picture', () => {
    const picture = select('figure picture', page)!;
    const sources = selectAll('source', picture);
    expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
    for (const s of sources) {
      expect(attr(s, 'srcSet')!.split(',').length).toBeGreaterThanOrEqual(3);
      expect(attr(s, 'sizes')).toBeTruthy();
    }
    const img = select('img', picture)!;
    expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
    expect(Number(attr(img, 'height'))).toBeGreaterThan(0);
    expect(attr(img, 'loading')).toBe('eager');
    expect(attr(img, 'fetchPriority')).toBe('high');
    expect(attr(img, 'alt')).toMatch(/^Stand-in illustration/);
  });

  it('has the page furniture: skip link to main, header linking home, footer', () => {
    const skip = select('body > a.skip-link', page)!;
    expect(attr(skip, 'href')).toBe('#main');
    expect(select('main#main', page)).toBeDefined();
    expect(attr(select('header.site-header a', page), 'href')).toBe('/');
    expect(select('footer.site-footer', page)).toBeDefined();
  });

  it('has an absolute canonical URL, a description and the language', () => {
    expect(attr(select('link[rel=canonical]', page), 'href')).toBe(`${TEST_SITE_URL}/articles/${SEED_SLUG}/`);
    // No standfirst: the description is the whole key points that fit in 200 characters.
    expect(attr(select('meta[name=description]', page), 'content')).toBe(source.summary[0]);
    expect(attr(select('html', page), 'lang')).toBe('en');
  });

  it('ships only the enhancements (share button, paragraph links) as JavaScript (≤ 2 KiB gzip together), and no external stylesheet', () => {
    const scripts = selectAll('script', page).filter((s) => attr(s, 'type') !== 'application/ld+json');
    expect(scripts).toHaveLength(2);
    for (const script of scripts) {
      expect(attr(script, 'type')).toBe('module');
      expect(text(script).length).toBeGreaterThan(100); // inlined: no extra request
    }
    expect(gzipSync(scripts.map((s) => text(s)).join('')).length).toBeLessThanOrEqual(2048);
    expect(selectAll('link[rel=stylesheet]', page)).toEqual([]);
    expect(selectAll('style', page).length).toBeGreaterThan(0);
  });
});

describe('front page', () => {
  const front = readPage('/', SEED_SITE_DIR);
  it('links to the article with headline, a line of summary and a thumbnail', () => {
    const cards = selectAll('.card', front);
    expect(cards).toHaveLength(1);
    const card = cards[0] as Element;
    expect(attr(select('h2 a', card), 'href')).toBe(`/articles/${SEED_SLUG}/`);
    expect(text(select('h2 a', card))).toBe(text(select('h1', page)));
    expect(text(select('.card-teaser', card))).toBe(source.summary[0]);
    expect(attr(select('img', card), 'alt')).toBeTruthy();
  });
});

describe('404 page', () => {
  const notFound = readPage('/404.html');
  it('says so and links home, without being indexed', () => {
    expect(text(select('h1', notFound))).toBe('Page not found');
    expect(selectAll('main a', notFound).map((a) => attr(a, 'href'))).toContain('/');
    expect(attr(select('meta[name=robots]', notFound), 'content')).toBe('noindex');
  });
});
