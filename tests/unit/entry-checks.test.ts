/** The validation pass (src/lib/entry-checks.ts + src/loaders/articles-loader.ts) on entries written to a temp dir. */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkArticles } from '../../src/loaders/articles-loader.ts';
import { duplicateSlugs, fieldName, formatProblem, headlineWarnings, imagePathProblem, slugOf } from '../../src/lib/entry-checks.ts';
import { ROOT } from '../support/paths.ts';

describe('pure checks', () => {
  it('derives the slug from the folder name and explains a bad one', () => {
    expect(slugOf('budget-vote/index.md')).toEqual({ slug: 'budget-vote' });
    for (const bad of ['Budget_Vote/index.md', 'a/b/index.md', 'notes.md', 'x/notes.md']) {
      expect(slugOf(bad)).toHaveProperty('problem', expect.stringContaining(`got "${bad}"`));
    }
  });

  it('finds duplicate slugs, case-insensitively, and names the other file', () => {
    const problems = duplicateSlugs([
      { file: 'a/x/index.md', slug: 'x' },
      { file: 'b/x/index.md', slug: 'x' },
      { file: 'a/y/index.md', slug: 'y' },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'a/x/index.md: slug: "x" is also used by b/x/index.md',
      'b/x/index.md: slug: "x" is also used by a/x/index.md',
    ]);
  });

  it('names fields the way editors see them', () => {
    expect(fieldName(['summary', 1])).toBe('summary item 2');
    expect(fieldName(['image', 'alt'])).toBe('image.alt');
    expect(fieldName(['byline', 0, 'url'])).toBe('byline item 1.url');
    expect(fieldName([])).toBe('frontmatter');
  });

  it('warns above 110 characters, not at 110', () => {
    expect(headlineWarnings('f.md', 'x'.repeat(110))).toEqual([]);
    expect(headlineWarnings('f.md', 'x'.repeat(111)).map(formatProblem)).toEqual([
      'f.md: title: 111 characters; link previews cut headlines after about 110',
    ]);
  });

  it('wants the lead image as a file beside the entry', () => {
    expect(imagePathProblem('./photo.jpg')).toBeUndefined();
    expect(imagePathProblem('https://x.test/p.jpg')).toMatch(/got the URL/);
    expect(imagePathProblem('//x.test/p.jpg')).toMatch(/got the URL/);
    expect(imagePathProblem('/photo.jpg')).toMatch(/relative to index.md/);
  });
});

describe('checkArticles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entry-checks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lead = path.join(ROOT, 'tests/fixtures/lead-480.jpg');
  const write = (slug: string, md: string, image = true) => {
    mkdirSync(path.join(dir, slug), { recursive: true });
    writeFileSync(path.join(dir, slug, 'index.md'), md);
    if (image) cpSync(lead, path.join(dir, slug, 'lead.jpg'));
  };

  it('passes the committed articles', async () => {
    expect(await checkArticles({ dir: 'content/articles', root: ROOT })).toEqual([]);
  });

  it('reports every problem of every entry, sorted by file', async () => {
    write('ok', '---\ntitle: "Fine"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n---\nBody.\n');
    write('too-many', '---\ntitle: "Six"\nsummary: [a, b, c, d, e, f]\nimage: { src: ./lead.jpg, alt: "A." }\nbyline: [{ name: "A", url: "not a url" }]\n---\nBody.\n');
    write('no-image-field', '---\ntitle: "No image"\nsummary: ["One."]\n---\nBody.\n', false);
    const problems = (await checkArticles({ dir, root: ROOT })).map(formatProblem);
    expect(problems).toEqual([
      `${dir}/no-image-field/index.md: image: required, but missing (expected src, alt, and optionally caption and credit)`,
      `${dir}/too-many/index.md: summary: expected 1 to 5 items, got 6`,
      `${dir}/too-many/index.md: byline item 1.url: expected an http(s) URL such as https://example.com/staff/jane, got "not a url"`,
    ]);
  });
});
