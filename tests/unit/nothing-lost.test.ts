/**
 * The nothing-lost comparison (src/publishing/nothing-lost.ts): an entry against a page. Pages are made the way
 * the site makes them: the body through the real body pipeline (remark, GFM, the rehype chain of
 * src/plugins/body-plugins.ts), wrapped in the article page's `main > article` shape.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { bodyRehypePlugins } from '../../src/plugins/body-plugins.ts';
import {
  articleText,
  bodyTexts,
  firstMissing,
  nothingLostProblems,
  sourceTexts,
  type ShownFields,
} from '../../src/publishing/nothing-lost.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';

const FIELDS: ShownFields = {
  title: 'Budget vote delayed',
  standfirst: 'Councillors will meet again on Monday.',
  summary: ['The vote was due on Thursday.', 'A late amendment sent it back.'],
  image: { caption: 'The council chamber.', credit: 'Jane Doe/Example Agency' },
};

const BODY = `The vote, due on **Thursday**, was  delayed
after a *late* amendment.[^1]

## What happens next

- The committee meets on Monday.
- A new vote follows![A chart](./chart.png)within a week.

| Ward | Votes |
| --- | --- |
| North | 12 |

Line one\\
line two, with \`code\` & an [external link](https://example.com/).

\`\`\`
a   code    block
\`\`\`

[^1]: The amendment was tabled at 5 p.m.
`;

async function renderBody(markdown: string): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(bodyRehypePlugins)
    .use(rehypeStringify);
  return String(await processor.process(markdown));
}

/** An article page with the site's parts in their order. */
function page(fields: ShownFields, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><title>x</title></head><body><header><a href="/">The Reader</a></header>
<main id="main"><article class="article"><header><h1>${fields.title}</h1><p class="standfirst">${fields.standfirst ?? ''}</p>
<p>3 min read</p><script>share()</script></header>
<figure><img src="x.jpg" alt="x"><figcaption>${fields.image.caption ?? ''} <span>${fields.image.credit ?? ''}</span></figcaption></figure>
<div class="article-body"><section><h2>Key points</h2><ul>${fields.summary.map((s) => `<li>${s}</li>`).join('')}</ul></section>
${bodyHtml}</div></article></main><footer>Footer text</footer></body></html>`;
}

const entry = async (body = BODY, html?: string) => ({
  file: 'content/articles/budget-vote/index.md',
  page: 'articles/budget-vote/index.html',
  fields: FIELDS,
  body,
  html: html ?? page(FIELDS, await renderBody(body)),
});

describe('nothing lost', () => {
  it('passes a page that shows every text of its entry', async () => {
    expect(nothingLostProblems(await entry())).toEqual([]);
  });

  it('compares rendered text: markup gone, white space collapsed, images and footnote marks split a paragraph', () => {
    const texts = bodyTexts(BODY).map((t) => t.text);
    expect(texts).toEqual([
      'The vote, due on Thursday, was delayed after a late amendment.',
      'What happens next',
      'The committee meets on Monday.',
      'A new vote follows',
      'within a week.',
      'Ward',
      'Votes',
      'North',
      '12',
      'Line one',
      'line two, with code & an external link.',
      'a code block',
      'The amendment was tabled at 5 p.m.',
    ]);
    expect(bodyTexts(BODY).at(-1)).toMatchObject({ anywhere: true });
  });

  it('names the file, the field and the first missing text when a paragraph is lost', async () => {
    const html = (await renderBody(BODY)).replace(/<li>The committee meets on Monday.<\/li>/, '<li></li>');
    const problems = nothingLostProblems(await entry(BODY, page(FIELDS, html)));
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/budget-vote/index.md: body: "The committee meets on Monday." is missing from the built page articles/budget-vote/index.html (or out of order): text was lost between the entry and the page',
    ]);
  });

  it('finds a page with an empty body (a render error that was only logged)', async () => {
    const problems = nothingLostProblems(await entry(BODY, page(FIELDS, '')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'body', level: 'error' });
    expect(problems[0]!.problem).toContain('"The vote, due on Thursday, was delayed after a late amendment."');
  });

  it('finds a lost key point, caption or credit, naming its field', async () => {
    const lost = (fields: ShownFields) => nothingLostProblems({ ...awaitedEntry, html: page(fields, bodyHtml) })[0]?.field;
    const bodyHtml = await renderBody(BODY);
    const awaitedEntry = await entry();
    expect(lost({ ...FIELDS, summary: ['The vote was due on Thursday.', ''] })).toBe('summary item 2');
    expect(lost({ ...FIELDS, image: { caption: FIELDS.image.caption } })).toBe('image.credit');
    expect(lost({ ...FIELDS, standfirst: '' })).toBe('standfirst');
  });

  it('finds text the markup policy swallowed with raw HTML around it', async () => {
    // An embed pasted across blank lines: the <iframe> takes the paragraph in, and the markup policy
    // removes iframes with their contents.
    const body = 'Before.\n\n<iframe src="https://video.example/embed">\n\nA paragraph the editor wrote.\n\n</iframe>\n\nAfter.';
    const problems = nothingLostProblems(await entry(body));
    expect(problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/^"A paragraph the editor wrote\." is missing from the built page/),
    ]);
  });

  it('does not compare text inside raw HTML (the markup policy decides), only around it', async () => {
    const body = 'Before <script>alert(1)</script> middle <b>bold</b> after.\n\n<div>Removed <script>x</script></div>\n\nEnd.';
    expect(bodyTexts(body).map((t) => t.text)).toEqual(['Before', 'after.', 'End.']);
    expect(nothingLostProblems(await entry(body))).toEqual([]);
  });

  it('requires page order', () => {
    const texts = sourceTexts({ title: 'T', summary: [], image: {} }, 'First.\n\nSecond.');
    expect(firstMissing(texts, 'T First. Second.')).toBeUndefined();
    expect(firstMissing(texts, 'T Second. First.')?.text).toBe('Second.');
  });

  it('leaves out footnotes nobody refers to (GFM does not render them)', () => {
    expect(bodyTexts('Text.\n\n[^x]: Unused note.').map((t) => t.text)).toEqual(['Text.']);
  });

  it('reads the article of a page: main > article, without scripts; none on other pages', () => {
    expect(articleText('<main><article><h1>A</h1><script>var x</script>\n<p>B\n  C</p></article></main><footer>F</footer>')).toBe('A B C');
    expect(articleText('<main><h1>Moved</h1></main>')).toBeUndefined();
  });

  it('reports a published entry without a page', async () => {
    const problems = nothingLostProblems({ ...(await entry()), html: undefined });
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/budget-vote/index.md: slug: no page was built at articles/budget-vote/index.html',
    ]);
  });
});
