/** Pure helpers over article data, shared by pages, feeds and tests. */

export interface Datable {
  data: { title: string; published?: Date | undefined; draft?: boolean | undefined };
}

/**
 * Newest first. Dated articles come before undated ones; ties and undated articles are
 * ordered by headline so the order never depends on the file system.
 */
export function sortNewestFirst<T extends Datable>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => {
    const at = a.data.published?.getTime();
    const bt = b.data.published?.getTime();
    if (at !== undefined && bt !== undefined && at !== bt) return bt - at;
    if (at !== undefined && bt === undefined) return -1;
    if (at === undefined && bt !== undefined) return 1;
    return a.data.title.localeCompare(b.data.title, 'en');
  });
}

/**
 * Whether an article is published at `now`: not a draft and not scheduled for later.
 * Production builds list only these; `astro dev` shows everything.
 */
export function isPublished(article: Datable, now: Date): boolean {
  if (article.data.draft) return false;
  const published = article.data.published;
  return published === undefined || published.getTime() <= now.getTime();
}

/** The dates that say when an article last changed. */
export interface Revisable {
  published?: Date | undefined;
  updated?: Date | undefined;
  corrections?: readonly { date: Date }[] | undefined;
}

const latest = (dates: readonly (Date | undefined)[]): Date | undefined =>
  dates.reduce<Date | undefined>((max, d) => (d !== undefined && (max === undefined || d.getTime() > max.getTime()) ? d : max), undefined);

/** When the article was last revised: the latest of `updated` and its corrections' dates, or undefined if never. */
export function lastRevised(data: Revisable): Date | undefined {
  return latest([data.updated, ...(data.corrections ?? []).map((c) => c.date)]);
}

/**
 * "Last modified", the one rule for every consumer (structured data `dateModified`, Open Graph
 * `article:modified_time`, feeds, sitemap `lastmod`): the latest of `updated`, the corrections' dates and
 * `published`; undefined when the entry states no date at all.
 */
export function lastModified(data: Revisable): Date | undefined {
  return latest([data.published, lastRevised(data)]);
}

/** How long a revision counts as news on the front page ("Updated" on the card). */
const RECENT_REVISION_HOURS = 48;

/** Whether the article was updated or corrected in the `hours` before `now` (the build time). */
export function isRecentlyRevised(data: Revisable, now: Date, hours = RECENT_REVISION_HOURS): boolean {
  const revised = lastRevised(data);
  if (!revised) return false;
  const age = now.getTime() - revised.getTime();
  return age >= 0 && age <= hours * 3_600_000;
}

/** Where an article stands at `now`. */
export type PublicationStatus = { state: 'published' } | { state: 'draft' } | { state: 'scheduled'; date: Date };

/**
 * A draft, scheduled for a later date, or published: the same rule as isPublished(), with the reason.
 * `astro dev` marks drafts and scheduled articles with it (src/components/PublicationNotice.astro).
 */
export function publicationStatus(article: Datable, now: Date): PublicationStatus {
  if (article.data.draft) return { state: 'draft' };
  const published = article.data.published;
  if (published !== undefined && published.getTime() > now.getTime()) return { state: 'scheduled', date: published };
  return { state: 'published' };
}
