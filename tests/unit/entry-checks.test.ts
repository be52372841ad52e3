/** The validation pass (src/content-model/entry-checks.ts + src/content-model/articles-loader.ts) on entries written to a temp dir. */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkArticles } from '../../src/content-model/articles-loader.ts';
import { z } from 'astro/zod';
import { articleSchema } from '../../src/content-model/article-schema.ts';
import {
  duplicateSlugs,
  fieldName,
  fieldPaths,
  formatProblem,
  formatProblems,
  headlineWarnings,
  imagePathProblem,
  placeholderProblems,
  redirectProblems,
  standinProblems,
  unknownFieldProblem,
} from '../../src/content-model/entry-checks.ts';
import { PLACEHOLDERS } from '../../src/authoring/entry-template.ts';
import { STANDIN_ALT } from '../../src/authoring/standin.ts';
import { ArticleValidationError } from '../../src/content-model/articles-loader.ts';
import { slugOf } from '../../src/lib/slug.ts';
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

describe('unknown fields', () => {
  const known = fieldPaths(articleSchema(z.string()));

  it('knows every field of the schema, nested ones by their path', () => {
    expect(known).toEqual(
      expect.arrayContaining([
        'title',
        'summary',
        'image',
        'image.src',
        'image.alt',
        'image.standIn',
        'byline.name',
        'byline.url',
        'redirectFrom',
      ]),
    );
    expect(known).not.toContain('byline.0');
  });

  it('suggests the closest field at the same level', () => {
    expect(unknownFieldProblem('summry', '', known)).toBe('unknown field; did you mean `summary`?');
    expect(unknownFieldProblem('titel', '', known)).toBe('unknown field; did you mean `title`?');
    expect(unknownFieldProblem('captoin', 'image', known)).toBe('unknown field; did you mean `caption`?');
    expect(unknownFieldProblem('nmae', 'byline', known)).toBe('unknown field; did you mean `name`?');
  });

  it('points to a field of that name elsewhere', () => {
    expect(unknownFieldProblem('caption', '', known)).toBe('unknown field here; did you mean `caption` under `image:`?');
    expect(unknownFieldProblem('published', 'image', known)).toBe(
      'unknown field here; did you mean `published` at the top level, not indented?',
    );
  });

  it('falls back to the field table when nothing is close', () => {
    expect(unknownFieldProblem('author', '', known)).toBe('unknown field (a typo?); see the field table in README.md');
  });
});

describe('redirects', () => {
  const entry = (slug: string, redirectFrom: unknown = []) => ({ file: `c/${slug}/index.md`, slug, redirectFrom });

  it('accepts old slugs nobody uses', () => {
    expect(redirectProblems([entry('new-x', ['old-x', 'older-x']), entry('y')])).toEqual([]);
  });

  it('refuses an old slug that is a live article, naming both files', () => {
    expect(redirectProblems([entry('x', ['y']), entry('y')]).map(formatProblem)).toEqual([
      'c/x/index.md: redirectFrom: "y" is the slug of another article (c/y/index.md); an old slug must not be in use: remove it here, or rename that article',
    ]);
    expect(redirectProblems([entry('x', ['x'])]).map(formatProblem)).toEqual([
      'c/x/index.md: redirectFrom: "x" is this article\'s own slug; list only slugs it had before',
    ]);
  });

  it('refuses an old slug claimed by two articles, on both', () => {
    expect(redirectProblems([entry('x', ['old']), entry('y', ['old'])]).map(formatProblem)).toEqual([
      'c/x/index.md: redirectFrom: "old" is also listed by c/y/index.md; an old URL can lead to one article only',
      'c/y/index.md: redirectFrom: "old" is also listed by c/x/index.md; an old URL can lead to one article only',
    ]);
  });

  it('leaves a malformed redirectFrom to the schema', () => {
    expect(redirectProblems([entry('x', 'y'), entry('y')])).toEqual([]);
  });
});

describe('unfinished entries', () => {
  it('finds template placeholders in any field and in the body', () => {
    const frontmatter = {
      title: 'T',
      summary: ['Real point.', PLACEHOLDERS.summary],
      image: { caption: `${PLACEHOLDERS.caption} More.` },
      byline: [{ name: PLACEHOLDERS.byline }],
    };
    expect(placeholderProblems('f.md', frontmatter, `Intro.\n\n${PLACEHOLDERS.body}\n`).map((p) => `${p.field} ${p.level}`)).toEqual([
      'summary item 2 error',
      'image.caption error',
      'byline item 1.name error',
      'body error',
    ]);
    expect(placeholderProblems('f.md', { summary: [PLACEHOLDERS.summary] }, 'Body.')[0]).toMatchObject({
      problem: `still has the template's placeholder "${PLACEHOLDERS.summary}": write your own text, or keep the entry a draft (draft: true)`,
    });
    expect(placeholderProblems('f.md', { summary: ['Real.'] }, 'Body.', 'warning')).toEqual([]);
    expect(placeholderProblems('f.md', { summary: [PLACEHOLDERS.summary] }, 'Body.', 'warning')[0]?.level).toBe('warning');
  });

  it('refuses the stand-in as a lead photo unless the entry marks it, and the stand-in’s alt under another photo', () => {
    expect(standinProblems('f.md', { src: './lead.jpg' }, true).map(formatProblem)).toEqual([
      'f.md: image.src: "./lead.jpg" is the project\'s stand-in illustration, not the story\'s photo: put the real photo there (with its alt, caption and credit), keep the entry a draft (draft: true), or, if the stand-in is deliberate, add "standIn: true" under image',
    ]);
    expect(standinProblems('f.md', { src: './lead.jpg', standIn: true }, true)).toEqual([]);
    expect(standinProblems('f.md', { src: './photo.jpg', alt: 'A chamber.' }, false)).toEqual([]);
    expect(standinProblems('f.md', { src: './photo.jpg', alt: STANDIN_ALT }, false).map(formatProblem)).toEqual([
      'f.md: image.alt: describes the stand-in illustration, but "./photo.jpg" is another picture: say what this photo shows',
    ]);
  });
});

describe('the error the build throws', () => {
  it('has no stack, so Astro prints no empty "Stack trace:" heading', () => {
    const error = new ArticleValidationError(
      formatProblems([{ file: 'f.md', field: 'title', problem: 'required, but missing', level: 'error' }]),
    );
    expect(error.message).toBe('1 problem in the articles:\nf.md: title: required, but missing');
    expect(error.stack).toBe('');
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
    write(
      'too-many',
      '---\ntitle: "Six"\nsummary: [a, b, c, d, e, f]\nimage: { src: ./lead.jpg, alt: "A." }\nbyline: [{ name: "A", url: "not a url" }]\n---\nBody.\n',
    );
    write('no-image-field', '---\ntitle: "No image"\nsummary: ["One."]\n---\nBody.\n', false);
    const problems = (await checkArticles({ dir, root: ROOT })).map(formatProblem);
    expect(problems).toEqual([
      `${dir}/no-image-field/index.md: image: required, but missing (expected src, alt, and optionally caption and credit)`,
      `${dir}/too-many/index.md: summary: expected 1 to 5 items, got 6`,
      `${dir}/too-many/index.md: byline item 1.url: expected an http(s) URL such as https://example.com/staff/jane, got "not a url"`,
    ]);
  });

  const only = async (slug: string, md: string, image = true, production = true) => {
    const sub = mkdtempSync(path.join(tmpdir(), 'entry-checks-one-'));
    try {
      mkdirSync(path.join(sub, slug), { recursive: true });
      writeFileSync(path.join(sub, slug, 'index.md'), md);
      if (image) cpSync(lead, path.join(sub, slug, 'lead.jpg'));
      return (await checkArticles({ dir: sub, root: ROOT, production })).map((p) => formatProblem(p).replace(`${sub}/`, ''));
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  };
  const entry = (extra: string, body = 'Body.') =>
    `---\ntitle: "T"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n${extra}\n---\n${body}\n`;

  it('refuses an impossible date written as YAML reads it (unquoted), instead of moving it to 2 March', async () => {
    expect(await only('x', entry('updated: 2026-02-30T10:00:00Z'))).toEqual([
      'x/index.md: updated: "2026-02-30T10:00:00Z" is not a real date: February 2026 has 28 days',
    ]);
    expect(await only('x', entry('published: 2026-02-29'))).toEqual([
      'x/index.md: published: "2026-02-29" is not a real date: February 2026 has 28 days',
    ]);
    expect(await only('x', entry('published: "2026-02-30T10:00:00Z"'))).toHaveLength(1);
  });

  it('refuses a year or true as a date (shown as 1 January 1970 before)', async () => {
    expect(await only('x', entry('published: 2026'))).toEqual([
      'x/index.md: published: expected a date such as 2022-08-20T09:00:00-04:00, got the number 2026',
    ]);
    expect(await only('x', entry('published: true'))).toEqual([
      'x/index.md: published: expected a date such as 2022-08-20T09:00:00-04:00, got true',
    ]);
  });

  it('accepts real dates, quoted or not', async () => {
    expect(await only('x', entry('published: 2026-03-05\nupdated: 2026-03-06T09:15:00-04:00'))).toEqual([]);
    expect(await only('x', entry('published: "2026-03-05T18:30Z"'))).toEqual([]);
  });

  it('suggests the field an unknown one was meant to be', async () => {
    expect(await only('x', entry('summry: ["Two."]'))).toEqual(['x/index.md: summry: unknown field; did you mean `summary`?']);
  });

  it('shows the shape of a byline given as text', async () => {
    expect(await only('x', entry('byline: Alex Smith'))).toEqual([
      'x/index.md: byline: expected a list of authors, got the text "Alex Smith"; write it as:\n    byline:\n      - name: "Alex Smith"',
    ]);
  });

  it('finds body images without alt text before anything is rendered', async () => {
    // (The files do not exist: those problems are src/content-model/image-files.ts's, tested in image-files.test.ts.)
    const altProblems = async (e: Promise<string[]> | string[]) => (await e).filter((l) => !l.includes('not found beside the entry'));
    expect(
      await altProblems(only('x', entry('', 'Text.\n\n![](missing.jpg)\n\n<img src="raw.jpg"> ![Fine](ok.jpg) ![ ](blank.jpg)'))),
    ).toEqual([
      'x/index.md: body: image "missing.jpg", image "raw.jpg", image "blank.jpg" have no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)',
    ]);
    expect(await altProblems(only('x', entry('', 'Text with ![a chart](chart.png) and `![code](x)`.')))).toEqual([]);
  });

  it('finds a redirect to a live article in the validation pass', async () => {
    write('live-one', '---\ntitle: "Live"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n---\nBody.\n');
    write(
      'renamed',
      '---\ntitle: "Renamed"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\nredirectFrom: [live-one]\n---\nBody.\n',
    );
    const problems = (await checkArticles({ dir, root: ROOT })).map(formatProblem);
    expect(problems).toContain(
      `${dir}/renamed/index.md: redirectFrom: "live-one" is the slug of another article (${dir}/live-one/index.md); an old slug must not be in use: remove it here, or rename that article`,
    );
  });
});
