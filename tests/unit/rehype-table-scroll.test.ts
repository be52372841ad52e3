/** rehype-table-scroll and rehype-align-class with real unified processors. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import rehypeTableScroll, { type Options } from '../../src/plugins/rehype-table-scroll.ts';
import rehypeAlignClass from '../../src/plugins/rehype-align-class.ts';
import { bodyRehypePlugins } from '../../src/plugins/body-plugins.ts';

const TABLE = '| a | b |\n| --- | --- |\n| 1 | 2 |';

async function render(markdown: string, options?: Options): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeTableScroll, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('rehype-table-scroll', () => {
  it('wraps a table in a named, focusable region', async () => {
    const html = await render(`Before.\n\n${TABLE}\n\nAfter.`);
    expect(html).toMatch(
      /^<p>Before\.<\/p>\n<section class="table-scroll" aria-label="Table 1" tabindex="0"><table>[\s\S]*<\/table><\/section>\n<p>After\.<\/p>$/,
    );
  });

  it('numbers uncaptioned tables, so every region has its own name', async () => {
    const html = await render(`${TABLE}\n\nText.\n\n${TABLE}\n\n> ${TABLE.replace(/\n/g, '\n> ')}`);
    expect([...html.matchAll(/<section class="table-scroll" aria-label="([^"]*)" tabindex="0"><table>/g)].map((m) => m[1])).toEqual([
      'Table 1',
      'Table 2',
      'Table 3',
    ]);
  });

  it('names the region after the caption, or the table’s aria-label', async () => {
    const html = await render(
      '<table><caption> Votes  by <b>ward</b> </caption><tr><td>1</td></tr></table>\n\n<table aria-label="Turnout"><tr><td>1</td></tr></table>\n\n<table><caption> </caption><tr><td>1</td></tr></table>',
    );
    expect([...html.matchAll(/aria-label="([^"]*)" tabindex/g)].map((m) => m[1])).toEqual(['Votes by ward', 'Turnout', 'Table 3']);
  });

  it('wraps a table only once, with nested tables inside the outer region', async () => {
    const html = await render('<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>');
    expect(html.match(/<section/g)).toHaveLength(1);
  });

  it('takes a class and a label', async () => {
    expect(await render(TABLE, { className: 'scroll', label: 'Tabelle' })).toMatch(
      /^<section class="scroll" aria-label="Tabelle 1" tabindex="0">/,
    );
  });

  it('runs in the body pipeline after the sanitiser, which would strip its attributes', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(bodyRehypePlugins)
        .use(rehypeStringify)
        .process(`${TABLE}\n\nText.`),
    );
    expect(html).toMatch(/^<section class="table-scroll" aria-label="Table 1" tabindex="0"><table>/);
    expect(html).toContain('<p id="p1">Text.</p>');
  });

  it('keeps an HTML table’s caption through the sanitiser, and names the region after it', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(bodyRehypePlugins)
        .use(rehypeStringify)
        .process('<table><caption>Votes by ward</caption><tr><td>North</td></tr></table>'),
    );
    expect(html).toBe(
      '<section class="table-scroll" aria-label="Votes by ward" tabindex="0"><table><caption>Votes by ward</caption><tbody><tr><td>North</td></tr></tbody></table></section>',
    );
  });
});

describe('rehype-align-class', () => {
  it('turns GFM column alignment into classes, without the obsolete align attribute', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeRaw)
        .use(rehypeAlignClass)
        .use(rehypeStringify)
        .process(
          '| a | b | c | d |\n| :-- | --: | :-: | --- |\n| 1 | 2 | 3 | 4 |\n\n<table><tr><td align="RIGHT" class="x">5</td><td align="justify">6</td></tr></table>',
        ),
    );
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-left">a</th>\n<th class="align-right">b</th>\n<th class="align-center">c</th>\n<th>d</th>');
    expect(html).toContain('<td class="align-left">1</td>\n<td class="align-right">2</td>\n<td class="align-center">3</td>\n<td>4</td>');
    expect(html).toContain('<td class="x align-right">5</td><td class="align-justify">6</td>');
  });
});
