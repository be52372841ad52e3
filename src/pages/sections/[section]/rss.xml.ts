/**
 * Each section's RSS feed: `/sections/<slug>/rss.xml`, the latest SITE.feedLength articles of the section with
 * full content (≤ 512 KiB, src/publishing/feeds.ts). Sections and slugs: src/lib/sections.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../site.config.ts';
import { withBase } from '../../../lib/urls.ts';
import { getArticles, type Article } from '../../../content-model/collection.ts';
import { getFeedItems } from '../../../publishing/feed-items.ts';
import { groupBySection, sectionFeedPaths, type Section } from '../../../lib/sections.ts';
import { feedChannel, rssFeed, xmlResponse } from '../../../publishing/feeds.ts';

export const getStaticPaths = (async () =>
  groupBySection(await getArticles()).map((section) => ({ params: { section: section.slug }, props: { section } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ section: Section<Article> }> = async ({ site, props: { section } }) => {
  const base = import.meta.env.BASE_URL;
  // The channel's page is the front page until the section pages exist; then sectionPagePath(section.slug, base).
  const channel = feedChannel(site!.href, base, { home: withBase('', base), ...sectionFeedPaths(section.slug, base) }, section.name);
  const items = await getFeedItems(section.articles.slice(0, SITE.feedLength));
  return xmlResponse(await rssFeed(channel, items));
};
