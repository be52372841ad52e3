/** robots.txt: everything may be crawled; the sitemap index and the news sitemap are named by absolute URL. */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase, SITE_FILES } from '../lib/urls.ts';
import { NEWS_SITEMAP_FILE } from '../lib/news-sitemap.ts';

export const GET: APIRoute = ({ site }) => {
  const url = (file: string) => absoluteUrl(withBase(file, import.meta.env.BASE_URL), site!.href);
  const text = `User-agent: *\nAllow: /\n\nSitemap: ${url(SITE_FILES.sitemap)}\nSitemap: ${url(NEWS_SITEMAP_FILE)}\n`;
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
