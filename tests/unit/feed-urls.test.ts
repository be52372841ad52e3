/** The feeds never crash on a URL that does not parse (src/publishing/feed-content.ts absolutizeUrls). */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { feedContentHtml } from '../../src/publishing/feed-content.ts';

const content = (bodyHtml: string) =>
  fromHtml(
    feedContentHtml({
      pageUrl: 'https://n.example/articles/a/',
      image: { url: 'https://n.example/_astro/a.jpg', alt: 'Alt', width: 1200, height: 800 },
      summary: ['Point'],
      bodyHtml,
    }),
    { fragment: true },
  );

describe('malformed URLs in the body, in the feeds', () => {
  it('a link whose href is not a URL keeps its text and loses the href', () => {
    for (const href of ['https://exa mple.com/', 'http://', 'https://[oops/', 'http://999.999.999.999/', '//exa mple.com/']) {
      const tree = content(`<p>See <a href="${href}">the site</a> and <a href="../b/">b</a>.</p>`);
      const links = selectAll('p a', tree);
      expect(
        links.map((a) => a.properties.href),
        href,
      ).toEqual([undefined, 'https://n.example/articles/b/']);
      expect(toString(select('p', tree)!)).toBe('See the site and b.');
    }
  });

  it('src, cite and poster that are not URLs are dropped; the rest are made absolute', () => {
    const tree = content(
      '<blockquote cite="https://[oops/"><p>Q</p></blockquote><p><img src="https://exa mple.com/x.jpg" alt="x"><img src="y.jpg" alt="y"></p>',
    );
    expect(select('blockquote', tree)!.properties.cite).toBeUndefined();
    expect(selectAll('p img', tree).map((img) => img.properties.src)).toEqual([undefined, 'https://n.example/articles/a/y.jpg']);
  });

  it('srcset keeps the candidates that are URLs, and goes when none is', () => {
    const tree = content(
      '<p><img src="a.jpg" srcset="a.jpg 1x, https://[x/b.jpg 2x" alt="a"><img src="c.jpg" srcset="https://[x/c.jpg 2x" alt="c"></p>',
    );
    const [a, c] = selectAll('p img', tree);
    expect(String(a!.properties.srcSet)).toBe('https://n.example/articles/a/a.jpg 1x');
    expect(c!.properties.srcSet).toBeUndefined();
  });
});
