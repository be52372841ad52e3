/** robots.txt: everything may be crawled; the sitemap index and the news sitemap are named by absolute URL. */
import type { APIRoute } from 'astro';
import { SITE_FILES } from '../lib/urls.ts';
import { siteUrl } from '../site-urls.ts';
import { NEWS_SITEMAP_FILE } from '../publishing/news-sitemap.ts';

export const GET: APIRoute = () => {
  const text = `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(SITE_FILES.sitemap)}\nSitemap: ${siteUrl(NEWS_SITEMAP_FILE)}\n`;
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
