import { describe, expect, it } from 'vitest';
import { describeArticle } from '../../src/publishing/describe.ts';

describe('describeArticle', () => {
  it('prefers the standfirst', () => {
    expect(describeArticle({ standfirst: 'Dek.', summary: ['One.'] })).toBe('Dek.');
  });
  it('otherwise joins whole key points while they fit, never cutting one', () => {
    expect(describeArticle({ summary: ['One.', 'Two.', 'Three.'] })).toBe('One. Two. Three.');
    expect(describeArticle({ summary: ['a'.repeat(150), 'b'.repeat(60)] })).toBe('a'.repeat(150));
    expect(describeArticle({ summary: ['a'.repeat(250)] })).toBe('a'.repeat(250));
  });
});
