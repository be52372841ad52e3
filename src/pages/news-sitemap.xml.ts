/** news-sitemap.xml: the articles of the 48 hours before the build, for Google News (src/publishing/news-sitemap.ts). */
import type { APIRoute } from 'astro';
import { getArticles } from '../content-model/collection.ts';
import { buildTime } from '../content-model/build-time.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';
import { newsArticles, newsSitemapXml } from '../publishing/news-sitemap.ts';
import { xmlResponse } from '../publishing/feeds.ts';
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
