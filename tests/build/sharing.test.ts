/**
 * Sharing a permalink, checked on the built HTML and files: Open Graph / X cards read by a real
 * Open Graph parser, JSON-LD shape, social images, feeds read by a real feed parser, sitemap, robots,
 * icons and manifest, redirect pages. The seed fixture's build (tests/fixtures/sets/seed) shows what happens
 * when the content states no date or author; the sharing fixture (tests/fixtures/sets/sharing) shows every
 * optional field. What is site-wide (icons, manifest, robots.txt) is read from the real content's build; what holds
 * for every article of any content is tests/build/site-invariants.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { SITE_DIR, TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';
import { siteBuilds } from '../support/site-builds.ts';
import { isListingUrl, sitemapIndex, sitemapUrls } from '../support/sitemaps.ts';

const SHARING_SITE_DIR = fixtureSiteDir('sharing');
const SEED_SITE_DIR = fixtureSiteDir('seed');

const SEED_URL = `${TEST_SITE_URL}/articles/${SEED_SLUG}/`;
const FIXTURE_SLUG = 'council-budget-vote-delayed';
const FIXTURE_URL = `${TEST_SITE_URL}/articles/${FIXTURE_SLUG}/`;
const source = readSourceArticle();

const html = (dir: string, urlPath: string) => readFileSync(path.join(dir, urlPath, 'index.html'), 'utf8');
/** A site URL (absolute, under the test origin) → the file the build wrote for it. */
const fileFor = (dir: string, url: string) => {
  const { pathname } = new URL(url);
  expect(url.startsWith(`${TEST_SITE_URL}/`), url).toBe(true);
  return path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
};
const openGraph = async (dir: string, urlPath: string) => {
  const { result, error } = await ogs({ html: html(dir, urlPath) });
  expect(error).toBe(false);
  return result;
};
const jsonLd = (dir: string, urlPath: string) =>
  selectAll('script[type="application/ld+json"]', readPage(urlPath, dir)).map((s) => JSON.parse(text(s)) as Record<string, any>);

describe('link previews (Open Graph and X card, read by open-graph-scraper)', () => {
  it('unfurls the seed article with title, description, URL and a 1200×630 image with alt', async () => {
    const og = await openGraph(SEED_SITE_DIR, `articles/${SEED_SLUG}/`);
    expect(og).toMatchObject({
      ogType: 'article',
      ogTitle: 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says',
      ogDescription: source.summary[0],
      ogUrl: SEED_URL,
      ogSiteName: 'The Reader',
      ogLocale: 'en_US',
      twitterCard: 'summary_large_image',
    });
    expect(og.ogImage?.[0]).toMatchObject({ url: `${SEED_URL}card.jpg`, width: '1200', height: '630', type: 'image/jpeg' });
    expect(og.twitterImage?.[0]?.url).toBe(`${SEED_URL}card.jpg`);
    const page = readPage(`/articles/${SEED_SLUG}/`, SEED_SITE_DIR);
    expect(attr(select('meta[property="og:image:alt"]', page), 'content')).toMatch(/Stand-in illustration/);
    expect(attr(select('meta[name="twitter:label1"]', page), 'content')).toBe('Reading time');
    expect(attr(select('meta[name="twitter:data1"]', page), 'content')).toMatch(/^\d+ min read$/);
    expect(attr(select('meta[name=robots]', page), 'content')).toContain('max-image-preview:large');
  });

  it('states no dates, section or tags the seed does not have', () => {
    const page = readPage(`/articles/${SEED_SLUG}/`, SEED_SITE_DIR);
    expect(selectAll('meta[property^="article:"]', page)).toEqual([]);
  });

  it('adds published/modified time, section and tags when the entry states them; description from the standfirst', async () => {
    const og = await openGraph(SHARING_SITE_DIR, `articles/${FIXTURE_SLUG}/`);
    expect(og.ogDescription).toMatch(/^A fictional test article/);
    const page = readPage(`/articles/${FIXTURE_SLUG}/`, SHARING_SITE_DIR);
    const meta = (p: string) => selectAll(`meta[property="${p}"]`, page).map((m) => attr(m, 'content'));
    expect(meta('article:published_time')).toEqual(['2026-03-05T18:30:00.000Z']);
    expect(meta('article:modified_time')).toEqual(['2026-03-06T09:15:00.000Z']);
    expect(meta('article:section')).toEqual(['Local']);
    expect(meta('article:tag')).toEqual(['Budget', 'Council']);
  });
});

describe('social images', () => {
  it.each([
    [SEED_SITE_DIR, SEED_SLUG],
    [SHARING_SITE_DIR, FIXTURE_SLUG],
  ])('%s: the card is a 1200×630 JPEG under 300 KB', async (dir, slug) => {
    const file = path.join(dir, 'articles', slug, 'card.jpg');
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(statSync(file).size).toBeLessThan(300_000);
  });

  it('structured data offers the lead image in 16:9, 4:3 and 1:1, at least 1200 px wide', async () => {
    const [article] = jsonLd(SEED_SITE_DIR, `/articles/${SEED_SLUG}/`);
    const sizes = await Promise.all(
      (article!.image as string[]).map(async (url) => {
        const { width, height, format } = await sharp(fileFor(SEED_SITE_DIR, url)).metadata();
        return { ratio: Math.round((width / height) * 100) / 100, wide: width >= 1200, format };
      }),
    );
    expect(sizes).toEqual([
      { ratio: 1.78, wide: true, format: 'jpeg' },
      { ratio: 1.33, wide: true, format: 'jpeg' },
      { ratio: 1, wide: true, format: 'jpeg' },
    ]);
  });
});

describe('structured data (JSON-LD)', () => {
  it('describes the seed as a NewsArticle without dates or authors it does not state', () => {
    const [article, breadcrumbs] = jsonLd(SEED_SITE_DIR, `/articles/${SEED_SLUG}/`);
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says',
      description: source.summary[0],
      mainEntityOfPage: { '@type': 'WebPage', '@id': SEED_URL },
      isAccessibleForFree: true,
      publisher: { '@type': 'Organization', name: 'The Reader', logo: { '@type': 'ImageObject', url: `${TEST_SITE_URL}/icon-512.png` } },
    });
    for (const key of ['datePublished', 'dateModified', 'author']) expect(article).not.toHaveProperty(key);
    expect(existsSync(fileFor(SEED_SITE_DIR, article!.publisher.logo.url))).toBe(true);
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'The Reader', item: `${TEST_SITE_URL}/` },
        { position: 2, item: SEED_URL },
      ],
    });
  });

  it('carries dates, authors, section and keywords when the entry states them', () => {
    const [article] = jsonLd(SHARING_SITE_DIR, `/articles/${FIXTURE_SLUG}/`);
    expect(article).toMatchObject({
      datePublished: '2026-03-05T18:30:00.000Z',
      dateModified: '2026-03-06T09:15:00.000Z',
      author: [
        { '@type': 'Person', name: 'Alex Example', url: 'https://example.com/alex' },
        { '@type': 'Person', name: 'Sam Sample' },
      ],
      articleSection: 'Local',
      keywords: ['Budget', 'Council'],
    });
  });

  it('describes the front page as a WebSite', () => {
    const [site] = jsonLd(SITE_DIR, '/');
    expect(site).toMatchObject({ '@type': 'WebSite', name: 'The Reader', url: `${TEST_SITE_URL}/` });
  });
});

describe('feeds (read by feedsmith)', () => {
  const rss = parseRssFeed(readFileSync(path.join(SEED_SITE_DIR, 'rss.xml'), 'utf8'));
  const json = parseJsonFeed(JSON.parse(readFileSync(path.join(SEED_SITE_DIR, 'feed.json'), 'utf8')));

  it('both feeds are linked from every page head by absolute URL', () => {
    for (const urlPath of ['/', `/articles/${SEED_SLUG}/`]) {
      const page = readPage(urlPath, SEED_SITE_DIR);
      expect(attr(select('link[rel=alternate][type="application/rss+xml"]', page), 'href')).toBe(`${TEST_SITE_URL}/rss.xml`);
      expect(attr(select('link[rel=alternate][type="application/feed+json"]', page), 'href')).toBe(`${TEST_SITE_URL}/feed.json`);
    }
  });

  it('RSS lists the article by its canonical URL with its full content, every URL absolute', () => {
    expect(rss.title).toBe('The Reader');
    expect(rss.items).toHaveLength(1);
    const [item] = rss.items!;
    expect(item!.link).toBe(SEED_URL);
    expect(item!.guid?.value).toBe(SEED_URL);
    const content = item!.content?.encoded ?? '';
    for (const part of [source.caption, source.credit, ...source.summary, ...source.body]) expect(content).toContain(part);
    for (const [, url] of content.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^https:\/\/news\.example\.test\//);
  });

  it('JSON Feed says the same', () => {
    expect(json.items).toHaveLength(1);
    const [item] = json.items!;
    expect(item).toMatchObject({ id: SEED_URL, url: SEED_URL, title: rss.items![0]!.title });
    expect(item!.content_html).toBe(rss.items![0]!.content?.encoded);
    expect(existsSync(fileFor(SEED_SITE_DIR, item!.image!))).toBe(true);
  });

  it('leaves drafts out, resolves relative body links, and carries dates and authors when known', () => {
    const fixture = parseRssFeed(readFileSync(path.join(SHARING_SITE_DIR, 'rss.xml'), 'utf8'));
    expect(fixture.items!.map((i) => i.link)).toEqual([FIXTURE_URL]);
    const content = fixture.items![0]!.content?.encoded ?? '';
    expect(content).toContain(`href="${TEST_SITE_URL}/articles/older-story/"`);
    expect(content).toContain('href="https://example.org/notice"');
    expect(new Date(fixture.items![0]!.pubDate!).toISOString()).toBe('2026-03-05T18:30:00.000Z');
    const fixtureJson = JSON.parse(readFileSync(path.join(SHARING_SITE_DIR, 'feed.json'), 'utf8'));
    expect(fixtureJson.items.map((i: { url: string }) => i.url)).toEqual([FIXTURE_URL]);
    expect(fixtureJson.items[0]).toMatchObject({
      date_published: '2026-03-05T18:30:00.000Z',
      authors: [{ name: 'Alex Example' }, { name: 'Sam Sample' }],
    });
  });
});

describe('sitemap and robots.txt', () => {
  // sitemap.xml is a sitemap index; its sitemaps list the pages (tests/support/sitemaps.ts).
  const urls = (dir: string) => sitemapUrls(dir).map((u) => u.loc);
  it('sitemap.xml is a sitemap index naming sitemap-0.xml by absolute URL', () => {
    expect(sitemapIndex(SEED_SITE_DIR).map((s) => s.loc)).toEqual([`${TEST_SITE_URL}/sitemap-0.xml`]);
  });
  it('lists the front page and every published article by canonical URL, and nothing else but the listing pages', () => {
    const pages = (dir: string) => urls(dir).filter((u) => !isListingUrl(u));
    expect(pages(SEED_SITE_DIR)).toEqual([`${TEST_SITE_URL}/`, SEED_URL]);
    expect(pages(SHARING_SITE_DIR)).toEqual([`${TEST_SITE_URL}/`, FIXTURE_URL]); // no draft, no redirect stubs
  });
  it.each(siteBuilds().map((b) => [b.name, b.siteDir] as const))('%s: every listed URL is a page whose canonical is itself', (_, dir) => {
    for (const url of urls(dir)) {
      const page = readPage(new URL(url).pathname, dir);
      expect(attr(select('link[rel=canonical]', page), 'href')).toBe(url);
    }
  });
  it('robots.txt names the sitemap index and the news sitemap by absolute URL', () => {
    expect(readFileSync(path.join(SITE_DIR, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${TEST_SITE_URL}/sitemap.xml\nSitemap: ${TEST_SITE_URL}/news-sitemap.xml\n`,
    );
  });
});

describe('icons and manifest', () => {
  it('every icon the head and manifest name exists, PNGs at their stated size', async () => {
    const page = readPage('/');
    const manifestHref = attr(select('link[rel=manifest]', page), 'href')!;
    const manifest = JSON.parse(readFileSync(path.join(SITE_DIR, manifestHref), 'utf8'));
    expect(manifest).toMatchObject({ name: 'The Reader', start_url: '/' });
    const icons = [
      ...selectAll('link[rel=icon], link[rel=apple-touch-icon]', page).map((l) => ({ src: attr(l, 'href')!, sizes: attr(l, 'sizes') })),
      ...manifest.icons,
    ];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) {
      const file = path.join(SITE_DIR, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.src.endsWith('.png') && icon.sizes) {
        const { width, height } = await sharp(file).metadata();
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
    }
    const apple = await sharp(path.join(SITE_DIR, 'apple-touch-icon.png')).metadata();
    expect([apple.width, apple.height]).toEqual([180, 180]);
  });
});

describe('redirects from old slugs', () => {
  it.each(['council-budget-vote-postponed', 'budget-vote-postponed'])('/articles/%s/ is a redirect page to the article', (old) => {
    const page = readPage(`/articles/${old}/`, SHARING_SITE_DIR);
    expect(attr(select('meta[http-equiv=refresh]', page), 'content')).toBe(`0; url=/articles/${FIXTURE_SLUG}/`);
    expect(attr(select('link[rel=canonical]', page), 'href')).toBe(FIXTURE_URL);
    expect(attr(select('meta[name=robots]', page), 'content')).toBe('noindex');
    expect(attr(select('main a', page), 'href')).toBe(`/articles/${FIXTURE_SLUG}/`);
    expect(text(select('main', page))).toContain('This article has moved');
  });
});
