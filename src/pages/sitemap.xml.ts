/**
 * sitemap.xml: the front page and every published article by its canonical URL (drafts, scheduled
 * articles, redirect stubs and the 404 page are not listed). Built from getArticles() and articlePath(),
 * the same gate and URL function as the pages themselves.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../content-model/collection.ts';
import { absoluteUrl, articlePath, withBase } from '../lib/urls.ts';
import { sitemapXml } from '../publishing/sitemap.ts';
import { lastModified } from '../content-model/articles.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const articles = await getArticles();
  const newest = articles.map((a) => lastModified(a.data)).filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  const xml = sitemapXml([
    { loc: absoluteUrl(withBase('', base), site!.href), lastmod: newest },
    ...articles.map((a) => ({ loc: absoluteUrl(articlePath(a.id, base), site!.href), lastmod: lastModified(a.data) })),
  ]);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
