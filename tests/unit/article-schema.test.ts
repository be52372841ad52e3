import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { load } from 'js-yaml';
import { articleSchema } from '../../src/lib/article-schema.ts';
import { SEED_ENTRY_DIR } from '../support/source-article.ts';

// Astro resolves `image.src` to image metadata; outside a build we validate it as a path.
const schema = articleSchema(z.string().regex(/^\.\//, { error: 'image.src: expected a ./relative path' }));

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
    expect(issues({ ...valid, title: '  ' })).toEqual(['title: title: must not be empty']);
    expect(issues({ ...valid, title: undefined })[0]).toMatch(/^title: title: expected text/);
  });

  it('needs 1 to 5 key points and says how many it got', () => {
    expect(issues({ ...valid, summary: [] })).toEqual(['summary: summary: expected 1 to 5 items, got 0']);
    expect(issues({ ...valid, summary: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([
      'summary: summary: expected 1 to 5 items, got 6',
    ]);
  });

  it('needs alt text on the lead image', () => {
    expect(issues({ ...valid, image: { src: './photo.jpg' } })[0]).toMatch(/^image\.alt: image\.alt: expected text/);
  });

  it('rejects unknown fields (typos) and bad dates', () => {
    expect(issues({ ...valid, titel: 'x' }).join()).toMatch(/titel/);
    expect(issues({ ...valid, published: 'last Tuesday' })).toEqual([
      'published: published: expected a date such as 2022-08-20T09:00:00-04:00',
    ]);
  });
});
