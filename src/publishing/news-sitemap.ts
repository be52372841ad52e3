/**
 * The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the articles published in the NEWS_SITEMAP_HOURS before the build, newest first, at most NEWS_SITEMAP_MAX, each
 * with `news:news` (publication name and language, publication date, title). Pure functions.
 */
import { xmlSafe } from '../lib/clean-text.ts';
import { escapeXml } from './sitemap.ts';

/** How far back a news sitemap reaches: Google News takes articles of the last two days. */
export const NEWS_SITEMAP_HOURS = 48;
/** The most articles a news sitemap may list (Google's limit). */
export const NEWS_SITEMAP_MAX = 1_000;
/** Its file name at the root of the site, named in robots.txt. */
export const NEWS_SITEMAP_FILE = 'news-sitemap.xml';

/**
 * The articles published from `hours` before `now` up to `now`, both included, in the order given (newest first
 * when given newest first), at most `max`. Articles without a publication date are not news to list.
 */
export function newsArticles<T extends { data: { published?: Date | undefined } }>(
  articles: readonly T[],
  now: Date,
  hours: number = NEWS_SITEMAP_HOURS,
  max: number = NEWS_SITEMAP_MAX,
): T[] {
  const from = now.getTime() - hours * 3_600_000;
  return articles
    .filter((a) => {
      const at = a.data.published?.getTime();
      return at !== undefined && at >= from && at <= now.getTime();
    })
    .slice(0, max);
}

export interface NewsEntry {
  loc: string;
  title: string;
  published: Date;
}

/** The news sitemap document. `language`: the publication's ISO 639 language code, e.g. "en". */
export function newsSitemapXml(entries: readonly NewsEntry[], publication: { name: string; language: string }): string {
  const source = `<news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${escapeXml(publication.language)}</news:language></news:publication>`;
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.loc)}</loc><news:news>${source}<news:publication_date>${e.published.toISOString()}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return xmlSafe(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls}\n</urlset>\n`,
  );
}
