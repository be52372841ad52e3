import { describe, expect, it } from 'vitest';
import { countWords, formatReadingTime, readingMinutes } from '../../src/lib/reading-time.ts';

describe('countWords', () => {
  it('counts words with typographic apostrophes, hyphens, numbers and percentages as one each', () => {
    expect(countWords('Kushner’s son-in-law said “100%” in 2020.')).toBe(6);
  });
  it('is zero for empty or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' — … “ ” ')).toBe(0);
  });
  it('counts non-Latin scripts', () => {
    expect(countWords('Привет мир')).toBe(2);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes with a floor of one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
    expect(readingMinutes(575)).toBe(3);
  });
  it('rejects a non-positive speed', () => {
    expect(() => readingMinutes(100, 0)).toThrow(RangeError);
  });
  it('formats', () => {
    expect(formatReadingTime(3)).toBe('3 min read');
  });
});
