import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { feedContentHtml } from '../../src/publishing/feed-content.ts';

const input = {
  pageUrl: 'https://n.example/news/articles/a/',
  image: {
    url: 'https://n.example/news/_astro/a.jpg',
    alt: 'Alt',
    width: 1200,
    height: 800,
    caption: 'Caption <b>x</b>',
    credit: 'Credit & Co',
  },
  summary: ['Point <script>alert(1)</script>'],
  bodyHtml:
    '<p id="p1">See <a href="../b/">b</a>, <a href="#p1">this</a> and <a href="https://other.example/">that</a>.</p><p><img src="/news/_astro/x.png" srcset="/news/_astro/x.png 1x, x2.png 2x" alt="x"></p>',
};

describe('feedContentHtml', () => {
  const tree = fromHtml(feedContentHtml(input), { fragment: true });

  it('orders figure, key points, body', () => {
    expect(selectAll('figure, h2, ul, p', tree).map((n) => n.tagName)).toEqual(['figure', 'h2', 'ul', 'p', 'p']);
  });
  it('keeps frontmatter text as text, never markup', () => {
    expect(toString(select('figcaption', tree)!)).toBe('Caption <b>x</b> Credit & Co');
    expect(select('figcaption b, li script', tree)).toBeUndefined();
    expect(toString(select('li', tree)!)).toBe('Point <script>alert(1)</script>');
  });
  it('makes every URL absolute against the article page', () => {
    const urls = selectAll('[href], [src]', tree).map((n) => String(n.properties.href ?? n.properties.src));
    expect(urls).toEqual([
      'https://n.example/news/_astro/a.jpg',
      'https://n.example/news/articles/b/',
      'https://n.example/news/articles/a/#p1',
      'https://other.example/',
      'https://n.example/news/_astro/x.png',
    ]);
    expect(select('p img', tree)!.properties.srcSet).toBe(
      'https://n.example/news/_astro/x.png 1x, https://n.example/news/articles/a/x2.png 2x',
    );
  });
});
