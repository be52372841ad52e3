/**
 * Feeds and sitemaps that stay bounded, on the generated fixture (tests/support/generated-fixture.ts: 300 articles,
 * long reads among them, built as of a fixed time): the site's feeds and each section's carry the latest 50
 * articles with their full text and weigh at most 512 KiB; the sitemap is an index over sitemap files; the news
 * sitemap lists the articles of the 48 hours before the build. Read with feedsmith and the strict XML parser.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { attr, readPage, selectAll } from '../support/html.ts';
import { TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { GENERATED_BUILD_TIME, GENERATED_COUNT, generatedArticles } from '../support/generated-fixture.ts';
import { isListingUrl, sitemapIndex, sitemapUrls, fileOfUrl } from '../support/sitemaps.ts';
import { parseXmlStrict } from '../support/xml.ts';
import { GENERATED_SECTIONS, LONG_READS } from '../../scripts/lib/article-generator.ts';
import { SITE } from '../../src/site.config.ts';

const DIR = fixtureSiteDir('generated');
const MAX_BYTES = 512 * 1024;
const articles = generatedArticles();
const url = (slug: string) => `${TEST_SITE_URL}/articles/${slug}/`;
const slugOf = (name: string) => name.toLowerCase().replace(/\s+/g, '-');
const read = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

/** The RSS and JSON Feed at `dir` (site-relative), read by feedsmith, and their sizes. */
function feeds(dir: string) {
  const rssText = read(`${dir}rss.xml`);
  const jsonText = read(`${dir}feed.json`);
  expect(() => parseXmlStrict(rssText), `${dir}rss.xml`).not.toThrow();
  return {
    rss: parseRssFeed(rssText),
    json: parseJsonFeed(JSON.parse(jsonText)),
    sizes: [Buffer.byteLength(rssText), Buffer.byteLength(jsonText)],
  };
}

describe('the generated fixture', () => {
  it('has the articles the tests expect: hundreds, long reads among them', () => {
    expect(articles).toHaveLength(GENERATED_COUNT);
    expect(GENERATED_COUNT).toBeGreaterThanOrEqual(200);
    expect(articles.filter((a) => a.long).length).toBeGreaterThan(SITE.feedLength);
    expect(existsSync(path.join(DIR, 'articles', articles.at(-1)!.slug, 'index.html'))).toBe(true);
    expect(existsSync(path.join(DIR, 'articles', 'generated-draft'))).toBe(false);
    expect(existsSync(path.join(DIR, 'articles', 'generated-scheduled'))).toBe(false);
  });
});

describe('site feeds: the latest 50 articles, full content, at most 512 KiB', () => {
  const { rss, json, sizes } = feeds('');
  const latest = articles.slice(0, SITE.feedLength).map((a) => url(a.slug));

  it('RSS and JSON Feed list the 50 newest articles, newest first, and nothing older or unpublished', () => {
    expect(SITE.feedLength).toBe(50);
    expect(rss.items!.map((i) => i.link)).toEqual(latest);
    expect(json.items!.map((i) => i.url)).toEqual(latest);
  });

  it('with each article’s full text', () => {
    for (const [i, item] of rss.items!.entries()) {
      for (const paragraph of articles[i]!.paragraphs) expect(item.content?.encoded).toContain(paragraph);
      expect(json.items![i]!.content_html).toBe(item.content?.encoded);
    }
  });

  it('each at most 512 KiB', () => {
    console.log(`[feeds] rss.xml ${sizes[0]} B, feed.json ${sizes[1]} B`);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_BYTES);
  });
});

describe('section feeds', () => {
  const sections = [...GENERATED_SECTIONS, LONG_READS];

  it('one pair per section, and no other', () => {
    expect(readdirSync(path.join(DIR, 'sections')).sort()).toEqual(sections.map(slugOf).sort());
  });

  it.each(sections)('%s: the newest articles of the section only, newest first, full text, at most 512 KiB each', (name) => {
    const { rss, json, sizes } = feeds(`sections/${slugOf(name)}/`);
    const ofSection = articles.filter((a) => a.section === name).map((a) => url(a.slug));
    const links = rss.items!.map((i) => i.link);
    expect(json.items!.map((i) => i.url)).toEqual(links);
    expect(links).toEqual(ofSection.slice(0, links.length));
    console.log(`[feeds] ${name}: ${links.length} items, rss ${sizes[0]} B, json ${sizes[1]} B`);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_BYTES);
    expect(rss.title).toBe(`${SITE.name}: ${name}`);
    expect(rss.atom?.links?.[0]?.href).toBe(`${TEST_SITE_URL}/sections/${slugOf(name)}/rss.xml`);
    expect(json.feed_url).toBe(`${TEST_SITE_URL}/sections/${slugOf(name)}/feed.json`);
    if (name === LONG_READS) {
      // 50 long reads would weigh over 1 MB: the feed stops at the newest that fit, and is nearly full.
      expect(links.length).toBeGreaterThan(5);
      expect(links.length).toBeLessThan(SITE.feedLength);
      for (const size of sizes) expect(size).toBeGreaterThan(MAX_BYTES * 0.8);
    } else {
      expect(ofSection.length).toBeGreaterThan(SITE.feedLength);
      expect(links).toHaveLength(SITE.feedLength);
    }
  });

  it('an article offers its section’s feeds in its head (by absolute URL); an article without a section offers none', () => {
    for (const article of [articles[1]!, articles[3]!, articles[0]!]) {
      const links = selectAll('link[rel=alternate]', readPage(`/articles/${article.slug}/`, DIR)).map((l) => attr(l, 'href'));
      const own = article.section
        ? [`${TEST_SITE_URL}/sections/${slugOf(article.section)}/rss.xml`, `${TEST_SITE_URL}/sections/${slugOf(article.section)}/feed.json`]
        : [];
      expect(links).toEqual([`${TEST_SITE_URL}/rss.xml`, `${TEST_SITE_URL}/feed.json`, ...own]);
    }
    expect(articles[0]!.section).toBeUndefined();
  });
});

describe('sitemap index', () => {
  it('sitemap.xml is an index naming sitemap files that exist, with the newest lastmod of each', () => {
    const index = sitemapIndex(DIR);
    expect(index.map((s) => s.loc)).toEqual([`${TEST_SITE_URL}/sitemap-0.xml`]);
    expect(index[0]!.lastmod).toBe(articles[0]!.published.toISOString());
    for (const s of index) expect(statSync(fileOfUrl(DIR, s.loc)).isFile()).toBe(true);
  });

  it('its files list the front page and every published article, each once, and no draft or scheduled article', () => {
    // (and the listing pages after them: tests/build/navigation.test.ts)
    const urls = sitemapUrls(DIR).filter((u) => !isListingUrl(u.loc));
    expect(urls.map((u) => u.loc)).toEqual([`${TEST_SITE_URL}/`, ...articles.map((a) => url(a.slug))]);
    expect(urls.slice(1).map((u) => u.lastmod)).toEqual(articles.map((a) => a.published.toISOString()));
  });
});

describe('news sitemap', () => {
  const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
  const now = Date.parse(GENERATED_BUILD_TIME);
  const doc = parseXmlStrict(read('news-sitemap.xml'));
  const entries = [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'url')].map((u) => ({
    loc: u.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')[0]?.textContent,
    name: u.getElementsByTagNameNS(NEWS, 'name')[0]?.textContent,
    language: u.getElementsByTagNameNS(NEWS, 'language')[0]?.textContent,
    date: u.getElementsByTagNameNS(NEWS, 'publication_date')[0]?.textContent,
    title: u.getElementsByTagNameNS(NEWS, 'title')[0]?.textContent,
  }));

  it('lists exactly the articles published in the 48 hours before the build, newest first, with news:news', () => {
    const recent = articles.filter((a) => now - a.published.getTime() <= 48 * 3_600_000);
    expect(recent.length).toBeGreaterThan(5);
    expect(recent.length).toBeLessThan(articles.length);
    expect(entries).toEqual(
      recent.map((a) => ({ loc: url(a.slug), name: SITE.name, language: SITE.lang, date: a.published.toISOString(), title: a.title })),
    );
  });

  it('is named in robots.txt, beside the sitemap index', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml\nSitemap: ${TEST_SITE_URL}/news-sitemap.xml\n`);
  });

  it('under a base path: the corrections fixture (BASE_PATH=/news/, built on 2026-11-29 at noon) lists its one article of that morning', () => {
    const dir = fixtureSiteDir('corrections');
    const xml = readFileSync(path.join(dir, 'news-sitemap.xml'), 'utf8');
    const locs = [...parseXmlStrict(xml).getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map(
      (l) => l.textContent,
    );
    expect(locs).toEqual([`${TEST_SITE_URL}/news/articles/market-opens-new-hall/`]);
    expect(readFileSync(path.join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${TEST_SITE_URL}/news/news-sitemap.xml`);
    expect(sitemapIndex(dir).map((s) => s.loc)).toEqual([`${TEST_SITE_URL}/news/sitemap-0.xml`]);
  });
});
