import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { escapeMarkdown, parseWireCopy, splitCredit } from '../../src/lib/wire-copy.ts';
import { checkArticles } from '../../src/loaders/articles-loader.ts';
import { ROOT } from '../support/paths.ts';
import { SEED_ENTRY_DIR } from '../support/source-article.ts';

const SOURCE = path.join(ROOT, 'tests/fixtures/source-article.txt');

/** An entry's parts as the page shows them: frontmatter, and the body's paragraphs as text. */
function entryParts(file: string) {
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  const tree = unified().use(remarkParse).parse(content) as Root;
  return {
    frontmatter,
    body: tree.children.filter((n) => n.type === 'paragraph').map((p) => toString(p)),
    blocks: tree.children.map((n) => n.type),
  };
}

describe('splitCredit', () => {
  it('takes the "Name/Agency" after the last sentence as the credit', () => {
    expect(splitCredit('A man walks. Jane Doe/Reuters')).toEqual({ caption: 'A man walks.', credit: 'Jane Doe/Reuters' });
    expect(splitCredit('He said “no.” John Smith/AP Photo')).toEqual({ caption: 'He said “no.”', credit: 'John Smith/AP Photo' });
  });
  it('finds no credit when the tail is not one', () => {
    expect(splitCredit('A man walks. Then he runs.')).toEqual({ caption: 'A man walks. Then he runs.', credit: undefined });
    expect(splitCredit('A man walks. Getty Images')).toEqual({ caption: 'A man walks. Getty Images', credit: undefined });
    expect(splitCredit('No sentence end at all')).toEqual({ caption: 'No sentence end at all', credit: undefined });
  });
});

describe('parseWireCopy', () => {
  it('splits the seed copy into caption, credit, 3 summary lines and 8 body paragraphs', () => {
    const copy = parseWireCopy(readFileSync(SOURCE, 'utf8'));
    expect(copy.credit).toBe('Win McNamee/Getty Images');
    expect(copy.summary).toHaveLength(3);
    expect(copy.body).toHaveLength(8);
  });
  it('honours an explicit summary count and refuses copy without a body', () => {
    expect(parseWireCopy('C. A/B\n\nOne.\n\nTwo.\n\nThree.', { summaryCount: 1 }).body).toEqual(['Two.', 'Three.']);
    expect(() => parseWireCopy('C. A/B\n\nOne.')).toThrow(/expected 1 to 5 summary lines|no body/);
  });
  it('escapes what markdown would read as markup, so the page shows the text as typed', () => {
    const text = '1. *Not* a [list] <b>or</b> tag & _so_ on \\ `code`';
    const md = escapeMarkdown(text);
    const tree = unified().use(remarkParse).parse(md) as Root;
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph']);
    expect(toString(tree)).toBe(text);
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
  });
});

describe('npm run import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/import-article.ts'), ...args, '--dir', dir], { cwd: ROOT, encoding: 'utf8' });

  it('imports the seed word for word: caption, credit, summary and body identical to the committed entry', async () => {
    const result = run(SOURCE, '--headline', 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('credit:   Win McNamee/Getty Images');
    expect(result.stdout).toContain('summary:  3 lines');
    expect(result.stdout).toContain('body:     8 paragraphs');

    const [slug] = readdirSync(dir);
    const imported = entryParts(path.join(dir, slug!, 'index.md'));
    const committed = entryParts(path.join(SEED_ENTRY_DIR, 'index.md'));
    const pick = (fm: Record<string, any>) => ({ caption: fm.image.caption, credit: fm.image.credit, summary: fm.summary, title: fm.title });
    expect(pick(imported.frontmatter)).toEqual(pick(committed.frontmatter));
    expect(imported.body).toEqual(committed.body);
    expect(imported.blocks).toEqual(committed.blocks);
    expect(imported.frontmatter.draft).toBe(true);
    // …and the new entry passes the same validation as the build.
    expect(await checkArticles({ dir, root: ROOT })).toEqual([]);
  });

  it('refuses to overwrite an existing entry', () => {
    const again = run(SOURCE, '--headline', 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists: not overwriting/);
  });

  it('without --headline, uses the first summary line as a provisional headline and says so', () => {
    const result = run(SOURCE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/headline: Donald Trump wanted to meet .* \(provisional/);
  });

  it('wants --alt with --image', () => {
    const result = run(SOURCE, '--image', path.join(ROOT, 'tests/fixtures/lead-480.jpg'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--image needs --alt/);
  });
});

describe('npm run new', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/new-article.ts'), ...args, '--dir', dir], { cwd: ROOT, encoding: 'utf8' });

  it('scaffolds a valid draft entry with a unique slug', async () => {
    expect(run('Council’s budget vote delayed').status).toBe(0);
    const second = run('Council’s budget vote delayed');
    expect(second.status, second.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['councils-budget-vote-delayed', 'councils-budget-vote-delayed-2']);
    const { frontmatter } = entryParts(path.join(dir, 'councils-budget-vote-delayed', 'index.md'));
    expect(frontmatter.title).toBe('Council’s budget vote delayed');
    expect(frontmatter.draft).toBe(true);
    expect(await checkArticles({ dir, root: ROOT })).toEqual([]);
  });
});
