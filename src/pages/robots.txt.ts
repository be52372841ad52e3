/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
import type { APIRoute } from 'astro';
import { SITE_FILES } from '../lib/urls.ts';
import { siteUrl } from '../site-urls.ts';

export const GET: APIRoute = () => {
  const sitemap = siteUrl(SITE_FILES.sitemap);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
