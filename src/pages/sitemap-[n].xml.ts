/**
 * sitemap-0.xml, sitemap-1.xml, …: the pages of src/publishing/sitemap-pages.ts sitemapPages() by canonical URL, at most
 * 50,000 a file (src/publishing/sitemap.ts splitSitemap), named by the sitemap index (sitemap.xml).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';
import { sitemapXml, splitSitemap } from '../publishing/sitemap.ts';
import { sitemapPages, type SitemapPage } from '../publishing/sitemap-pages.ts';
import { xmlResponse } from '../publishing/feeds.ts';
import { cacheKey } from '../publishing/cache-keys.ts';

export const getStaticPaths = (async () =>
  splitSitemap(await sitemapPages(import.meta.env.BASE_URL)).map((pages, n) => ({
    params: { n: String(n) },
    props: { pages },
    cacheKey: cacheKey('sitemap', pages),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ pages: SitemapPage[] }> = ({ site, props: { pages } }) =>
  xmlResponse(sitemapXml(pages.map((p) => ({ loc: absoluteUrl(p.path, site!.href), lastmod: p.lastmod }))));
