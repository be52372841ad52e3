/**
 * Every page the sitemap lists, in order, by site path (with the base path) and last modification: the front page,
 * then every published article, newest first, then the listing pages. Drafts, scheduled articles, redirect stubs,
 * the search page and the 404 page are not listed. The sitemap index and its files (src/pages/sitemap.xml.ts,
 * src/pages/sitemap-[n].xml.ts) list exactly these.
 *
 * Listing pages: the first page of the latest list and of each section, topic and author (their later pages hold
 * other articles after each new one; crawlers reach them by their rel=next links), the archive, each year, and
 * every page of every month (those never change what they hold). A listing's lastmod is the newest last
 * modification of the articles it shows.
 */
import { getSiteIndex } from '../lib/site-index.ts';
import { lastModified } from '../content-model/articles.ts';
import { articlePath, withBase } from '../lib/urls.ts';
import { archivePath, authorPath, latestPath, sectionPath, topicPath } from '../lib/listing-urls.ts';
import { archiveYears } from '../lib/archive.ts';
import { newest } from './sitemap.ts';
import { SITE } from '../site.config.ts';

export interface SitemapPage {
  /** Site path, base included: `/news/articles/x/`. */
  path: string;
  lastmod?: Date | undefined;
}

export async function sitemapPages(base: string): Promise<SitemapPage[]> {
  const { articles, sections, topics, authors, months } = await getSiteIndex();
  const lastmodOf = (list: typeof articles) => newest(list.map((a) => lastModified(a.data)));
  const firstPage = (list: typeof articles) => lastmodOf(list.slice(0, SITE.listingPageSize));
  const articlePages = articles.map((a) => ({ path: articlePath(a.id, base), lastmod: lastModified(a.data) }));
  const monthPages = months.flatMap((m) =>
    Array.from({ length: Math.ceil(m.articles.length / SITE.archivePageSize) }, (_, i) => ({
      path: archivePath(base, m.year, m.month, i + 1),
      lastmod: lastmodOf(m.articles.slice(i * SITE.archivePageSize, (i + 1) * SITE.archivePageSize)),
    })),
  );
  const listingPages = [
    { path: latestPath(base), lastmod: firstPage(articles) },
    ...sections.map((s) => ({ path: sectionPath(s.slug, base), lastmod: firstPage(s.articles) })),
    ...topics.map((t) => ({ path: topicPath(t.slug, base), lastmod: firstPage(t.articles) })),
    ...authors.map((a) => ({ path: authorPath(a.slug, base), lastmod: firstPage(a.articles) })),
    { path: archivePath(base), lastmod: lastmodOf(months.flatMap((m) => m.articles)) },
    ...archiveYears(months).map((y) => ({ path: archivePath(base, y.year), lastmod: lastmodOf(y.months.flatMap((m) => m.articles)) })),
    ...monthPages,
  ];
  return [{ path: withBase('', base), lastmod: newest(articlePages.map((p) => p.lastmod)) }, ...articlePages, ...listingPages];
}
