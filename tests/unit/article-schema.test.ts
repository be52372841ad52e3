import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { load } from 'js-yaml';
import { articleSchema, entryDate, parseEntryDate } from '../../src/content-model/article-schema.ts';
import { SEED_ENTRY_DIR } from '../support/source-article.ts';

// Astro resolves `image.src` to image metadata; outside a build we validate it as a path.
const schema = articleSchema(z.string().regex(/^\.\//, { error: 'expected a ./relative path' }));

const valid = {
  title: 'Budget vote delayed',
  summary: ['One point.'],
  image: { src: './photo.jpg', alt: 'A chamber.' },
};

function issues(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article schema', () => {
  it('accepts the seed entry’s frontmatter', () => {
    const md = readFileSync(`${SEED_ENTRY_DIR}/index.md`, 'utf8');
    const frontmatter = load(md.split(/^---$/m)[1]!);
    expect(issues(frontmatter)).toEqual([]);
  });

  it('fills defaults: no byline, no tags, not a draft', () => {
    const data = schema.parse(valid);
    expect(data.byline).toEqual([]);
    expect(data.tags).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.published).toBeUndefined();
  });

  it('requires a headline', () => {
    expect(issues({ ...valid, title: '  ' })).toEqual(['title: must not be empty']);
    expect(issues({ ...valid, title: undefined })[0]).toMatch(/^title: expected text/);
  });

  it('needs 1 to 5 key points and says how many it got', () => {
    expect(issues({ ...valid, summary: [] })).toEqual(['summary: expected 1 to 5 items, got 0']);
    expect(issues({ ...valid, summary: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['summary: expected 1 to 5 items, got 6']);
  });

  it('needs alt text on the lead image', () => {
    expect(issues({ ...valid, image: { src: './photo.jpg' } })[0]).toMatch(/^image\.alt: expected text/);
  });

  it('rejects unknown fields (typos) and bad dates', () => {
    expect(issues({ ...valid, titel: 'x' }).join()).toMatch(/titel/);
    expect(issues({ ...valid, published: 'last Tuesday' })).toEqual(['published: expected a date such as 2022-08-20T09:00:00-04:00']);
  });
});

describe('dates', () => {
  const at = (field: 'published' | 'updated', value: unknown) => issues({ ...valid, [field]: value });

  it('refuses an impossible date instead of moving it to another day (2026-02-30 is not 2 March)', () => {
    expect(at('updated', '2026-02-30T10:00:00Z')).toEqual([
      'updated: "2026-02-30T10:00:00Z" is not a real date: February 2026 has 28 days',
    ]);
    expect(at('published', '2026-02-30')).toEqual(['published: "2026-02-30" is not a real date: February 2026 has 28 days']);
    expect(at('published', '2100-02-29')[0]).toMatch(/February 2100 has 28 days/);
    expect(at('published', '2026-13-01')[0]).toMatch(/is not a real date: there is no month 13/);
    expect(at('published', '2026-04-31T09:00:00Z')[0]).toMatch(/April 2026 has 30 days/);
    expect(at('published', '2026-03-05T24:00:00Z')[0]).toMatch(/hours go from 00 to 23/);
    expect(at('published', '2026-03-05T10:60:00Z')[0]).toMatch(/minutes go from 00 to 59/);
  });

  it('refuses a year, true, and anything else that is not a date (not 1 January 1970)', () => {
    expect(at('published', 2026)).toEqual(['published: expected a date such as 2022-08-20T09:00:00-04:00, got the number 2026']);
    expect(at('published', true)).toEqual(['published: expected a date such as 2022-08-20T09:00:00-04:00, got true']);
    expect(at('updated', '05/03/2026')).toEqual(['updated: expected a date such as 2022-08-20T09:00:00-04:00']);
    expect(at('updated', ['2026-03-05'])[0]).toMatch(/got a list$/);
  });

  it('refuses a time without a time zone, which would depend on the build machine', () => {
    expect(at('published', '2026-03-05T10:00:00')).toEqual([
      'published: "2026-03-05T10:00:00" has no time zone: add Z for UTC or the offset, e.g. 2026-03-05T10:00:00Z or 2026-03-05T10:00:00-04:00',
    ]);
  });

  it('accepts a day, and a date-time with its offset, meaning exactly what they say', () => {
    const parse = (value: string) => schema.parse({ ...valid, published: value }).published?.toISOString();
    expect(parse('2026-03-05')).toBe('2026-03-05T00:00:00.000Z');
    expect(parse('2026-03-05T18:30:00Z')).toBe('2026-03-05T18:30:00.000Z');
    expect(parse('2026-03-05T18:30Z')).toBe('2026-03-05T18:30:00.000Z');
    expect(parse('2026-03-05T18:30:00-04:00')).toBe('2026-03-05T22:30:00.000Z');
    expect(parse('2026-03-05T00:30:00+05:30')).toBe('2026-03-04T19:00:00.000Z');
    expect(parse('2026-03-05T18:30:00.250Z')).toBe('2026-03-05T18:30:00.250Z');
    expect(parse('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
    // Astro's YAML parser hands over valid timestamps as Dates.
    expect(schema.parse({ ...valid, updated: new Date('2026-03-06T09:15:00Z') }).updated?.toISOString()).toBe('2026-03-06T09:15:00.000Z');
  });

  it('is one rule any date field can use', () => {
    expect(parseEntryDate('2026-02-30')).toEqual({ problem: '"2026-02-30" is not a real date: February 2026 has 28 days' });
    expect(parseEntryDate('2026-03-05')).toEqual({ date: new Date('2026-03-05T00:00:00Z') });
    const corrections = z.array(z.object({ date: entryDate(), text: z.string() }));
    const result = corrections.safeParse([{ date: '2026-02-30', text: 'x' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      '0.date: "2026-02-30" is not a real date: February 2026 has 28 days',
    ]);
  });
});

describe('messages that show the right shape', () => {
  it('byline given as text: shows the list of names', () => {
    expect(issues({ ...valid, byline: 'Alex Smith' })).toEqual([
      'byline: expected a list of authors, got the text "Alex Smith"; write it as:\n    byline:\n      - name: "Alex Smith"',
    ]);
    expect(issues({ ...valid, byline: ['Alex Smith'] })).toEqual([
      'byline.0: expected an author with a name, got the text "Alex Smith"; write it as:\n    byline:\n      - name: "Alex Smith"',
    ]);
  });

  it('tags given as text: one item per topic', () => {
    expect(issues({ ...valid, tags: 'Politics, Budget' })).toEqual([
      'tags: expected a list of topics, got the text "Politics, Budget"; write it as:\n    tags:\n      - "Politics"\n      - "Budget"',
    ]);
  });

  it('summary given as text, and the lead image given as a path', () => {
    expect(issues({ ...valid, summary: 'One point.' })).toEqual([
      'summary: expected a list of 1 to 5 key points, got the text "One point."; write it as:\n    summary:\n      - "One point."',
    ]);
    expect(issues({ ...valid, image: './photo.jpg' })).toEqual([
      'image: expected src, alt, and optionally caption and credit, got the text "./photo.jpg"; write it as:\n    image:\n      src: ./photo.jpg\n      alt: "What the photo shows."',
    ]);
  });
});
