/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase, SITE_FILES } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(withBase(SITE_FILES.sitemap, import.meta.env.BASE_URL), site!.href);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
