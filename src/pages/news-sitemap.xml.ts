/** news-sitemap.xml: the articles of the 48 hours before the build, for Google News (src/lib/news-sitemap.ts). */
import type { APIRoute } from 'astro';
import { getArticles } from '../lib/collection.ts';
import { buildTime } from '../lib/build-time.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';
import { newsArticles, newsSitemapXml } from '../lib/news-sitemap.ts';
import { xmlResponse } from '../lib/feeds.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const entries = newsArticles(await getArticles(), buildTime()).map((a) => ({
    loc: absoluteUrl(articlePath(a.id, base), site!.href),
    title: a.data.title,
    published: a.data.published!,
  }));
  return xmlResponse(newsSitemapXml(entries, { name: SITE.name, language: SITE.lang }));
};
