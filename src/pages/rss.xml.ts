/**
 * RSS 2.0 feed with full content, via @astrojs/rss. The finished XML passes through `xmlSafe`, so
 * no character XML forbids can make the feed unreadable, whichever field it came in.
 */
import type { APIRoute } from 'astro';
import { getRssString } from '@astrojs/rss';
import { xmlSafe } from '../lib/clean-text.ts';
import { SITE } from '../site.config.ts';
import { SITE_FILES } from '../lib/urls.ts';
import { siteUrl } from '../site-urls.ts';
import { getFeedItems } from '../publishing/feed-items.ts';

export const GET: APIRoute = async () => {
  const home = siteUrl();
  const self = siteUrl(SITE_FILES.rss);
  const items = await getFeedItems();
  const xml = await getRssString({
    title: SITE.name,
    description: SITE.description,
    site: home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' },
    customData: `<language>${SITE.lang}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
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
  return new Response(xmlSafe(xml), { headers: { 'content-type': 'application/xml' } });
};
