/**
 * The search index is written in shards: one Pagefind index per quarter of publication (UTC), which the search page
 * merges in the browser (Pagefind's `mergeIndex`). Publishing or correcting an article re-indexes only its quarter;
 * the other quarters' indexes are reused from the previous build (src/integrations/search-index.ts).
 *
 * Why quarters: a shard is re-indexed whole when one of its articles changes, and Pagefind's time and memory grow with
 * its pages (about 1.5 ms and 0.2 MB per article page), so a shard should stay small; the search page fetches a few
 * small files per shard and per word, so the shards should stay few. A newsroom publishing dozens of articles a day
 * has about 3,000–4,500 articles a quarter, four shards a year. Articles without a publication date (`published` is
 * optional) share one more shard, UNDATED.
 */

/** The list of shards, newest first, beside them in the index folder: the search page reads it first. */
export const SHARDS_FILE = 'shards.json';

/** What SHARDS_FILE holds. */
export interface SearchShards {
  /** Shard folder names (`2026-q4`), newest first: the first is the primary index, the others are merged into it. */
  shards: string[];
}

/** The shard of the articles that have no publication date. */
export const UNDATED = 'undated';

/** The shard of an article published at `published`: its year and quarter in UTC, `2026-q4`; UNDATED without a date. */
export function searchShard(published: Date | undefined): string {
  if (!published) return UNDATED;
  if (Number.isNaN(published.getTime())) throw new Error('search shard: the publication date is not a valid date');
  return `${published.getUTCFullYear()}-q${Math.floor(published.getUTCMonth() / 3) + 1}`;
}

/** Shard names, newest first (the names sort as their quarters do, for years of four digits), UNDATED last. */
export function newestFirst(shards: Iterable<string>): string[] {
  const rank = (s: string) => (s === UNDATED ? '' : s);
  return [...new Set(shards)].sort((a, b) => (rank(a) < rank(b) ? 1 : rank(a) > rank(b) ? -1 : 0));
}

const PUBLISHED = /<meta\b[^>]*\bdata-pagefind-meta="date\[content\]"[^>]*>/;
const CONTENT = /\bcontent="([^"]*)"/;

/**
 * The publication date an article page gives Pagefind (the `<meta … data-pagefind-meta="date[content]">` in its head,
 * src/components/ArticleHeadTags.astro), or undefined when it has none (an undated article).
 */
export function pagePublished(html: string): Date | undefined {
  const meta = PUBLISHED.exec(html)?.[0];
  const content = meta && CONTENT.exec(meta)?.[1];
  if (!content) return undefined;
  return new Date(content);
}
