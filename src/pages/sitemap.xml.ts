/**
 * sitemap.xml: the front page and every published article by its canonical URL (drafts, scheduled
 * articles, redirect stubs and the 404 page are not listed). Built from getArticles() and articlePath(),
 * the same gate and URL function as the pages themselves.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../content-model/collection.ts';
import { articleUrl, siteUrl } from '../site-urls.ts';
import { sitemapXml } from '../publishing/sitemap.ts';
import { lastModified } from '../content-model/articles.ts';

export const GET: APIRoute = async () => {
  const articles = await getArticles();
  const newest = articles.map((a) => lastModified(a.data)).filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  const xml = sitemapXml([
    { loc: siteUrl(), lastmod: newest },
    ...articles.map((a) => ({ loc: articleUrl(a.id), lastmod: lastModified(a.data) })),
  ]);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
