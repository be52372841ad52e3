import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from '../../src/lib/search-excerpt.ts';

describe('excerptParts', () => {
  it('splits an excerpt into text and highlighted runs', () => {
    expect(excerptParts('The <mark>budget</mark> vote and <mark>Budget</mark>.')).toEqual([
      { text: 'The ', mark: false },
      { text: 'budget', mark: true },
      { text: ' vote and ', mark: false },
      { text: 'Budget', mark: true },
      { text: '.', mark: false },
    ]);
  });
  it('decodes escaped text, and keeps anything else that looks like markup as text', () => {
    expect(excerptParts('a &lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>b</b> &#39;c&#x27;')).toEqual([
      { text: "a <script>alert(1)</script> & <b>b</b> 'c'", mark: false },
    ]);
  });
  it('joins adjacent runs of the same kind and ignores empty ones', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', mark: true }]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown and invalid references as written', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x1F600;')).toBe('&bogus; &#0; &#xD800; 😀');
  });
});
