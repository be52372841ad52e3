/** RSS 2.0 feed of the latest articles with full content (src/lib/feeds.ts: at most SITE.feedLength, ≤ 512 KiB). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { withBase, SITE_FILES } from '../lib/urls.ts';
import { getArticles } from '../lib/collection.ts';
import { getFeedItems } from '../lib/feed-items.ts';
import { feedChannel, rssFeed, xmlResponse } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const channel = feedChannel(site!.href, base, { home: withBase('', base), rss: withBase(SITE_FILES.rss, base), json: withBase(SITE_FILES.jsonFeed, base) });
  const items = await getFeedItems(site!.href, (await getArticles()).slice(0, SITE.feedLength));
  return xmlResponse(await rssFeed(channel, items));
};
