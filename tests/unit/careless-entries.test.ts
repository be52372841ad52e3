/**
 * The validation pass (checkArticles) on careless entries written to a temp dir: bodies that render to
 * nothing, bodies past the limits (nesting, size, number of quotes and lists), files and folders under
 * the articles folder that look like entries but would not be read, and files that are not UTF-8.
 * Each class with several examples; every problem names the file and says what to do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkArticles, problemId } from '../../src/content-model/articles-loader.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { ROOT } from '../support/paths.ts';

const lead = path.join(ROOT, 'tests/fixtures/lead-480.jpg');
const FRONTMATTER = '---\ntitle: "T"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n---\n';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Writes `files` (path → text or bytes) under a fresh articles folder and returns its problems, paths relative to it. */
async function problemsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'careless-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    if (content === 'LEAD') cpSync(lead, path.join(dir, name));
    else writeFileSync(path.join(dir, name), content);
  }
  return (await checkArticles({ dir, root: ROOT })).map((p) => formatProblem(p).replace(`${dir}/`, ''));
}
const entry = (body: string) => ({ 'x/index.md': FRONTMATTER + body, 'x/lead.jpg': 'LEAD' });

describe('a body that renders to nothing', () => {
  const EMPTY: [string, string][] = [
    ['<!-- TODO -->', 'only an HTML comment'],
    ['<script>alert(1)</script>', 'only a <script> element'],
    ['<style>p { color: red }</style>', 'only a <style> element'],
    ['[x]: https://example.com', 'only a link definition'],
    ['&nbsp; &#8203;', 'only invisible characters (U+00A0 no-break space, U+0020 space, U+200B zero-width space)'],
    ['<div></div>', 'only a <div> element'],
    ['***', 'only a horizontal rule'],
    [
      '<!-- a -->\n\n[x]: https://example.com\n\n<script>x</script>\n\n<!-- b -->',
      'only an HTML comment, a link definition and a <script> element',
    ],
    ['-\n-\n\n#', 'only an empty list and an empty heading'],
    ['<iframe src="https://example.com/"></iframe>', 'only an <iframe> element'],
  ];
  for (const [body, reason] of EMPTY) {
    it(`is refused: ${JSON.stringify(body)}`, async () => {
      expect(await problemsOf(entry(body))).toEqual([
        `x/index.md: body: renders to nothing (${reason}); write the article below the frontmatter`,
      ]);
    });
  }

  it('a body with anything visible passes: a word, an image, a code block, a table, a summary line', async () => {
    for (const body of [
      'Word.',
      '<!-- note -->\n\nOne word.',
      '![A chart](./lead.jpg)',
      '```\ncode\n```',
      '| a |\n|---|\n| b |',
      '<details><summary>More</summary></details>',
      '<div>Text in a div.</div>',
    ]) {
      expect(await problemsOf(entry(body)), body).toEqual([]);
    }
  });
});

describe('limits on the body', () => {
  it('refuses block quotes nested deeper than 32 levels, naming the line, before parsing them', async () => {
    const started = performance.now();
    expect(await problemsOf(entry(`A paragraph.\n\n${'>'.repeat(5000)} Deep.\n`))).toEqual([
      'x/index.md: body: block quotes and lists are nested 5,000 levels deep at line 8; the limit is 32: flatten them',
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts lists, quotes in lists and lists in quotes alike, however they are written', async () => {
    expect(await problemsOf(entry(`${'- '.repeat(40)}Deep.`))).toEqual([
      'x/index.md: body: block quotes and lists are nested 40 levels deep at line 6; the limit is 32: flatten them',
    ]);
    expect(await problemsOf(entry(`${'> - '.repeat(20)}Deep.`))).toEqual([
      'x/index.md: body: block quotes and lists are nested 40 levels deep at line 6; the limit is 32: flatten them',
    ]);
    const indented = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    expect(await problemsOf(entry(`Intro.\n\n${indented}`))).toEqual([
      'x/index.md: body: block quotes and lists are nested 33 levels deep at line 40; the limit is 32: flatten them',
    ]);
  });

  it('accepts 32 levels, and quote markers in code or after text', async () => {
    expect(await problemsOf(entry(`${'>'.repeat(32)} Deep but allowed.`))).toEqual([]);
    expect(
      await problemsOf(
        entry(`Text.\n\n\`\`\`\n${'>'.repeat(100)}\n\`\`\`\n\n    ${'> '.repeat(100)}\n\nArrows ${'>'.repeat(100)} in a sentence.`),
      ),
    ).toEqual([]);
  });

  it('refuses a body over 256 KB, saying how big it is', async () => {
    const paragraph = `${'A sentence of the article. '.repeat(40)}\n\n`;
    const body = paragraph.repeat(Math.ceil((300 * 1024) / paragraph.length));
    expect(await problemsOf(entry(body))).toEqual([
      'x/index.md: body: is 300 KB; the limit is 256 KB (about 40,000 words): split it into several articles',
    ]);
    expect(await problemsOf(entry(paragraph.repeat(Math.floor((250 * 1024) / paragraph.length))))).toEqual([]);
  });

  it('refuses more than 1,000 block quotes and lists, which take minutes to parse', async () => {
    expect(await problemsOf(entry('> A quote.\n\nA reply.\n\n'.repeat(1001)))).toEqual([
      'x/index.md: body: has 1,001 block quotes and lists; the limit is 1,000: merge them (one list may have any number of items) or split the article',
    ]);
    expect(await problemsOf(entry('- An item.\n  - A sub-item.\n'.repeat(1000)))).toEqual([
      'x/index.md: body: has 1,001 block quotes and lists; the limit is 1,000: merge them (one list may have any number of items) or split the article',
    ]);
    expect(await problemsOf(entry('- An item.\n'.repeat(3000)))).toEqual([]);
  });
});

describe('markup nested past what the checks can parse', () => {
  it('is a problem of that entry, not a crash of the whole pass', async () => {
    const deep = (open: string, close: string) => `Text.\n\n${open.repeat(5000)}Deep.${close.repeat(5000)}\n`;
    const message =
      'body: cannot be rendered: the text is nested too deeply (the renderer ran out of stack), e.g. thousands of HTML elements or emphases one inside another; flatten it';
    expect(await problemsOf(entry(deep('<div>', '</div>')))).toEqual([`x/index.md: ${message}`]);
    expect(await problemsOf(entry(deep('<blockquote>', '</blockquote>')))).toEqual([`x/index.md: ${message}`]);
    expect(
      await problemsOf({ ...entry(deep('<section>', '</section>')), 'y/index.md': `${FRONTMATTER}Fine.\n`, 'y/lead.jpg': 'LEAD' }),
    ).toEqual([`x/index.md: ${message}`]);
  });
});

describe('files and folders that look like entries but would not be read', () => {
  it('names each one and says what to rename it to', async () => {
    const body = `${FRONTMATTER}Body.\n`;
    expect(
      await problemsOf({
        'upper/index.MD': body,
        'upper/lead.jpg': 'LEAD',
        'long-ext/index.markdown': body,
        'long-ext/lead.jpg': 'LEAD',
        'capital/Index.md': body,
        'capital/lead.jpg': 'LEAD',
        'other-name/article.md': body,
        'other-name/lead.jpg': 'LEAD',
        'mdx/index.mdx': body,
        'mdx/lead.jpg': 'LEAD',
        'photos-only/lead.jpg': 'LEAD',
        'photos-only/second.jpg': 'LEAD',
        'Stray Notes.md': body,
        'good/index.md': body,
        'good/lead.jpg': 'LEAD',
        'good/notes.markdown': 'Notes for the editor.',
        'good/source.txt': 'The wire copy, kept beside the entry.',
        '.DS_Store': 'x',
        'empty/.gitkeep': '',
      }),
    ).toEqual([
      "capital/Index.md: file: is not an article's index.md, so it is not published; rename it to index.md",
      "good/notes.markdown: file: is not an article's index.md, so it is not published; move its text into good/index.md, or move it out of the articles folder",
      "long-ext/index.markdown: file: is not an article's index.md, so it is not published; rename it to index.md",
      "mdx/index.mdx: file: is not an article's index.md, so it is not published; rename it to index.md",
      "other-name/article.md: file: is not an article's index.md, so it is not published; rename it to index.md",
      'photos-only/: folder: has no index.md, so nothing in it is published (it holds lead.jpg, second.jpg); write the article in photos-only/index.md, or move the folder out of the articles folder',
      "Stray Notes.md: file: is not an article's index.md, so it is not published; move it to stray-notes/index.md",
      "upper/index.MD: file: is not an article's index.md, so it is not published; rename it to index.md",
    ]);
  });
});

describe('in npm run dev', () => {
  it('a misnamed entry file or a folder without one is shown at the folder’s URL', () => {
    expect(
      [
        'budget-vote/index.MD',
        'budget-vote/article.md',
        'budget-vote/',
        'budget-vote/index.md',
        'Bad_Slug/index.md',
        'a/b/index.md',
        'Loose Notes.md',
      ].map(problemId),
    ).toEqual(['budget-vote', 'budget-vote', 'budget-vote', 'budget-vote', 'Bad_Slug', 'a/b', 'Loose Notes.md']);
  });
});

describe('files that are not UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('a byte that is not UTF-8 in the body (Windows-1252 é) names the line and what comes before it', async () => {
    expect(
      await problemsOf({ 'x/index.md': bytes(FRONTMATTER, 'First line.\nA caf', [0xe9], ' on the corner.\n'), 'x/lead.jpg': 'LEAD' }),
    ).toEqual(['x/index.md: body: not valid UTF-8 at line 7 (byte E9 after "A caf"); save the file as UTF-8']);
  });

  it('in the frontmatter too, and a cut-off sequence at the end of the file', async () => {
    expect(
      await problemsOf({
        'x/index.md': bytes('---\ntitle: "Caf', [0xe9], '"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n---\nBody.\n'),
        'x/lead.jpg': 'LEAD',
        'y/index.md': bytes(FRONTMATTER, 'Body ends in half a character: ', [0xe2, 0x80]),
        'y/lead.jpg': 'LEAD',
        'z/index.md': bytes(FRONTMATTER, 'Overlong: ', [0xc0, 0xaf], ' and a surrogate: ', [0xed, 0xa0, 0x80]),
        'z/lead.jpg': 'LEAD',
      }),
    ).toEqual([
      'x/index.md: frontmatter: not valid UTF-8 at line 2 (byte E9 after "title: \\"Caf"); save the file as UTF-8',
      'y/index.md: body: not valid UTF-8 at line 6 (bytes E2 80 after "…ends in half a character: "); save the file as UTF-8',
      'z/index.md: body: not valid UTF-8 at line 6 (bytes C0 AF after "Overlong: "); save the file as UTF-8',
    ]);
  });

  it('a UTF-16 file, with or without its byte order mark, is named as such', async () => {
    const utf16le = (text: string) => Buffer.from(text, 'utf16le');
    const utf16be = (text: string) => {
      const b = Buffer.from(text, 'utf16le');
      return Buffer.from(b.swap16());
    };
    const text = `${FRONTMATTER}Body.\n`;
    expect(
      await problemsOf({
        'le/index.md': bytes([0xff, 0xfe], [...utf16le(text)]),
        'le/lead.jpg': 'LEAD',
        'be/index.md': bytes([0xfe, 0xff], [...utf16be(text)]),
        'be/lead.jpg': 'LEAD',
        'nobom/index.md': utf16le(text),
        'nobom/lead.jpg': 'LEAD',
      }),
    ).toEqual([
      'be/index.md: file: is saved as UTF-16, which the build cannot read; save the file as UTF-8',
      'le/index.md: file: is saved as UTF-16, which the build cannot read; save the file as UTF-8',
      'nobom/index.md: file: is saved as UTF-16, which the build cannot read; save the file as UTF-8',
    ]);
  });

  it('UTF-8, with or without a byte order mark, and U+FFFD written on purpose, pass', async () => {
    expect(await problemsOf({ 'x/index.md': bytes([0xef, 0xbb, 0xbf], FRONTMATTER, 'Café � 東京 👩‍👩‍👧.\n'), 'x/lead.jpg': 'LEAD' })).toEqual(
      [],
    );
  });
});
