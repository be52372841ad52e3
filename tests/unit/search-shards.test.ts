/**
 * The search index's shards (src/lib/search-shards.ts): quarters of publication in UTC (undated articles the oldest),
 * gathered oldest first into shards of at least SEARCH_SHARD_SIZE articles, each named after its oldest quarter,
 * listed newest first; an article page's date as Pagefind is given it.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARD_SIZE,
  newestFirst,
  pagePublished,
  parseShardSize,
  quarterOf,
  shardsOfQuarters,
  UNDATED,
} from '../../src/lib/search-shards.ts';

describe('quarterOf', () => {
  it('is the year and quarter of the publication date in UTC, at the quarters’ edges too', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-q1');
    expect(quarterOf(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-q2');
    expect(quarterOf(new Date('2026-09-30T23:59:59Z'))).toBe('2026-q3');
    expect(quarterOf(new Date('2026-10-01T00:00:00Z'))).toBe('2026-q4');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-q4');
    // Local time does not move an article: 01:00 on 1 April in Paris is still March in UTC.
    expect(quarterOf(new Date('2026-04-01T01:00:00+02:00'))).toBe('2026-q1');
  });

  it('is UNDATED for an article without a date, and refuses an invalid date', () => {
    expect(quarterOf(undefined)).toBe(UNDATED);
    expect(() => quarterOf(new Date('not a date'))).toThrow(/not a valid date/);
  });
});

/** `n` articles of `quarter`. */
const of = (quarter: string, n: number) => Array.from({ length: n }, () => quarter);

describe('shardsOfQuarters', () => {
  it('gathers whole quarters, oldest first, until a shard holds `size` articles; the newest shard stays open', () => {
    const quarters = [...of('2026-q3', 4416), ...of('2026-q2', 1600), ...of('2026-q4', 2761)];
    expect(shardsOfQuarters(quarters, 4000)).toEqual(
      new Map([
        ['2026-q2', '2026-q2'],
        ['2026-q3', '2026-q2'], // 1,600 + 4,416: the shard closes at the end of this quarter
        ['2026-q4', '2026-q4'],
      ]),
    );
  });

  it('closes a shard at exactly `size`, and puts a quarter of `size` or more alone', () => {
    expect(shardsOfQuarters([...of('2025-q1', 2), ...of('2025-q2', 2), ...of('2025-q3', 5), ...of('2025-q4', 1)], 4)).toEqual(
      new Map([
        ['2025-q1', '2025-q1'],
        ['2025-q2', '2025-q1'],
        ['2025-q3', '2025-q3'],
        ['2025-q4', '2025-q4'],
      ]),
    );
  });

  it('counts undated articles as the oldest, and orders quarters across years', () => {
    expect(shardsOfQuarters([...of('2026-q1', 1), ...of(UNDATED, 1), ...of('2025-q4', 1)], 2)).toEqual(
      new Map([
        [UNDATED, UNDATED],
        ['2025-q4', UNDATED],
        ['2026-q1', '2026-q1'],
      ]),
    );
  });

  it('keeps every older shard when newer articles are published', () => {
    const before = shardsOfQuarters([...of('2026-q1', 3000), ...of('2026-q2', 3000), ...of('2026-q3', 10)], 4000);
    const after = shardsOfQuarters([...of('2026-q1', 3000), ...of('2026-q2', 3000), ...of('2026-q3', 900), ...of('2026-q4', 5)], 4000);
    for (const [quarter, shard] of before) expect(after.get(quarter), quarter).toBe(shard);
  });

  it('with a size of 1, gives every quarter its own shard; no articles, no shards', () => {
    expect([...shardsOfQuarters([...of('2026-q4', 3), ...of('2026-q3', 1)], 1).values()]).toEqual(['2026-q3', '2026-q4']);
    expect(shardsOfQuarters([], DEFAULT_SHARD_SIZE)).toEqual(new Map());
  });
});

describe('newestFirst', () => {
  it('orders shard names newest first across years, once each, the undated one last', () => {
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

describe('parseShardSize', () => {
  it('is 4,000 articles unless set, and a whole number of 1 or more when set', () => {
    expect(parseShardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('')).toBe(DEFAULT_SHARD_SIZE);
    expect(parseShardSize('1')).toBe(1);
    expect(parseShardSize(' 2500 ')).toBe(2500);
    for (const bad of ['0', '-5', '2.5', '4k', 'many', '1e3'])
      expect(() => parseShardSize(bad), bad).toThrow(/^SEARCH_SHARD_SIZE: expected a whole number/);
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
