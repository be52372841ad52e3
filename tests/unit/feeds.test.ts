/**
 * Feeds stay bounded: fitFeed keeps the newest items that fit in FEED_MAX_BYTES, with the real RSS and JSON Feed
 * writers (src/publishing/feeds.ts), read back with the strict XML parser and feedsmith.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import {
  feedChannel,
  feedItemCount,
  fitFeed,
  jsonFeed,
  jsonFeedText,
  rssFeed,
  rssXml,
  sectionFeedLinks,
  FEED_MAX_BYTES,
} from '../../src/publishing/feeds.ts';
import type { FeedItem } from '../../src/publishing/feed-items.ts';
import { SITE } from '../../src/site.config.ts';
import { parseXmlStrict } from '../support/xml.ts';

const channel = feedChannel('https://x.test', '/news/', { home: '/news/', rss: '/news/rss.xml', json: '/news/feed.json' });
const item = (i: number, paragraphs: number): FeedItem => ({
  url: `https://x.test/news/articles/a${i}/`,
  title: `Article ${i} & more`,
  description: `Description ${i}`,
  contentHtml: Array.from(
    { length: paragraphs },
    (_, p) => `<p>Paragraph ${p} of article ${i}, with a few more words to weigh something.</p>`,
  ).join(''),
  imageUrl: `https://x.test/news/_astro/a${i}.jpg`,
  published: new Date(Date.UTC(2026, 10, 29) - i * 3_600_000),
  authors: [{ name: 'Alex Example' }],
  tags: ['Tag'],
});
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('fitFeed', () => {
  it('keeps every item when the document fits', async () => {
    const items = [item(0, 2), item(1, 2)];
    const { text, count } = await fitFeed(items, (some) => rssXml(channel, some));
    expect(count).toBe(2);
    expect(parseRssFeed(text).items!.map((i) => i.link)).toEqual(items.map((i) => i.url));
  });

  it('otherwise keeps the longest run of the newest items that fits, for RSS and JSON Feed alike', async () => {
    const items = Array.from({ length: 50 }, (_, i) => item(i, 40)); // ~3.5 KB of content each
    const max = 60_000;
    for (const render of [(some: FeedItem[]) => rssXml(channel, some), (some: FeedItem[]) => jsonFeedText(channel, some)]) {
      const { text, count } = await fitFeed(items, render, max);
      expect(bytes(text)).toBeLessThanOrEqual(max);
      expect(count).toBeGreaterThan(5);
      expect(count).toBeLessThan(50);
      // The next item would not have fitted: the run is the longest.
      expect(bytes(await render(items.slice(0, count + 1)))).toBeGreaterThan(max);
      expect(text).toBe(await render(items.slice(0, count)));
    }
  });

  it('gives an empty feed, still well-formed, when not even the newest item fits', async () => {
    const { text, count } = await fitFeed([item(0, 200)], (some) => rssXml(channel, some), 2_000);
    expect(count).toBe(0);
    expect(() => parseXmlStrict(text)).not.toThrow();
  });

  it('a feed’s RSS and JSON Feed carry the same items: as many as fit in both', async () => {
    const items = Array.from({ length: 50 }, (_, i) => item(i, 400)); // ~35 KB each: 50 would weigh ~1.7 MB
    const count = await feedItemCount(channel, items);
    const rss = await rssFeed(channel, items);
    const json = await jsonFeed(channel, items);
    expect(parseRssFeed(rss).items!.map((i) => i.link)).toEqual(items.slice(0, count).map((i) => i.url));
    expect(parseJsonFeed(JSON.parse(json)).items!.map((i) => i.url)).toEqual(items.slice(0, count).map((i) => i.url));
    for (const text of [rss, json]) expect(bytes(text)).toBeLessThanOrEqual(FEED_MAX_BYTES);
    expect(count).toBeGreaterThan(5);
    // One more item would pass the limit in at least one of the two.
    const next = items.slice(0, count + 1);
    expect(Math.max(bytes(await rssXml(channel, next)), bytes(jsonFeedText(channel, next)))).toBeGreaterThan(FEED_MAX_BYTES);
  });

  it('caps feeds at 512 KiB', () => {
    expect(FEED_MAX_BYTES).toBe(524_288);
    expect(SITE.feedLength).toBe(50);
  });
});

describe('feed documents', () => {
  it('RSS: the channel’s links, self link and language; well-formed', async () => {
    const xml = await rssXml(channel, [item(0, 1)]);
    expect(() => parseXmlStrict(xml)).not.toThrow();
    const rss = parseRssFeed(xml);
    expect(rss).toMatchObject({ title: SITE.name, link: 'https://x.test/news/', language: SITE.lang });
    expect(rss.atom?.links?.[0]).toMatchObject({ href: 'https://x.test/news/rss.xml', rel: 'self' });
  });

  it('JSON Feed: the same channel, feed_url and icons', () => {
    const json = parseJsonFeed(JSON.parse(jsonFeedText(channel, [item(0, 1)])));
    expect(json).toMatchObject({ title: SITE.name, home_page_url: 'https://x.test/news/', feed_url: 'https://x.test/news/feed.json' });
    expect(json.icon).toBe('https://x.test/news/icon-512.png');
  });

  it('a section’s channel is titled with the section', () => {
    const section = feedChannel(
      'https://x.test',
      '/',
      { home: '/', rss: '/sections/sport/rss.xml', json: '/sections/sport/feed.json' },
      'Sport',
    );
    expect(section).toMatchObject({ title: `${SITE.name}: Sport`, rssUrl: 'https://x.test/sections/sport/rss.xml' });
  });

  it('a section’s feed links, for a page head, respect the base; none without a section', () => {
    expect(sectionFeedLinks('Arts & Culture', 'https://x.test', '/news/')).toEqual([
      {
        type: 'application/rss+xml',
        title: `${SITE.name}: Arts & Culture (RSS)`,
        href: 'https://x.test/news/sections/arts-culture/rss.xml',
      },
      {
        type: 'application/feed+json',
        title: `${SITE.name}: Arts & Culture (JSON Feed)`,
        href: 'https://x.test/news/sections/arts-culture/feed.json',
      },
    ]);
    expect(sectionFeedLinks(undefined, 'https://x.test', '/')).toEqual([]);
  });
});
