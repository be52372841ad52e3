/**
 * Nothing lost: for every entry in content/articles, every paragraph, list item, heading, caption,
 * credit and key point of the source appears in its built page, word for word and in order.
 * The entry is read with a real markdown parser (remark), so this holds for any article added later.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readPage, select, text } from '../support/html.ts';
import { ROOT } from '../support/paths.ts';

const ARTICLES = path.join(ROOT, 'content/articles');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The texts an entry must show, in page order: caption, credit, key points, then the body's blocks. */
function sourceTexts(slug: string): string[] {
  const { frontmatter, content } = parseFrontmatter(readFileSync(path.join(ARTICLES, slug, 'index.md'), 'utf8'));
  const fm = frontmatter as { summary: string[]; image: { caption?: string; credit?: string } };
  const texts = [fm.image.caption, fm.image.credit, ...fm.summary].filter((t): t is string => !!t);
  const tree = unified().use(remarkParse).parse(content) as Root;
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      texts.push(toString(node, { includeHtml: false }));
      return SKIP;
    }
    return undefined;
  });
  return texts.map(norm).filter(Boolean);
}

const slugs = readdirSync(ARTICLES).filter((s) => !s.startsWith('.'));

describe('nothing lost between entry and page', () => {
  it('finds the articles', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  for (const slug of slugs) {
    it(`${slug}: every text of the entry is on the page, in order`, () => {
      const texts = sourceTexts(slug);
      expect(texts.length).toBeGreaterThan(3);
      const page = norm(text(select('main article', readPage(`/articles/${slug}/`))));
      let from = 0;
      for (const t of texts) {
        const at = page.indexOf(t, from);
        expect(at, `missing or out of order: "${t}"`).toBeGreaterThanOrEqual(0);
        from = at + t.length;
      }
    });
  }
});
