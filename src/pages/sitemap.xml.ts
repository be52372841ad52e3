/**
 * sitemap.xml: the sitemap index, naming sitemap-0.xml, sitemap-1.xml, … (at most 50,000 pages each), each with the
 * newest lastmod of its pages. The pages are src/publishing/sitemap-pages.ts sitemapPages(), the same list the files hold.
 */
import type { APIRoute } from 'astro';
import { BASE, siteUrl } from '../site-urls.ts';
import { newest, sitemapFile, sitemapIndexXml, splitSitemap } from '../publishing/sitemap.ts';
import { sitemapPages } from '../publishing/sitemap-pages.ts';
import { xmlResponse } from '../publishing/feeds.ts';

export const GET: APIRoute = async () => {
  const files = splitSitemap(await sitemapPages(BASE));
  const xml = sitemapIndexXml(files.map((pages, n) => ({ loc: siteUrl(sitemapFile(n)), lastmod: newest(pages.map((p) => p.lastmod)) })));
  return xmlResponse(xml);
};
