import { describe, expect, it } from 'vitest';
import { isPublished, sortNewestFirst } from '../../src/lib/articles.ts';
import { formatDate, isoDate } from '../../src/lib/dates.ts';

const a = (title: string, published?: string, draft = false) => ({
  data: { title, draft, ...(published ? { published: new Date(published) } : {}) },
});

describe('sortNewestFirst', () => {
  it('puts newer dated articles first, undated last, and breaks ties by headline', () => {
    const sorted = sortNewestFirst([a('Undated B'), a('Old', '2020-01-01'), a('Undated A'), a('New', '2024-05-01'), a('Also new', '2024-05-01')]);
    expect(sorted.map((x) => x.data.title)).toEqual(['Also new', 'New', 'Old', 'Undated A', 'Undated B']);
  });
  it('does not modify its input', () => {
    const input = [a('B'), a('A')];
    sortNewestFirst(input);
    expect(input.map((x) => x.data.title)).toEqual(['B', 'A']);
  });
});

describe('isPublished', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('hides drafts and future-dated articles, shows undated ones', () => {
    expect(isPublished(a('x', undefined, true), now)).toBe(false);
    expect(isPublished(a('x', '2026-06-01'), now)).toBe(false);
    expect(isPublished(a('x', '2025-06-01'), now)).toBe(true);
    expect(isPublished(a('x'), now)).toBe(true);
  });
});

describe('dates', () => {
  it('formats in the site time zone, not the machine’s', () => {
    const d = new Date('2022-08-20T23:30:00-04:00');
    expect(formatDate(d, 'en', 'UTC')).toBe('August 21, 2022');
    expect(formatDate(d, 'en', 'America/New_York')).toBe('August 20, 2022');
    expect(isoDate(d)).toBe('2022-08-21T03:30:00.000Z');
  });
});
