/**
 * Sections for the feeds: the URL part of a section's name, and the articles of each section. Pure functions.
 *
 * A section's slug is the one slug rule of every name (src/lib/listing-urls.ts nameSlug): "Arts & Culture" →
 * "arts-culture". Section names that give the same slug ("U.S." and "US") are one section.
 */
import { nameSlug, sectionFeedPath, sectionPath } from './listing-urls.ts';

/** The URL part of a section name (nameSlug): lowercase words joined by hyphens. */
export function sectionSlug(name: string): string {
  return nameSlug(name);
}

/** A section page: `/<base>/sections/<slug>/` (sectionPath). */
export function sectionPagePath(slug: string, base: string): string {
  return sectionPath(slug, base);
}

/** A section's feeds: `/<base>/sections/<slug>/rss.xml` and `…/feed.json` (sectionFeedPath). */
export function sectionFeedPaths(slug: string, base: string): { rss: string; json: string } {
  return { rss: sectionFeedPath(slug, 'rss', base), json: sectionFeedPath(slug, 'json', base) };
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
 * newest first). Articles without a section belong to none. (The pages and the feeds use the build's index,
 * src/lib/site-index.ts, which also puts the sections in editorial order.)
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
