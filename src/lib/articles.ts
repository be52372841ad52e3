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
