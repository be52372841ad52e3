/** JSON Feed 1.1 with full content: https://www.jsonfeed.org/version/1.1/ */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { safeHttpUrl, SITE_FILES } from '../lib/urls.ts';
import { siteUrl } from '../site-urls.ts';
import { getFeedItems } from '../publishing/feed-items.ts';

export const GET: APIRoute = async () => {
  const items = await getFeedItems();
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: SITE.name,
    description: SITE.description,
    home_page_url: siteUrl(),
    feed_url: siteUrl(SITE_FILES.jsonFeed),
    language: SITE.lang,
    icon: siteUrl(SITE_FILES.icon512),
    favicon: siteUrl(SITE_FILES.icon32),
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
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'content-type': 'application/feed+json' } });
};
