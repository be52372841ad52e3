/**
 * The search index's shards (src/lib/search-shards.ts): one per quarter of publication in UTC, one for undated
 * articles, listed newest first; an article page's date as Pagefind is given it.
 */
import { describe, expect, it } from 'vitest';
import { newestFirst, pagePublished, searchShard, UNDATED } from '../../src/lib/search-shards.ts';

describe('searchShard', () => {
  it('is the year and quarter of the publication date in UTC, at the quarters’ edges too', () => {
    expect(searchShard(new Date('2026-01-01T00:00:00Z'))).toBe('2026-q1');
    expect(searchShard(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-q1');
    expect(searchShard(new Date('2026-04-01T00:00:00Z'))).toBe('2026-q2');
    expect(searchShard(new Date('2026-09-30T23:59:59Z'))).toBe('2026-q3');
    expect(searchShard(new Date('2026-10-01T00:00:00Z'))).toBe('2026-q4');
    expect(searchShard(new Date('2026-12-31T23:59:59Z'))).toBe('2026-q4');
    // Local time does not move an article: 01:00 on 1 April in Paris is still March in UTC.
    expect(searchShard(new Date('2026-04-01T01:00:00+02:00'))).toBe('2026-q1');
  });

  it('puts articles without a date in the undated shard, and refuses an invalid date', () => {
    expect(searchShard(undefined)).toBe(UNDATED);
    expect(() => searchShard(new Date('not a date'))).toThrow(/not a valid date/);
  });
});

describe('newestFirst', () => {
  it('orders quarters newest first across years, once each, with the undated shard last', () => {
    expect(newestFirst(['2025-q4', UNDATED, '2026-q1', '2024-q2', '2026-q3', '2026-q1'])).toEqual([
      '2026-q3',
      '2026-q1',
      '2025-q4',
      '2024-q2',
      UNDATED,
    ]);
    expect(newestFirst([])).toEqual([]);
  });
});

describe('pagePublished', () => {
  const head = (meta: string) =>
    `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body><h1 data-pagefind-body>x</h1></body></html>`;

  it('reads the date an article page gives Pagefind, whatever the order of the attributes', () => {
    const date = '2026-11-27T12:00:00.000Z';
    expect(pagePublished(head(`<meta property="article:published_time" content="${date}" data-pagefind-meta="date[content]">`))).toEqual(
      new Date(date),
    );
    expect(pagePublished(head(`<meta data-pagefind-meta="date[content]" content="${date}" property="article:published_time">`))).toEqual(
      new Date(date),
    );
  });

  it('is undefined for a page without that date (an undated article), even with other dates in its head', () => {
    expect(pagePublished(head('<meta property="article:modified_time" content="2026-11-27T12:00:00.000Z">'))).toBeUndefined();
    expect(pagePublished(head(''))).toBeUndefined();
  });
});
