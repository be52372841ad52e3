/**
 * The feed documents, for the site's feeds (rss.xml, feed.json) and each section's
 * (sections/<slug>/rss.xml, …/feed.json): RSS 2.0 through @astrojs/rss and JSON Feed 1.1, from the same items.
 *
 * Bounded at any number of articles: a feed carries the latest `SITE.feedLength` articles (the routes take
 * them), with their full text, and fewer when those would make the document larger than FEED_MAX_BYTES —
 * `fitFeed` keeps the longest run of the newest items that fits, and a feed's RSS and JSON Feed carry the same
 * items (`feedItemCount`: the fewer of the two).
 */
import { getRssString } from '@astrojs/rss';
import { xmlSafe } from '../lib/clean-text.ts';
import { absoluteUrl, safeHttpUrl, withBase, SITE_FILES } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { sectionFeedPaths, sectionSlug } from '../lib/sections.ts';
import type { FeedItem } from './feed-items.ts';

/** The most a feed document may weigh, in bytes (UTF-8): feed readers and aggregators cap what they fetch. */
export const FEED_MAX_BYTES = 512 * 1024;

/** What a feed is about, with absolute URLs. */
export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  /** The HTML page the feed stands for. */
  homeUrl: string;
  /** The RSS document's own URL (atom:link rel=self). */
  rssUrl: string;
  /** The JSON Feed's own URL (feed_url). */
  jsonUrl: string;
  /** Square icons for JSON Feed readers. */
  iconUrl: string;
  faviconUrl: string;
}

/** RSS 2.0 with full content; the finished XML passes through `xmlSafe`, whichever field a bad character came in. */
export async function rssXml(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  const xml = await getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.homeUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' },
    customData: `<language>${channel.language}</language><atom:link href="${channel.rssUrl}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      description: item.description,
      content: item.contentHtml,
      ...(item.published && { pubDate: item.published }),
      ...(item.authors.length > 0 && { author: item.authors.map((a) => a.name).join(', ') }),
      categories: item.tags,
      // atom:updated: when the item was last updated or corrected, so readers can show the revised item.
      customData: `<media:content url="${item.imageUrl}" medium="image"/>${item.modified ? `<atom:updated>${item.modified.toISOString()}</atom:updated>` : ''}`,
    })),
  });
  return xmlSafe(xml);
}

/** JSON Feed 1.1 with full content: https://www.jsonfeed.org/version/1.1/ */
export function jsonFeedText(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: channel.homeUrl,
    feed_url: channel.jsonUrl,
    language: channel.language,
    icon: channel.iconUrl,
    favicon: channel.faviconUrl,
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.description,
      content_html: item.contentHtml,
      image: item.imageUrl,
      ...(item.published && { date_published: item.published.toISOString() }),
      ...(item.modified && { date_modified: item.modified.toISOString() }),
      ...(item.authors.length > 0 && {
        authors: item.authors.map((a) => {
          const authorUrl = safeHttpUrl(a.url);
          return { name: a.name, ...(authorUrl && { url: authorUrl }) };
        }),
      }),
      ...(item.tags.length > 0 && { tags: item.tags }),
    })),
  };
  return JSON.stringify(feed, null, 2);
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The document for the longest run of the first items (the newest) whose rendering is at most `maxBytes`:
 * all of them when they fit. A document grows with every item, so the run is found by bisection.
 */
export async function fitFeed<T>(
  items: readonly T[],
  render: (items: T[]) => string | Promise<string>,
  maxBytes: number = FEED_MAX_BYTES,
): Promise<{ text: string; count: number }> {
  const all = await render([...items]);
  if (byteLength(all) <= maxBytes) return { text: all, count: items.length };
  // The answer is in [0, items.length - 1]; `fits` is the longest run known to fit.
  let fits = 0;
  let text = await render([]);
  let tooLong = items.length;
  while (tooLong - fits > 1) {
    const mid = Math.floor((fits + tooLong) / 2);
    const candidate = await render(items.slice(0, mid));
    if (byteLength(candidate) <= maxBytes) {
      fits = mid;
      text = candidate;
    } else tooLong = mid;
  }
  return { text, count: fits };
}

/**
 * The channel of a feed of this site: the site's own (`section` undefined) or a section's. `site` is the origin,
 * `base` the base path; `paths` are the site paths of the page it stands for and of its two documents.
 */
export function feedChannel(site: string, base: string, paths: { home: string; rss: string; json: string }, section?: string): FeedChannel {
  const url = (path: string) => absoluteUrl(path, site);
  return {
    title: section === undefined ? SITE.name : `${SITE.name}: ${section}`,
    description: section === undefined ? SITE.description : `The latest articles in ${section}, from ${SITE.name}.`,
    language: SITE.lang,
    homeUrl: url(paths.home),
    rssUrl: url(paths.rss),
    jsonUrl: url(paths.json),
    iconUrl: url(withBase(SITE_FILES.icon512, base)),
    faviconUrl: url(withBase(SITE_FILES.icon32, base)),
  };
}

/** An XML feed or sitemap as a response. */
export const xmlResponse = (xml: string) => new Response(xml, { headers: { 'content-type': 'application/xml' } });
/** A JSON Feed as a response. */
export const jsonFeedResponse = (json: string) => new Response(json, { headers: { 'content-type': 'application/feed+json' } });

/** A feed offered in a page's head (`<link rel="alternate">`), by absolute URL. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/feed+json';
  title: string;
  href: string;
}

/** A section's two feeds, for the head of its pages and of its articles; none when the name makes no slug. */
export function sectionFeedLinks(section: string | undefined, site: string, base: string): FeedLink[] {
  const slug = section === undefined ? '' : sectionSlug(section);
  if (slug === '') return [];
  const paths = sectionFeedPaths(slug, base);
  return [
    { type: 'application/rss+xml', title: `${SITE.name}: ${section} (RSS)`, href: absoluteUrl(paths.rss, site) },
    { type: 'application/feed+json', title: `${SITE.name}: ${section} (JSON Feed)`, href: absoluteUrl(paths.json, site) },
  ];
}

/** How many of the items a feed carries: the most that fit in `maxBytes` both as RSS and as JSON Feed, so the two say the same. */
export async function feedItemCount(channel: FeedChannel, items: readonly FeedItem[], maxBytes: number = FEED_MAX_BYTES): Promise<number> {
  const [rss, json] = await Promise.all([
    fitFeed(items, (some) => rssXml(channel, some), maxBytes),
    fitFeed(items, (some) => jsonFeedText(channel, some), maxBytes),
  ]);
  return Math.min(rss.count, json.count);
}

/** The RSS document of a feed: the items that fit (`feedItemCount`). */
export async function rssFeed(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  return rssXml(channel, items.slice(0, await feedItemCount(channel, items)));
}

/** The JSON Feed document of a feed: the items that fit (`feedItemCount`). */
export async function jsonFeed(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  return jsonFeedText(channel, items.slice(0, await feedItemCount(channel, items)));
}
