/**
 * Nothing lost: for every published entry of every site build (content/articles and the newsroom fixture:
 * tests/support/site-builds.ts), every paragraph, list item, heading, table cell, caption, credit and key point
 * of the source appears in its built page, word for word and in order, and every body image with its alt text.
 * The entry is read with a real markdown parser (remark), so this holds for any article added later.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readPage, select, selectAll, text } from '../support/html.ts';
import { pathOf, readEntries, siteBuilds, type Entry } from '../support/site-builds.ts';
import { FIXTURE_SETS } from '../support/fixture-builds.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The texts an entry must show, in page order: caption, credit, key points, then the body's blocks. */
function sourceTexts(entry: Entry): string[] {
  const { frontmatter, content } = parseFrontmatter(readFileSync(entry.abs, 'utf8'));
  const fm = frontmatter as { summary: string[]; image: { caption?: string; credit?: string } };
  const texts = [fm.image.caption, fm.image.credit, ...fm.summary].filter((t): t is string => !!t);
  // GitHub-flavoured markdown (tables, strikethrough, autolinks), as the site reads it (astro.config.mjs: gfm).
  const tree = unified().use(remarkParse).use(remarkGfm).parse(content) as Root;
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      // An image's alt text is not text on the page: imageAlts() checks it.
      texts.push(toString(node, { includeHtml: false, includeImageAlt: false }));
      return SKIP;
    }
    return undefined;
  });
  return texts.map(norm).filter(Boolean);
}

/** The alt text of every image in the entry's body, in order. */
function imageAlts(entry: Entry): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(parseFrontmatter(readFileSync(entry.abs, 'utf8')).content) as Root;
  const alts: string[] = [];
  visit(tree, 'image', (node) => void alts.push(norm(node.alt ?? '')));
  return alts;
}

describe.each(siteBuilds().map((b) => [b.name, b] as const))('%s: nothing lost between entry and page', (_, build) => {
  it('finds the articles', () => {
    expect(build.entries.length).toBeGreaterThan(0);
  });

  for (const entry of build.published) {
    it(`${entry.slug}: every text of the entry is on the page, in order`, () => {
      const texts = sourceTexts(entry);
      // At least one key point and one block of body (the schema requires both).
      expect(texts.length).toBeGreaterThanOrEqual(2);
      const page = norm(text(select('main article', readPage(pathOf(build, entry.slug), build.siteDir))));
      let from = 0;
      for (const t of texts) {
        const at = page.indexOf(t, from);
        expect(at, `missing or out of order: "${t}"`).toBeGreaterThanOrEqual(0);
        from = at + t.length;
      }
      const body = select('.article-body', readPage(pathOf(build, entry.slug), build.siteDir));
      expect(selectAll('img', body!).map((img) => norm(String(img.properties.alt ?? '')))).toEqual(imageAlts(entry));
    });
  }
});

describe('seed fixture: what the check reads from an entry', () => {
  it('is the wire copy’s caption, credit, key points and paragraphs, exactly', () => {
    const [seed] = readEntries(FIXTURE_SETS.seed).filter((e) => e.slug === SEED_SLUG);
    const source = readSourceArticle();
    const texts = sourceTexts(seed!);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts).toEqual([source.caption, source.credit, ...source.summary, ...source.body]);
  });
});
