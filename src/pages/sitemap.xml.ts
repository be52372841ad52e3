/**
 * sitemap.xml: the sitemap index, naming sitemap-0.xml, sitemap-1.xml, … (at most 50,000 pages each), each with the
 * newest lastmod of its pages. The pages are src/lib/sitemap-pages.ts sitemapPages(), the same list the files hold.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../lib/urls.ts';
import { newest, sitemapFile, sitemapIndexXml, splitSitemap } from '../lib/sitemap.ts';
import { sitemapPages } from '../lib/sitemap-pages.ts';
import { xmlResponse } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const files = splitSitemap(await sitemapPages(base));
  const xml = sitemapIndexXml(files.map((pages, n) => ({ loc: absoluteUrl(withBase(sitemapFile(n), base), site!.href), lastmod: newest(pages.map((p) => p.lastmod)) })));
  return xmlResponse(xml);
};
