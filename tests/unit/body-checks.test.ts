/** The body checks (src/content-model/body-checks.ts): one parse of the markdown, images and URLs collected from it. */
import { describe, expect, it } from 'vitest';
import {
  bodyImageUrlProblems,
  bodyUrlProblems,
  classifyImage,
  isMalformedUrl,
  quoted,
  readBody,
  srcsetUrls,
} from '../../src/content-model/body-checks.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';

const F = 'content/articles/a/index.md';
const lines = (problems: { file: string; field: string; problem: string }[]) =>
  problems.map((p) => formatProblem({ ...p, level: 'error' }));

describe('readBody: images, as the build imports them', () => {
  it('finds inline, reference and GFM-table images, and says which Astro imports from beside the entry', () => {
    const { images } = readBody(
      [
        '![a](./a.jpg) ![b](b.png) ![c](photos/c.webp "A title")',
        '',
        '![d][d-photo]',
        '',
        '| x |',
        '| - |',
        '| ![e](./e.avif) |',
        '',
        '![remote](https://example.com/r.jpg) ![site](/images/s.jpg) ![pct](./50%-off.jpg) ![enc](./my%20photo.jpg)',
        '',
        '[d-photo]: ./d.jpg',
      ].join('\n'),
    );
    expect(images).toEqual([
      { url: './a.jpg', kind: 'local', path: './a.jpg' },
      { url: 'b.png', kind: 'local', path: 'b.png' },
      { url: 'photos/c.webp', kind: 'local', path: 'photos/c.webp' },
      { url: './d.jpg', kind: 'local', path: './d.jpg' },
      { url: './e.avif', kind: 'local', path: './e.avif' },
      { url: 'https://example.com/r.jpg', kind: 'remote' },
      { url: '/images/s.jpg', kind: 'root' },
      { url: './50%-off.jpg', kind: 'undecodable' },
      { url: './my%20photo.jpg', kind: 'local', path: './my photo.jpg' },
    ]);
  });

  it('ignores what is not an image: code, escaped brackets, an undefined reference', () => {
    const { images } = readBody('`![x](./a.jpg)`\n\n    ![y](./b.jpg)\n\n\\![z](./c.jpg)\n\n![w][nowhere]');
    expect(images).toEqual([]);
  });

  it('classifies like Astro: absolute and protocol-relative URLs are remote, a stray % cannot be decoded', () => {
    expect(classifyImage('data:image/png;base64,AAAA').kind).toBe('remote');
    expect(classifyImage('//cdn.example.com/a.jpg').kind).toBe('remote');
    expect(classifyImage('/a.jpg').kind).toBe('root');
    expect(classifyImage('100%.jpg').kind).toBe('undecodable');
    expect(classifyImage('https://example.com/50%-off.jpg').kind).toBe('remote');
    expect(classifyImage('../x.jpg')).toEqual({ url: '../x.jpg', kind: 'local', path: '../x.jpg' });
  });
});

describe('readBody: URLs', () => {
  it('collects markdown links, reference links, autolinks and URL attributes of raw HTML', () => {
    const { urls } = readBody(
      [
        '[a](https://a.example/) [b][b] <https://c.example/> www.d.example',
        '',
        '<a href="https://e.example/">e</a> <img src="./f.jpg" srcset="./f.jpg 1x, ./f2.jpg 2x" alt="f">',
        '',
        '<blockquote cite="https://g.example/"><p>q</p></blockquote>',
        '',
        '<video poster="./h.jpg"></video>',
        '',
        '[b]: https://b.example/',
        '[unused]: https://unused.example/',
      ].join('\n'),
    );
    expect(urls).toEqual([
      { url: 'https://a.example/', source: 'link' },
      { url: 'https://b.example/', source: 'link' },
      { url: 'https://c.example/', source: 'link' },
      { url: 'http://www.d.example', source: 'link' },
      { url: 'https://e.example/', source: 'link' },
      { url: './f.jpg', source: 'image' },
      { url: './f.jpg', source: 'srcset' },
      { url: './f2.jpg', source: 'srcset' },
      { url: 'https://g.example/', source: 'cite' },
      { url: './h.jpg', source: 'poster' },
    ]);
  });

  it('splits srcset candidates', () => {
    expect(srcsetUrls(' a.jpg 1x ,b.jpg 2x,, c.jpg')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
  });
});

describe('malformed URLs', () => {
  it('are the ones that do not parse even against the article page (what the feeds do)', () => {
    for (const bad of [
      'https://exa mple.com/',
      'https://exa%20mple.com/',
      'http://',
      'https://[oops/',
      'http://999.999.999.999/',
      '//exa mple.com/',
      'https://a b.example/x',
    ]) {
      expect(isMalformedUrl(bad), bad).toBe(true);
    }
    for (const good of [
      'https://example.com/',
      'https://example.com/a b',
      '../other/',
      '#p3',
      '?q=1',
      'mailto:desk@example.com',
      'photo.jpg',
      '',
      'javascript:alert(1)',
    ]) {
      expect(isMalformedUrl(good), good).toBe(false);
    }
  });

  it('in links, reference links, raw HTML links and quotation sources are reported once each, with the fix', () => {
    const facts = readBody(
      [
        'A <a href="https://exa mple.com/">raw link</a> and [a markdown one](<https://exa mple.net/>), twice: [again](<https://exa mple.net/>).',
        '',
        'A [reference][r] and a fine [link](https://example.com/).',
        '',
        '<blockquote cite="https://[oops/"><p>Quote.</p></blockquote>',
        '',
        '<img src="./a.jpg" srcset="./a.jpg 1x, https://[x/a.jpg 2x" alt="a">',
        '',
        '[r]: <http://exa mple.org/>',
      ].join('\n'),
    );
    expect(lines(bodyUrlProblems(F, facts))).toEqual([
      `${F}: body: link "https://exa mple.com/" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the link`,
      `${F}: body: link "https://exa mple.net/" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the link`,
      `${F}: body: link "http://exa mple.org/" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the link`,
      `${F}: body: cite URL "https://[oops/" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the attribute`,
      `${F}: body: srcset URL "https://[x/a.jpg" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the attribute`,
    ]);
  });

  it('nothing is reported for a body of ordinary links', () => {
    expect(bodyUrlProblems(F, readBody('[a](https://a.example/), [b](../b/), [c](#p2), <mailto:desk@example.com>'))).toEqual([]);
  });

  it('in an image URL, the fix is to remove the image', () => {
    expect(lines(bodyUrlProblems(F, readBody('![A photo.](<https://exa mple.com/a.jpg>)')))).toEqual([
      `${F}: body: image "https://exa mple.com/a.jpg" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the image`,
    ]);
  });
});

describe('image URLs the build cannot publish', () => {
  it('a stray % and site-root paths, each with the fix', () => {
    const facts = readBody(
      '![Sale: 50% off](./50%-off.jpg) ![A](/images/a.jpg) ![B](/b.png) ![ok](./ok.jpg) ![r](https://example.com/50%-off.jpg)',
    );
    expect(lines(bodyImageUrlProblems(F, facts))).toEqual([
      `${F}: body: image "./50%-off.jpg" has a "%" that is not followed by two hexadecimal digits; write "%25" for a percent sign, or rename the file`,
      `${F}: body: image "/images/a.jpg" is a site path, not a file of the article; put the photo in the article's folder and write "./a.jpg"`,
      `${F}: body: image "/b.png" is a site path, not a file of the article; put the photo in the article's folder and write "./b.png"`,
    ]);
    // An image on another site is refused as such (src/content-model/remote-images.ts), not for its `%`.
  });
});

describe('quoted', () => {
  it('shows control characters as escapes, everything else as written', () => {
    expect(quoted('./lead\u0000.jpg')).toBe('"./lead\\u0000.jpg"');
    expect(quoted('a\u0007\u001b\u007f\u0085b')).toBe('"a\\u0007\\u001b\\u007f\\u0085b"');
    expect(quoted('./Zürich café.jpg')).toBe('"./Zürich café.jpg"');
  });
});
