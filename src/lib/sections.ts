/**
 * Sections: the URL part of a section's name, and the articles of each section. Pure functions.
 *
 * A section's slug is made like an article's (src/lib/slug.ts slugify): "Arts & Culture" → "arts-culture".
 * Section names that give the same slug ("U.S." and "US") are one section.
 */
import { slugify } from './slug.ts';
import { withBase } from './urls.ts';

/** The URL part of a section name: lowercase words joined by hyphens; "" when the name has no letter or digit. */
export function sectionSlug(name: string): string {
  return slugify(name);
}

/** A section page: `/<base>/sections/<slug>/`. */
export function sectionPagePath(slug: string, base: string): string {
  return withBase(`sections/${slug}/`, base);
}

/** A section's feeds: `/<base>/sections/<slug>/rss.xml` and `…/feed.json`. */
export function sectionFeedPaths(slug: string, base: string): { rss: string; json: string } {
  const dir = sectionPagePath(slug, base);
  return { rss: `${dir}rss.xml`, json: `${dir}feed.json` };
}

export interface Section<T> {
  slug: string;
  /** The name as the newest of its articles writes it. */
  name: string;
  /** Its articles, in the order given (newest first when given newest first). */
  articles: T[];
}

/**
 * The sections of a list of articles, by slug, in order of first appearance (the newest first when the list is
 * newest first). Articles without a section, or whose section name has no letter or digit, belong to none.
 */
export function groupBySection<T extends { data: { section?: string | undefined } }>(articles: readonly T[]): Section<T>[] {
  const bySlug = new Map<string, Section<T>>();
  for (const article of articles) {
    const name = article.data.section;
    if (name === undefined) continue;
    const slug = sectionSlug(name);
    if (slug === '') continue;
    const section = bySlug.get(slug);
    if (section) section.articles.push(article);
    else bySlug.set(slug, { slug, name, articles: [article] });
  }
  return [...bySlug.values()];
}
