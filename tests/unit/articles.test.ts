import { describe, expect, it } from 'vitest';
import { isPublished, publicationStatus, sortNewestFirst } from '../../src/content-model/articles.ts';
import { formatDate, formatDateTime } from '../../src/lib/dates.ts';
import { unpublishableRender } from '../../src/content-model/render-problems.ts';

const a = (title: string, published?: string, draft = false) => ({
  data: { title, draft, ...(published ? { published: new Date(published) } : {}) },
});

describe('sortNewestFirst', () => {
  it('puts newer dated articles first, undated last, and breaks ties by headline', () => {
    const sorted = sortNewestFirst([
      a('Undated B'),
      a('Old', '2020-01-01'),
      a('Undated A'),
      a('New', '2024-05-01'),
      a('Also new', '2024-05-01'),
    ]);
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
  });
});

describe('publicationStatus', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('says why an article is not published: a draft (whatever its date), or scheduled with its date', () => {
    expect(publicationStatus(a('x', undefined, true), now)).toEqual({ state: 'draft' });
    expect(publicationStatus(a('x', '2026-06-01', true), now)).toEqual({ state: 'draft' });
    expect(publicationStatus(a('x', '2026-06-01'), now)).toEqual({ state: 'scheduled', date: new Date('2026-06-01') });
    expect(publicationStatus(a('x', '2025-06-01'), now)).toEqual({ state: 'published' });
    expect(publicationStatus(a('x'), now)).toEqual({ state: 'published' });
  });
  it('is the same gate as isPublished', () => {
    for (const article of [a('x', undefined, true), a('x', '2026-06-01'), a('x', '2026-01-01T00:00:00Z'), a('x', '2025-06-01'), a('x')]) {
      expect(publicationStatus(article, now).state === 'published').toBe(isPublished(article, now));
    }
  });
  it('formats the scheduled time to the minute, with its zone', () => {
    expect(formatDateTime(new Date('2099-01-05T09:00:00Z'), 'en', 'UTC')).toBe('January 5, 2099 at 09:00 UTC');
  });
});

describe('unpublishableRender (the article page guard)', () => {
  const file = 'content/articles/x/index.md';
  it('passes a rendered body with a reading time', () => {
    expect(unpublishableRender(file, '<p id="p1">Text.</p>', 1)).toBeUndefined();
  });
  it('stops an article without its body, or with "undefined min read"', () => {
    expect(unpublishableRender(file, undefined, 1)).toMatchObject({ file, field: 'body', level: 'error' });
    expect(unpublishableRender(file, '  ', 1)).toMatchObject({ file, field: 'body' });
    expect(unpublishableRender(file, '<p>Text.</p>', undefined)?.problem).toMatch(/^has no reading time \(got undefined\)/);
  });
});
