/** RSS 2.0 feed of the latest articles with full content (src/publishing/feeds.ts: at most SITE.feedLength, ≤ 512 KiB). */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { SITE_FILES } from '../lib/urls.ts';
import { BASE, sitePath } from '../site-urls.ts';
import { getArticles } from '../content-model/collection.ts';
import { getFeedItems } from '../publishing/feed-items.ts';
import { feedChannel, rssFeed, xmlResponse } from '../publishing/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const channel = feedChannel(site!.href, BASE, { home: sitePath(), rss: sitePath(SITE_FILES.rss), json: sitePath(SITE_FILES.jsonFeed) });
  const items = await getFeedItems((await getArticles()).slice(0, SITE.feedLength));
  return xmlResponse(await rssFeed(channel, items));
};
