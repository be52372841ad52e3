/**
 * The search index's shards (src/lib/search-shards.ts): months of publication in UTC (undated articles the oldest),
 * gathered oldest first into shards of at most SEARCH_SHARD_SIZE articles, each named after its oldest month,
 * listed newest first; an article page's date as Pagefind is given it.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARD_SIZE,
  newestFirst,
  pagePublished,
  parseShardSize,
  monthOf,
  shardsOfMonths,
  UNDATED,
} from '../../src/lib/search-shards.ts';

describe('monthOf', () => {
  it('is the year and month of the publication date in UTC, at the months’ edges too', () => {
    expect(monthOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01');
    expect(monthOf(new Date('2026-01-31T23:59:59.999Z'))).toBe('2026-01');
    expect(monthOf(new Date('2026-02-01T00:00:00Z'))).toBe('2026-02');
    expect(monthOf(new Date('2026-09-30T23:59:59Z'))).toBe('2026-09');
    expect(monthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    // 01:00 in Paris on 1 April is still March in UTC.
    expect(monthOf(new Date('2026-04-01T01:00:00+02:00'))).toBe('2026-03');
  });

  it('is UNDATED without a date, and refuses an invalid one', () => {
    expect(monthOf(undefined)).toBe(UNDATED);
    expect(() => monthOf(new Date('not a date'))).toThrow(/not a valid date/);
  });
});

/** `n` articles of `month`. */
const of = (month: string, n: number) => Array.from({ length: n }, () => month);

describe('shardsOfMonths', () => {
  it('gathers whole months, oldest first, as long as a shard stays within `size` articles', () => {
    const months = [...of('2026-08', 1500), ...of('2026-07', 1400), ...of('2026-09', 1450), ...of('2026-10', 1500), ...of('2026-11', 700)];
    expect(shardsOfMonths(months, 4000)).toEqual(
      new Map([
        ['2026-07', '2026-07'],
        ['2026-08', '2026-07'], // 2,900: September would take it to 4,350, so the shard closes here
        ['2026-09', '2026-09'],
        ['2026-10', '2026-09'],
        ['2026-11', '2026-09'], // 3,650: the newest shard, still open
      ]),
    );
  });

  it('closes a shard at exactly `size`, and puts a month of more than `size` alone', () => {
    expect(shardsOfMonths([...of('2025-01', 2), ...of('2025-02', 2), ...of('2025-03', 5), ...of('2025-04', 1)], 4)).toEqual(
      new Map([
        ['2025-01', '2025-01'],
        ['2025-02', '2025-01'],
        ['2025-03', '2025-03'],
        ['2025-04', '2025-04'],
      ]),
    );
  });

  it('never makes a shard of more than `size` articles but for a month alone', () => {
    const months = Array.from({ length: 24 }, (_, i) =>
      of(`20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 900 + ((i * 137) % 600)),
    ).flat();
    const shardOf = shardsOfMonths(months, 4000);
    const held = Map.groupBy(months, (month) => shardOf.get(month)!);
    for (const [shard, articles] of held) expect(articles.length, shard).toBeLessThanOrEqual(4000);
    expect(held.size).toBeLessThanOrEqual(Math.ceil(months.length / 4000) * 2);
  });

  it('counts undated articles as the oldest, and orders months across years', () => {
    expect(shardsOfMonths([...of('2026-01', 1), ...of(UNDATED, 1), ...of('2025-12', 1)], 2)).toEqual(
      new Map([
        [UNDATED, UNDATED],
        ['2025-12', UNDATED],
        ['2026-01', '2026-01'],
      ]),
    );
  });

  it('keeps every shard before the newest two when newer articles are published', () => {
    const before = shardsOfMonths([...of('2026-01', 2000), ...of('2026-02', 1900), ...of('2026-03', 1500), ...of('2026-04', 10)], 4000);
    const after = shardsOfMonths(
      [...of('2026-01', 2000), ...of('2026-02', 1900), ...of('2026-03', 1500), ...of('2026-04', 2600), ...of('2026-05', 5)],
      4000,
    );
    expect(after.get('2026-01')).toBe(before.get('2026-01'));
    expect(after.get('2026-02')).toBe(before.get('2026-02'));
    expect(after.get('2026-03')).toBe(before.get('2026-03'));
    // April outgrew the shard it shared with March: it starts a shard of its own.
    expect([before.get('2026-04'), after.get('2026-04')]).toEqual(['2026-03', '2026-04']);
  });

  it('with a size of 1, gives every month its own shard; no articles, no shards', () => {
    expect([...shardsOfMonths([...of('2026-11', 3), ...of('2026-08', 1)], 1).values()]).toEqual(['2026-08', '2026-11']);
    expect(shardsOfMonths([], DEFAULT_SHARD_SIZE)).toEqual(new Map());
  });
});

describe('newestFirst', () => {
  it('orders shard names newest first across years, once each, the undated one last', () => {
    expect(newestFirst(['2025-12', UNDATED, '2026-01', '2024-04', '2026-09', '2026-01'])).toEqual([
      '2026-09',
      '2026-01',
      '2025-12',
      '2024-04',
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
