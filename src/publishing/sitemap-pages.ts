/**
 * Every page the sitemap lists, in order, by site path (with the base path) and last modification: the front page,
 * then every published article, newest first. Drafts, scheduled articles, redirect stubs, the search page and the
 * 404 page are not listed. Listing pages (sections, topics, authors, archive) are added here, so the sitemap index
 * and its files (src/pages/sitemap.xml.ts, src/pages/sitemap-[n].xml.ts) list them too.
 */
import { getArticles } from '../content-model/collection.ts';
import { lastModified } from '../content-model/articles.ts';
import { articlePath, withBase } from '../lib/urls.ts';
import { newest } from './sitemap.ts';

export interface SitemapPage {
  /** Site path, base included: `/news/articles/x/`. */
  path: string;
  lastmod?: Date | undefined;
}

export async function sitemapPages(base: string): Promise<SitemapPage[]> {
  const articles = await getArticles();
  const articlePages = articles.map((a) => ({ path: articlePath(a.id, base), lastmod: lastModified(a.data) }));
  return [{ path: withBase('', base), lastmod: newest(articlePages.map((p) => p.lastmod)) }, ...articlePages];
}
