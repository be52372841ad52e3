/** The sitemap index and its files, and the news sitemap: pure functions, read back with the strict XML parser. */
import { describe, expect, it } from 'vitest';
import { newest, sitemapFile, sitemapIndexXml, sitemapXml, splitSitemap, SITEMAP_MAX_URLS } from '../../src/publishing/sitemap.ts';
import { newsArticles, newsSitemapXml, NEWS_SITEMAP_HOURS, NEWS_SITEMAP_MAX } from '../../src/publishing/news-sitemap.ts';
import { parseXmlStrict } from '../support/xml.ts';

const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
const texts = (doc: Document, ns: string, name: string) => [...doc.getElementsByTagNameNS(ns, name)].map((e) => e.textContent);

describe('splitSitemap', () => {
  const urls = Array.from({ length: 7 }, (_, i) => `u${i}`);

  it('cuts the list into files of at most the limit, in order, losing and repeating nothing', () => {
    expect(splitSitemap(urls, 3)).toEqual([['u0', 'u1', 'u2'], ['u3', 'u4', 'u5'], ['u6']]);
    expect(splitSitemap(urls, 7)).toEqual([urls]);
    expect(splitSitemap(urls, 1)).toHaveLength(7);
    for (const limit of [1, 2, 3, 4, 6, 7, 8, 100]) {
      const files = splitSitemap(urls, limit);
      expect(files.flat()).toEqual(urls);
      expect(files).toHaveLength(Math.ceil(urls.length / limit));
      for (const file of files) expect(file.length).toBeLessThanOrEqual(limit);
    }
  });

  it('at exactly the limit one file, one more makes two', () => {
    expect(splitSitemap(urls.slice(0, 4), 4)).toHaveLength(1);
    expect(splitSitemap(urls.slice(0, 5), 4)).toEqual([['u0', 'u1', 'u2', 'u3'], ['u4']]);
  });

  it('always gives at least one file, so the index names one', () => {
    expect(splitSitemap([], 3)).toEqual([[]]);
  });

  it('uses the sitemaps.org limit by default', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const many = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => i);
    expect(splitSitemap(many).map((f) => f.length)).toEqual([50_000, 1]);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => splitSitemap(urls, limit)).toThrow(/limit/);
  });
});

describe('sitemap documents', () => {
  it('the index names each file with its lastmod; the file lists its URLs, escaped', () => {
    const index = parseXmlStrict(
      sitemapIndexXml([
        { loc: 'https://x.test/news/sitemap-0.xml', lastmod: new Date('2026-11-28T10:00:00Z') },
        { loc: 'https://x.test/news/sitemap-1.xml' },
      ]),
    );
    expect(index.documentElement.localName).toBe('sitemapindex');
    expect(index.documentElement.namespaceURI).toBe(SM);
    expect(texts(index, SM, 'loc')).toEqual(['https://x.test/news/sitemap-0.xml', 'https://x.test/news/sitemap-1.xml']);
    expect(texts(index, SM, 'lastmod')).toEqual(['2026-11-28T10:00:00.000Z']);

    const file = parseXmlStrict(sitemapXml([{ loc: 'https://x.test/a/?q=1&r=<2>' }]));
    expect(file.documentElement.localName).toBe('urlset');
    expect(texts(file, SM, 'loc')).toEqual(['https://x.test/a/?q=1&r=<2>']);
  });

  it('names files sitemap-0.xml, sitemap-1.xml, …', () => {
    expect([0, 1, 12].map(sitemapFile)).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-12.xml']);
  });

  it('newest() picks the latest date, ignoring missing ones', () => {
    expect(newest([undefined, new Date('2026-01-02'), new Date('2026-03-01'), undefined])).toEqual(new Date('2026-03-01'));
    expect(newest([undefined])).toBeUndefined();
  });
});

describe('news sitemap', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const article = (id: string, published?: Date) => ({ id, data: { published } });

  it('lists the articles of the 48 hours before the build, both ends included, in the order given', () => {
    const articles = [
      article('future', hoursAgo(-1)),
      article('now', now),
      article('undated'),
      article('day', hoursAgo(24)),
      article('edge', hoursAgo(48)),
      article('just-too-old', new Date(hoursAgo(48).getTime() - 1)),
      article('old', hoursAgo(100)),
    ];
    expect(NEWS_SITEMAP_HOURS).toBe(48);
    expect(newsArticles(articles, now).map((a) => a.id)).toEqual(['now', 'day', 'edge']);
    expect(newsArticles(articles, now, 1).map((a) => a.id)).toEqual(['now']);
  });

  it('keeps at most the limit (Google’s 1,000 by default), the first ones', () => {
    const many = Array.from({ length: 1_200 }, (_, i) => article(`a${i}`, hoursAgo(i / 100)));
    expect(NEWS_SITEMAP_MAX).toBe(1_000);
    expect(newsArticles(many, now).map((a) => a.id)).toEqual(many.slice(0, 1_000).map((a) => a.id));
    expect(newsArticles(many, now, 48, 3).map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
  });

  it('writes news:news with publication name and language, date and title, escaped and well-formed', () => {
    const doc = parseXmlStrict(
      newsSitemapXml(
        [{ loc: 'https://x.test/articles/a/', title: 'Budget & “rainy day” <fund>\u0001', published: new Date('2026-11-29T08:00:00Z') }],
        { name: 'The Reader & Co', language: 'en' },
      ),
    );
    expect(texts(doc, SM, 'loc')).toEqual(['https://x.test/articles/a/']);
    expect(texts(doc, NEWS, 'name')).toEqual(['The Reader & Co']);
    expect(texts(doc, NEWS, 'language')).toEqual(['en']);
    expect(texts(doc, NEWS, 'publication_date')).toEqual(['2026-11-29T08:00:00.000Z']);
    expect(texts(doc, NEWS, 'title')).toEqual(['Budget & “rainy day” <fund>']);
    const url = doc.getElementsByTagNameNS(SM, 'url')[0]!;
    expect([...url.children].map((c) => `${c.namespaceURI} ${c.localName}`)).toEqual([`${SM} loc`, `${NEWS} news`]);
  });

  it('is a valid empty urlset when nothing is recent', () => {
    const doc = parseXmlStrict(newsSitemapXml([], { name: 'The Reader', language: 'en' }));
    expect(doc.documentElement.localName).toBe('urlset');
    expect(doc.getElementsByTagNameNS(SM, 'url')).toHaveLength(0);
  });
});
