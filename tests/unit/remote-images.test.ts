/** src/content-model/remote-images.ts: images in a body must be files of the article, never URLs of other sites. */
import { describe, expect, it } from 'vitest';
import { remoteImageProblems, suggestedName } from '../../src/content-model/remote-images.ts';

const FILE = 'content/articles/x/index.md';
const urlsIn = (body: string) => remoteImageProblems(FILE, body).map((p) => /^image "([^"]*)"/.exec(p.problem)?.[1]);

describe('remoteImageProblems', () => {
  it('names the file, the field and the image, and says what to do', () => {
    expect(remoteImageProblems(FILE, 'Text.\n\n![Sale: 50% off](https://example.com/img/50%-off.JPG)\n')).toEqual([
      {
        file: FILE,
        field: 'body',
        problem:
          'image "https://example.com/img/50%-off.JPG" is not a file of the article, and pages show images from this site only; download it into the entry\'s folder and use "./50-off.jpg"',
        level: 'error',
      },
    ]);
  });

  it('finds markdown images, reference images and HTML images with an absolute or scheme-relative URL', () => {
    const body = [
      '![a](https://example.com/a.jpg) ![b](http://example.com/b.png "Title") ![c](<//example.com/c.jpg>)',
      '',
      '![d][ref] ![e][]',
      '',
      '[ref]: HTTPS://EXAMPLE.COM/d.webp',
      '[e]: data:image/png;base64,iVBORw0KGgo=',
      '',
      'Inline <img src="https://example.com/f.jpg" alt="f"> and <IMG alt="g" SRC="//example.com/g.jpg">.',
      '',
      '<figure>',
      '<picture><source srcset="https://example.com/h-1x.jpg 1x, ./local.jpg 2x"><img src="./local.jpg" srcset="//example.com/i.jpg 2x" alt="i"></picture>',
      '</figure>',
      '',
      '| table | cell |',
      '| - | - |',
      '| ![j](https://example.com/j.jpg) | x |',
      '',
      'A footnote.[^1]',
      '',
      '[^1]: With ![k](https://example.com/k.jpg).',
      '',
      '> ![l](ftp://example.com/l.jpg)',
    ].join('\n');
    expect(urlsIn(body)).toEqual([
      'https://example.com/a.jpg',
      'http://example.com/b.png',
      '//example.com/c.jpg',
      'HTTPS://EXAMPLE.COM/d.webp',
      'data:image/png;base64,iVBORw0KGgo=',
      'https://example.com/f.jpg',
      '//example.com/g.jpg',
      'https://example.com/h-1x.jpg',
      '//example.com/i.jpg',
      'https://example.com/j.jpg',
      'https://example.com/k.jpg',
      'ftp://example.com/l.jpg',
    ]);
  });

  it('accepts files of the article, and ignores what is not an image', () => {
    const body = [
      '![a](./a.jpg) ![b](b.png) ![c](photos/c%20d.jpg) ![d](/images/d.jpg)',
      '',
      '<img src="./e.jpg" alt="e"> [a link, not an image](https://example.com/x.jpg)',
      '',
      '`![code](https://example.com/code.jpg)` and <https://example.com/auto.jpg>',
      '',
      '```',
      '<img src="https://example.com/fenced.jpg">',
      '```',
      '',
      '<!-- <img src="https://example.com/commented.jpg"> -->',
    ].join('\n');
    expect(remoteImageProblems(FILE, body)).toEqual([]);
  });

  it('sees through the encodings browsers accept', () => {
    expect(
      urlsIn(
        '<img src="&#47;&#47;example.com/a.jpg" alt="a"> <img src="/\\example.com/b.jpg" alt="b"> <img src=" //example.com/c.jpg" alt="c">',
      ),
    ).toHaveLength(3);
  });

  it('shortens a long URL in the message', () => {
    const [problem] = remoteImageProblems(FILE, `![x](data:image/jpeg;base64,${'A'.repeat(5000)})`);
    expect(problem!.problem.length).toBeLessThan(300);
    expect(problem!.problem).toContain('use "./image.jpg"');
  });
});

describe('suggestedName', () => {
  it('keeps the file name of the URL when it is an image file, else image.jpg', () => {
    expect(suggestedName('https://example.com/a/Photo%20One.JPEG?w=200')).toBe('photo-one.jpeg');
    expect(suggestedName('https://example.com/image?id=3')).toBe('image.jpg');
    expect(suggestedName('data:image/svg+xml;base64,AAA')).toBe('image.svg');
    expect(suggestedName('https://example.com/%E0%A4%A.png')).toBe('e0-a4-a.png');
  });
});

describe('remoteImageProblems reads the body as the build does', () => {
  it('an unclosed comment hides no image, and HTML shown as text is no image', () => {
    expect(urlsIn('<!-- a note never closed\n\n![a](https://example.com/a.jpg)')).toEqual(['https://example.com/a.jpg']);
    expect(urlsIn('A sentence about <source srcset="https://example.com/b.jpg"> tags.')).toEqual([]);
  });
});

describe('remoteImageProblems and HTML that never closes', () => {
  it('reports too much of it as a problem of the file instead of crashing the check', () => {
    const body = Array.from({ length: 40 }, (_, i) => `<!-- note ${i}\n\nParagraph ${i}.`).join('\n\n');
    expect(remoteImageProblems(FILE, body)).toEqual([
      { file: FILE, field: 'body', problem: expect.stringMatching(/^more than 32 pieces of HTML that never close/), level: 'error' },
    ]);
  });
});
