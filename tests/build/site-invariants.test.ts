/**
 * What holds for every valid content, checked on every site build (tests/support/site-builds.ts: the real
 * content/ and the newsroom fixture): every published entry has its page, in the latest list, in the sitemap, and
 * (the latest SITE.feedLength of them) in both feeds; drafts and scheduled entries are nowhere; every old slug
 * redirects to its article.
 * Exact words of one article are the seed fixture's business (article-page.test.ts, sharing.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { builtPages } from '../support/built-pages.ts';
import { pathOf, redirectsOf, siteBuilds, urlOf } from '../support/site-builds.ts';
import { latestPath } from '../../src/lib/listing-urls.ts';
import { isListingUrl, sitemapUrls } from '../support/sitemaps.ts';
import { SITE } from '../../src/site.config.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text of an HTML fragment (a feed item's content), as a reader sees it. */
const htmlText = (html: string) => norm(text(fromHtml(html, { fragment: true })));

for (const build of siteBuilds()) {
  const { siteDir, published, hidden } = build;
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
  const redirects = redirectsOf(build);

  describe(`${build.name}: every published entry is published`, () => {
    it('reads the entries and finds what the build published', () => {
      expect(build.entries.length, build.articlesDir).toBeGreaterThan(0);
      console.log(
        `[invariants] ${build.name}: ${published.length} published, ${hidden.length} draft or scheduled, ${redirects.length} redirects`,
      );
    });

    it.each(published.map((e) => [e.slug, e] as const))('%s has its page, with its headline, canonical and indexable', (slug, entry) => {
      const page = readPage(pathOf(build, slug), siteDir);
      // The headline is the page's first h1, in the article's header (a body may bring its own `# heading`s).
      expect(select('h1', page)).toBe(select('main article > header > h1', page));
      expect(text(select('h1', page))).toBe(norm(entry.data.title));
      expect(text(select('.reading-time', page))).toMatch(/^\d+ min read$/);
      expect(text(select('title', page)).startsWith(norm(entry.data.title))).toBe(true);
      expect(attr(select('link[rel=canonical]', page), 'href')).toBe(urlOf(build, slug));
      expect(attr(select('meta[name=robots]', page), 'content') ?? '').not.toContain('noindex');
      expect(select('meta[http-equiv=refresh]', page)).toBeUndefined();
      expect(selectAll('.key-points li', page).map((li) => text(li))).toEqual(entry.data.summary.map(norm));
    });

    it('has no other article page than the published ones and their redirects', () => {
      const built = files
        .filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))
        .map((f) => f.split('/')[1]!)
        .sort();
      expect(built).toEqual([...published.map((e) => e.slug), ...redirects.map((r) => r.old)].sort());
    });

    it('lists every published article in the latest list (/latest/, /latest/2/, …), newest first, and leads the front page with the newest', () => {
      const links: (string | undefined)[] = [];
      for (let n = 1; existsSync(path.join(siteDir, latestPath(build.base, n), 'index.html')); n += 1) {
        links.push(...selectAll('main .card h2 a', readPage(latestPath(build.base, n), siteDir)).map((a) => attr(a, 'href')));
      }
      expect(links).toEqual(published.map((e) => pathOf(build, e.slug)));
      const front = selectAll('main .card h2 a', readPage('/', siteDir)).map((a) => attr(a, 'href'));
      expect(front).toEqual(published.slice(0, front.length).map((e) => pathOf(build, e.slug)));
      expect(front.length).toBe(Math.min(published.length, 1 + SITE.frontPage.topStories));
    });
  });

  describe(`${build.name}: every published article can be shared`, () => {
    it.each(published.map((e) => [e.slug, e] as const))(
      '%s: link preview with its own card, and structured data from its entry',
      async (slug, entry) => {
        const url = urlOf(build, slug);
        const html = readFileSync(path.join(siteDir, pathOf(build, slug), 'index.html'), 'utf8');
        const { result: og, error } = await ogs({ html });
        expect(error).toBe(false);
        expect(og).toMatchObject({ ogType: 'article', ogTitle: entry.data.title.trim(), ogUrl: url, twitterCard: 'summary_large_image' });
        expect(og.ogImage?.[0]?.url).toBe(`${url}card.jpg`);
        const card = path.join(siteDir, pathOf(build, slug), 'card.jpg');
        expect(await sharp(card).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });

        const [article] = selectAll('script[type="application/ld+json"]', fromHtml(html)).map(
          (s) => JSON.parse(text(s)) as Record<string, any>,
        );
        expect(article).toMatchObject({ '@type': 'NewsArticle', headline: entry.data.title.trim(), mainEntityOfPage: { '@id': url } });
        // Dates and authors only when the entry states them.
        expect(article!.datePublished).toBe(entry.data.published?.toISOString());
        expect(article!.author?.map((a: { name: string }) => a.name)).toEqual(
          entry.data.byline.length ? entry.data.byline.map((a) => a.name) : undefined,
        );
      },
    );
  });

  describe(`${build.name}: drafts and scheduled entries are nowhere`, () => {
    it('no file of the build links to an article that is not published (or an old slug of one)', () => {
      const known = new Set([...published.map((e) => e.slug), ...redirects.map((r) => r.old)]);
      // Article URLs of this site: absolute, or a path at the start of an attribute or JSON value.
      const prefix = pathOf(build, 'x').replace(/x\/$/, '');
      const origin = new URL(build.siteUrl).origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const articleUrl = new RegExp(`(?:${origin}|["'=\\s(])${prefix}([a-z0-9-]+)/`, 'g');
      const links = files
        .filter((f) => /\.(html|xml|json|txt|webmanifest)$/.test(f))
        .flatMap((f) => [...readFileSync(path.join(siteDir, f), 'utf8').matchAll(articleUrl)].map((m) => [f, m[1]!] as const));
      if (published.length > 0) expect(links.length).toBeGreaterThan(0); // it finds the links there are
      const unknown = links.filter(([, slug]) => !known.has(slug)).map(([f, slug]) => `${f}: ${slug}`);
      expect([...new Set(unknown)]).toEqual([]);
    });

    it.each(hidden.map((e) => [e.slug, e] as const))('%s: no page, no old-slug page, no link in any file', (slug, entry) => {
      expect(existsSync(path.join(siteDir, 'articles', slug))).toBe(false);
      // Its old slugs get no redirect page either (unless a published article took them over).
      const taken = new Set([...published.map((e) => e.slug), ...redirects.map((r) => r.old)]);
      for (const old of entry.data.redirectFrom.filter((o) => !taken.has(o)))
        expect(existsSync(path.join(siteDir, 'articles', old)), old).toBe(false);
      const mentions = files
        .filter((f) => /\.(html|xml|json|txt|webmanifest)$/.test(f))
        .filter((f) => readFileSync(path.join(siteDir, f), 'utf8').includes(pathOf(build, slug)));
      expect(mentions).toEqual([]);
    });
  });

  describe(`${build.name}: renamed articles`, () => {
    it('every redirect page in the build is an old slug of a published article', () => {
      const stubs = files
        .filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))
        .filter((f) => select('meta[http-equiv=refresh]', readPage(`/${f}`, siteDir)) !== undefined)
        .map((f) => f.split('/')[1]!);
      expect(stubs.sort()).toEqual(redirects.map((r) => r.old).sort());
    });

    it.each(redirects.map((r) => [r.old, r.to] as const))('/articles/%s/ is a redirect page to its article', (old, to) => {
      const page = readPage(pathOf(build, old), siteDir);
      expect(attr(select('meta[http-equiv=refresh]', page), 'content')).toBe(`0; url=${pathOf(build, to.slug)}`);
      expect(attr(select('link[rel=canonical]', page), 'href')).toBe(urlOf(build, to.slug));
      expect(attr(select('meta[name=robots]', page), 'content')).toBe('noindex');
      expect(attr(select('main a', page), 'href')).toBe(pathOf(build, to.slug));
      expect(text(select('main', page))).toContain('This article has moved');
    });
  });

  describe(`${build.name}: feeds and sitemap`, () => {
    const rss = parseRssFeed(readFileSync(path.join(siteDir, 'rss.xml'), 'utf8'));
    const json = parseJsonFeed(JSON.parse(readFileSync(path.join(siteDir, 'feed.json'), 'utf8')));
    // The feeds carry the latest SITE.feedLength articles (and fewer only past 512 KiB: tests/build/feeds-sitemaps.test.ts).
    const latest = published.slice(0, SITE.feedLength);
    const urls = latest.map((e) => urlOf(build, e.slug));

    it(`RSS lists the latest ${SITE.feedLength} published articles, newest first, with their headlines and key points`, () => {
      expect((rss.items ?? []).map((i) => i.link)).toEqual(urls);
      for (const [i, entry] of latest.entries()) {
        const item = rss.items![i]!;
        expect(item.guid?.value).toBe(urls[i]);
        expect(item.title).toBe(entry.data.title.trim());
        const content = htmlText(item.content?.encoded ?? '');
        for (const point of entry.data.summary) expect(content, entry.slug).toContain(norm(point));
      }
    });

    it('JSON Feed says the same', () => {
      expect((json.items ?? []).map((i) => i.url)).toEqual(urls);
      for (const [i, item] of (json.items ?? []).entries()) {
        expect(item).toMatchObject({ id: urls[i], title: rss.items![i]!.title });
        expect(item.content_html).toBe(rss.items![i]!.content?.encoded);
      }
    });

    it('the sitemaps (through the sitemap index) list the front page and every published article, and nothing else but the listing pages', () => {
      const locs = sitemapUrls(siteDir, build.base)
        .map((u) => u.loc)
        .filter((u) => !isListingUrl(u, build.base));
      expect(locs).toEqual([new URL(build.base, build.siteUrl).href, ...published.map((e) => urlOf(build, e.slug))]);
    });

    it('every page’s head links both feeds by absolute URL', () => {
      for (const page of builtPages(siteDir)) {
        const tree = readPage(page.url === '/no-such-page/' ? '/404.html' : page.url, siteDir);
        expect(attr(select('link[rel=alternate][type="application/rss+xml"]', tree), 'href'), page.file).toBe(
          new URL('rss.xml', build.siteUrl).href,
        );
        expect(attr(select('link[rel=alternate][type="application/feed+json"]', tree), 'href'), page.file).toBe(
          new URL('feed.json', build.siteUrl).href,
        );
      }
    });
  });
}
