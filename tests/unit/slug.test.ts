import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug, MAX_SLUG_LENGTH, SLUG_PATTERN } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('makes lowercase words joined by hyphens', () => {
    expect(slugify('Budget vote delayed after late amendment')).toBe('budget-vote-delayed-after-late-amendment');
  });
  it('drops apostrophes inside words, folds accents, turns punctuation into single hyphens', () => {
    expect(slugify('Jared Kushner’s memoir: “Breaking History” — out Tuesday!')).toBe('jared-kushners-memoir-breaking-history-out-tuesday');
    expect(slugify("Café owners' strike in Zürich, 2026")).toBe('cafe-owners-strike-in-zurich-2026');
    expect(slugify('Straße')).toBe('strasse');
  });
  it('cuts long headlines at a word boundary and always yields a valid slug', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    for (const h of ['  --Hello--  ', '100%', 'A/B test', 'x'.repeat(200)]) expect(slugify(h)).toMatch(SLUG_PATTERN);
  });
  it('returns "" when there is nothing to make a slug of', () => {
    expect(slugify('“—”')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3, … until the slug is free', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a']))).toBe('a-2');
    expect(uniqueSlug('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
  });
  it('refuses a malformed slug', () => {
    expect(() => uniqueSlug('Not A Slug', new Set())).toThrow(/not a slug/);
  });
});
