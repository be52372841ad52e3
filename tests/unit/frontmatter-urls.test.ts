/**
 * URLs in frontmatter (`byline[].url`, the only URL field) are http(s) only: refused otherwise by the schema,
 * with a message naming the item, and never output by the page, JSON-LD or feeds (safeHttpUrl).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleSchema } from '../../src/content-model/article-schema.ts';
import { formatProblem, schemaProblems } from '../../src/content-model/entry-checks.ts';
import { safeHttpUrl } from '../../src/lib/urls.ts';
import { newsArticle } from '../../src/publishing/structured-data.ts';

const schema = articleSchema(z.string());
const FILE = 'content/articles/x/index.md';
const entry = (byline: unknown) => ({ title: 'T', summary: ['S.'], image: { src: './a.jpg', alt: 'A.' }, byline });

function lines(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : schemaProblems(FILE, data, result.error.issues).map(formatProblem);
}

const UNSAFE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/jane',
  'mailto:jane@example.com',
  '//example.com/staff/jane',
  '/staff/jane',
  'example.com/staff/jane',
  'https://',
  'https://exa mple.com/',
];

describe('byline url', () => {
  it('accepts http(s) URLs', () => {
    for (const url of [
      'https://example.com/staff/jane',
      'http://example.com/',
      'HTTPS://EXAMPLE.COM/Staff?id=1#bio',
      'https://例え.jp/記者',
    ]) {
      expect(lines(entry([{ name: 'Jane', url }])), url).toEqual([]);
    }
  });

  it('refuses every other scheme, and relative or broken URLs, naming the item and what it got', () => {
    for (const url of UNSAFE) {
      expect(lines(entry([{ name: 'Jane', url }])), url).toEqual([
        `${FILE}: byline item 1.url: expected an http(s) URL such as https://example.com/staff/jane, got ${JSON.stringify(url)}`,
      ]);
    }
    expect(lines(entry([{ name: 'A' }, { name: 'B', url: 'javascript:alert(1)' }]))).toEqual([
      `${FILE}: byline item 2.url: expected an http(s) URL such as https://example.com/staff/jane, got "javascript:alert(1)"`,
    ]);
  });

  it('shortens a long value in the message', () => {
    const [line] = lines(entry([{ name: 'Jane', url: `data:text/html,${'x'.repeat(5000)}` }]));
    expect(line!.length).toBeLessThan(200);
    expect(line).toMatch(/got "data:text\/html,x+…"$/);
  });
});

describe('safeHttpUrl', () => {
  it('passes http(s) URLs, normalised', () => {
    expect(safeHttpUrl('https://example.com/staff/jane')).toBe('https://example.com/staff/jane');
    expect(safeHttpUrl('HTTPS://EXAMPLE.COM/a b')).toBe('https://example.com/a%20b');
  });

  it('drops everything else', () => {
    for (const url of [...UNSAFE, undefined, null, '']) expect(safeHttpUrl(url), String(url)).toBeUndefined();
  });
});

describe('JSON-LD authors', () => {
  it('carry only http(s) URLs, whatever reaches them', () => {
    const ld = newsArticle({
      url: 'https://site.test/articles/x/',
      headline: 'H',
      description: 'D',
      images: [],
      authors: [
        { name: 'A', url: 'javascript:alert(1)' },
        { name: 'B', url: 'data:text/html,x' },
        { name: 'C', url: 'https://example.com/c' },
        { name: 'D' },
      ],
      tags: [],
      publisher: { name: 'P', url: 'https://site.test/', logo: { url: 'https://site.test/l.png', width: 1, height: 1 } },
    });
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'A' },
      { '@type': 'Person', name: 'B' },
      { '@type': 'Person', name: 'C', url: 'https://example.com/c' },
      { '@type': 'Person', name: 'D' },
    ]);
  });
});
