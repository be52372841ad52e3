/**
 * The search index is written in shards, several Pagefind indexes that the search page merges in the browser
 * (Pagefind's `mergeIndex`). A shard is a run of consecutive months of publication (UTC): from the oldest month on, a
 * shard takes whole months as long as it stays within `size` articles (SEARCH_SHARD_SIZE, 4,000 by default), and
 * closes before the month that would take it past that; a month of more than `size` articles is a shard alone.
 * Articles without a date count as the oldest. So Pagefind's time and memory for a shard are bounded by `size`
 * (measured: a shard of 6,016 pages took 1.5 GB; one of 4,000, about 1 GB).
 *
 * Publishing an article re-indexes only the newest shard, correcting one only its shard: every other shard's index is
 * reused from the previous build (src/integrations/search-index.ts). New articles come last, so the shards before the
 * newest two keep their pages as the archive grows (the newest month may move from the shard before into a new one
 * when it grows past what that shard has room for).
 *
 * Why this size: each shard costs the reader a few small files at the first search and one index chunk per word
 * and shard at each query (measured with `npm run bench:search`: a rare word costs ~25 KiB per shard), so shards
 * must be few; Pagefind's time and memory on a publish grow with the shard's pages, so they must not be huge.
 * 4,000 articles is about three months' worth for a newsroom publishing 40 a day: at 10,000 articles, 3 or 4 shards.
 */

/** The list of shards, beside them in the index folder: the search page reads it first. */
export const SHARDS_FILE = 'shards.json';

/** What SHARDS_FILE holds. */
export interface SearchShards {
  /** Shard folder names, newest first: the first is the primary index, the others are merged into it. */
  shards: string[];
}

/** The month of the articles without a publication date (the oldest of all). */
export const UNDATED = 'undated';

/** Articles per shard unless SEARCH_SHARD_SIZE says otherwise. */
export const DEFAULT_SHARD_SIZE = 4000;

/** SEARCH_SHARD_SIZE read: a whole number of articles, 1 or more; DEFAULT_SHARD_SIZE when not set. */
export function parseShardSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARD_SIZE;
  if (!/^\s*[1-9]\d*\s*$/.test(value)) {
    throw new Error(`SEARCH_SHARD_SIZE: expected a whole number of articles (1 or more), got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** The month of an article published at `published`: its year and month in UTC, `2026-04`; UNDATED without a date. */
export function monthOf(published: Date | undefined): string {
  if (!published) return UNDATED;
  if (Number.isNaN(published.getTime())) throw new Error('search shard: the publication date is not a valid date');
  return `${published.getUTCFullYear()}-${String(published.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Months (or shard names, which are months), oldest first: UNDATED, then in order (years of four digits). */
const oldestFirst = (a: string, b: string) => (a === b ? 0 : a === UNDATED ? -1 : b === UNDATED ? 1 : a < b ? -1 : 1);

/**
 * The shard of each month, given the month of every article (one item per article): a shard is named after its
 * oldest month, and takes the months after it as long as it holds no more than `size` articles.
 */
export function shardsOfMonths(months: Iterable<string>, size: number): Map<string, string> {
  const counts = new Map<string, number>();
  for (const month of months) counts.set(month, (counts.get(month) ?? 0) + 1);
  const shardOf = new Map<string, string>();
  let shard: string | undefined;
  let held = 0;
  for (const month of [...counts.keys()].sort(oldestFirst)) {
    const count = counts.get(month)!;
    if (shard === undefined || held + count > size) [shard, held] = [month, 0];
    shardOf.set(month, shard);
    held += count;
  }
  return shardOf;
}

/** Shard names, newest first, once each. */
export function newestFirst(shards: Iterable<string>): string[] {
  return [...new Set(shards)].sort((a, b) => oldestFirst(b, a));
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
  return content ? new Date(content) : undefined;
}
