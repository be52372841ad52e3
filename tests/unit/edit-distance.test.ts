import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/lib/edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('summary', 'summary')).toBe(0);
    expect(editDistance('summry', 'summary')).toBe(1);
    expect(editDistance('summaryy', 'summary')).toBe(1);
    expect(editDistance('sunmary', 'summary')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'tags')).toBe(4);
    expect(editDistance('tags', '')).toBe(4);
  });

  it('counts two swapped neighbours as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('bylnie', 'byline')).toBe(1);
  });

  it('is symmetric and counts characters, not UTF-16 units', () => {
    expect(editDistance('credit', 'crédit')).toBe(1);
    expect(editDistance('a😀b', 'ab')).toBe(1);
    expect(editDistance('publihsed', 'published')).toBe(editDistance('published', 'publihsed'));
  });
});

describe('closestMatch', () => {
  const fields = ['title', 'standfirst', 'summary', 'image', 'byline', 'published', 'updated', 'section', 'tags', 'draft', 'redirectFrom'];

  it('finds the field a typo was meant to be', () => {
    expect(closestMatch('summry', fields)).toBe('summary');
    expect(closestMatch('titel', fields)).toBe('title');
    expect(closestMatch('tag', fields)).toBe('tags');
    expect(closestMatch('Published', fields)).toBe('published');
    expect(closestMatch('publish', fields)).toBe('published');
    expect(closestMatch('redirectsFrom', fields)).toBe('redirectFrom');
  });

  it('suggests nothing for a word that is not close to any', () => {
    expect(closestMatch('author', fields)).toBeUndefined();
    expect(closestMatch('date', fields)).toBeUndefined();
    expect(closestMatch('caption', fields)).toBeUndefined();
    expect(closestMatch('x', fields)).toBeUndefined();
  });
});
