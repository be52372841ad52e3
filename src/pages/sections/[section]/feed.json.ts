/**
 * Each section's JSON Feed: `/sections/<slug>/feed.json`, the latest SITE.feedLength articles of the section with
 * full content (≤ 512 KiB, src/publishing/feeds.ts). Sections and slugs: src/lib/sections.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../site.config.ts';
import type { Article } from '../../../content-model/collection.ts';
import { getSiteIndex } from '../../../lib/site-index.ts';
import { cacheKey, entryKey } from '../../../publishing/cache-keys.ts';
import { getFeedItems } from '../../../publishing/feed-items.ts';
import { sectionFeedPaths, sectionPagePath, type Section } from '../../../lib/sections.ts';
import { feedChannel, jsonFeed, jsonFeedResponse } from '../../../publishing/feeds.ts';

// The sections of the build's index: the same slugs, names and articles as the section pages.
export const getStaticPaths = (async () =>
  (await getSiteIndex()).sections.map((section) => ({
    params: { section: section.slug },
    props: { section },
    cacheKey: cacheKey('feed.json', section.name, section.articles.slice(0, SITE.feedLength).map(entryKey)),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ section: Section<Article> }> = async ({ site, props: { section } }) => {
  const base = import.meta.env.BASE_URL;
  // The channel's page is the section's page.
  const channel = feedChannel(
    site!.href,
    base,
    { home: sectionPagePath(section.slug, base), ...sectionFeedPaths(section.slug, base) },
    section.name,
  );
  const items = await getFeedItems(section.articles.slice(0, SITE.feedLength));
  return jsonFeedResponse(await jsonFeed(channel, items));
};
