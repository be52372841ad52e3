import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Element, Root as HastRoot } from 'hast';
import { entryMarkdown } from '../../src/authoring/entry-writer.ts';
import { escapeMarkdown, paragraphs, parseWireCopy, splitCredit } from '../../src/authoring/wire-copy.ts';
import { renderLikeTheSite } from '../support/markdown.ts';
import { WIRE_LINES } from '../fixtures/wire-lines.ts';
import { checkArticles } from '../../src/content-model/articles-loader.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
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

/** Every element of rendered HTML, and the text of its paragraphs. */
function rendered(html: string) {
  const tree = fromHtml(html, { fragment: true }) as HastRoot;
  const elements: string[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        elements.push(child.tagName);
        walk(child);
      }
    }
  };
  walk(tree);
  const paragraphTexts = tree.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'p').map((p) => hastToString(p));
  return { elements, paragraphTexts };
}

const LINES = Object.entries(WIRE_LINES).flatMap(([kind, lines]) => lines.map((line) => [kind, line] as const));
/** A wire story: caption and credit, one summary line, then the body paragraphs. */
const wireStory = (body: readonly string[]) => ['The chamber on Thursday. Jane Doe/Agency', 'One summary line.', ...body].join('\n\n');

describe('wire copy comes out as the same text, whatever it says (the site’s own renderer)', () => {
  it('has several examples of every class', () => {
    for (const [kind, lines] of Object.entries(WIRE_LINES)) expect(lines.length, kind).toBeGreaterThanOrEqual(3);
  });

  it.each(LINES)('%s: %j', async (_, line) => {
    // The import reads paragraphs with their edges trimmed; that is the text the page must show.
    const [expected] = paragraphs(line);
    expect(expected).toBe(line.trim());
    const copy = parseWireCopy(wireStory([line, 'The end.']), { summaryCount: 1 });
    expect(copy.body).toEqual([expected, 'The end.']);
    const entry = entryMarkdown(
      { title: 'T', summary: copy.summary, image: { src: './lead.jpg', alt: 'A.', caption: copy.caption } },
      copy.body,
    );
    const { content } = parseFrontmatter(entry);
    const { elements, paragraphTexts } = rendered(await renderLikeTheSite(content));
    expect(paragraphTexts).toEqual([expected, 'The end.']);
    expect(elements, `markup in ${JSON.stringify(escapeMarkdown(expected!))}`).toEqual(['p', 'p']);
  });

  it('all of them in one story: nothing in one paragraph changes another (fences, link definitions, footnotes)', async () => {
    const body = LINES.map(([, line]) => line.trim());
    const copy = parseWireCopy(wireStory(body), { summaryCount: 1 });
    expect(copy.body).toEqual(body);
    const { content } = parseFrontmatter(
      entryMarkdown({ title: 'T', summary: copy.summary, image: { src: './lead.jpg', alt: 'A.' } }, copy.body),
    );
    const { elements, paragraphTexts } = rendered(await renderLikeTheSite(content));
    expect(paragraphTexts).toEqual(body);
    expect(new Set(elements)).toEqual(new Set(['p']));
  });

  it('keeps every line as text in the frontmatter too (title, caption, credit, summary)', () => {
    for (const [, line] of LINES) {
      const entry = entryMarkdown({ title: line, summary: [line], image: { src: './lead.jpg', alt: line, caption: line, credit: line } }, [
        'Body.',
      ]);
      const frontmatter = parseFrontmatter(entry).frontmatter as { title: string; summary: string[]; image: Record<string, string> };
      expect([frontmatter.title, frontmatter.summary[0], frontmatter.image.caption, frontmatter.image.credit]).toEqual([
        line,
        line,
        line,
        line,
      ]);
    }
  });

  it('breaks bare URLs and emails with an empty comment the page never shows, only where GFM would link', () => {
    expect(escapeMarkdown('Visit www.example.com or https://example.org, or email desk@example.com.')).toBe(
      'Visit www<!---->.example.com or https:<!---->//example.org, or email desk<!---->@example.com.',
    );
    expect(escapeMarkdown('A plain sentence, no links: e.g. 5.5% at 3 p.m.')).toBe('A plain sentence, no links: e.g. 5.5% at 3 p.m.');
  });
});

// These spawn the scripts (and sharp, for the stand-in photo): allow for a busy machine.
describe('npm run import', { timeout: 30_000 }, () => {
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
    const pick = (fm: Record<string, any>) => ({
      caption: fm.image.caption,
      credit: fm.image.credit,
      summary: fm.summary,
      title: fm.title,
    });
    expect(pick(imported.frontmatter)).toEqual(pick(committed.frontmatter));
    expect(imported.body).toEqual(committed.body);
    expect(imported.blocks).toEqual(committed.blocks);
    expect(imported.frontmatter.draft).toBe(true);
    // …and the new entry passes the same validation as the build.
    expect(await checkArticles({ dir, root: ROOT })).toEqual([]);

    // Published without a real photo, the stand-in stops a production build.
    const file = path.join(dir, slug!, 'index.md');
    const draft = readFileSync(file, 'utf8');
    writeFileSync(file, draft.replace('draft: true\n', ''));
    expect((await checkArticles({ dir, root: ROOT })).map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${dir}/${slug}/index.md: image.src: "./lead.jpg" is the project's stand-in illustration`)),
    ]);
    writeFileSync(file, draft);
  });

  it('imports the awkward lines as the same text, through the script', async () => {
    const body = LINES.map(([, line]) => line.trim());
    const source = path.join(dir, 'awkward.txt');
    writeFileSync(source, wireStory(body));
    const result = run(source, '--headline', 'Awkward wire copy', '--summary', '1');
    expect(result.status, result.stderr).toBe(0);
    const { content } = parseFrontmatter(readFileSync(path.join(dir, 'awkward-wire-copy', 'index.md'), 'utf8'));
    const { elements, paragraphTexts } = rendered(await renderLikeTheSite(content));
    expect(paragraphTexts).toEqual(body);
    expect(new Set(elements)).toEqual(new Set(['p']));
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

describe('npm run new', { timeout: 30_000 }, () => {
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

  it('writes every field: optional ones commented out with a hint, published set to now', () => {
    const before = Date.now();
    const dirOnce = mkdtempSync(path.join(tmpdir(), 'new-fields-'));
    try {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/new-article.ts'), 'Budget vote delayed', '--dir', dirOnce], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const markdown = readFileSync(path.join(dirOnce, 'budget-vote-delayed', 'index.md'), 'utf8');
      for (const field of ['standfirst', 'caption', 'credit', 'byline', 'updated', 'section', 'tags']) {
        expect(markdown, field).toMatch(new RegExp(`^ *# ${field}:.* # optional: \\S`, 'm'));
      }
      const { frontmatter } = entryParts(path.join(dirOnce, 'budget-vote-delayed', 'index.md'));
      expect(Object.keys(frontmatter).sort()).toEqual(['draft', 'image', 'published', 'summary', 'title']);
      // To the minute, in UTC, and now.
      expect(markdown).toMatch(/^published: \d{4}-\d\d-\d\dT\d\d:\d\d:00Z /m);
      const published = (frontmatter.published as Date).getTime();
      expect(published).toBeGreaterThan(before - 60_000);
      expect(published).toBeLessThanOrEqual(Date.now());
      // Uncommented as they are, the optional fields are valid, and still hold placeholders.
      writeFileSync(path.join(dirOnce, 'budget-vote-delayed', 'index.md'), markdown.replace(/^(\s*)# ?(?=[a-z -]+:)/gm, '$1'));
      const { frontmatter: all } = entryParts(path.join(dirOnce, 'budget-vote-delayed', 'index.md'));
      expect(Object.keys(all).sort()).toEqual([
        'byline',
        'draft',
        'image',
        'published',
        'section',
        'standfirst',
        'summary',
        'tags',
        'title',
        'updated',
      ]);
    } finally {
      rmSync(dirOnce, { recursive: true, force: true });
    }
  });

  it('cannot be published unedited: a production check names each placeholder and the stand-in; dev only warns', async () => {
    const file = path.join(dir, 'councils-budget-vote-delayed', 'index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true.*\n/m, ''));
    const entry = `${dir}/councils-budget-vote-delayed/index.md`;
    const production = (await checkArticles({ dir, root: ROOT })).filter((p) => p.file === entry);
    expect(production.map((p) => `${p.level} ${p.field}`)).toEqual(['error summary item 1', 'error body', 'error image.src']);
    expect(production.map(formatProblem)[0]).toBe(
      `${entry}: summary item 1: still has the template's placeholder "Replace this with the first key point.": write your own text, or keep the entry a draft (draft: true)`,
    );
    const dev = (await checkArticles({ dir, root: ROOT, production: false })).filter((p) => p.file === entry);
    expect(dev.map((p) => `${p.level} ${p.field}`)).toEqual(['warning summary item 1', 'warning body', 'warning image.src']);
  });
});
