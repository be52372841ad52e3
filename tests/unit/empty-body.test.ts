/**
 * Bodies that render to nothing (src/content-model/empty-body.ts): what the markdown holds, and whether the body
 * the site's own chain renders (Astro's processor with our plugins) shows anything.
 */
import { describe, expect, it } from 'vitest';
import { emptyBodyProblem, emptyBodyReason, showsNothing } from '../../src/content-model/empty-body.ts';
import { renderBodyAsAstro } from '../support/render-body.ts';

/** Bodies with characters in them that show nothing on the page, and what the check says they hold. */
const EMPTY: [string, string][] = [
  ['<!-- TODO -->', 'only an HTML comment'],
  ['<!--\n\nA draft paragraph, commented out.\n\n-->', 'only an HTML comment'],
  ['<script>alert(1)</script>', 'only a <script> element'],
  ['<script>\n\nalert(1)\n\n</script>', 'only a <script> element'],
  ['<style>p { color: red }</style>', 'only a <style> element'],
  ['<textarea>\n\nWords in a form field.\n\n</textarea>', 'only a <textarea> element'],
  ['[x]: https://example.com', 'only a link definition'],
  ['[a]: https://example.com/a\n[b]: https://example.com/b "Title"', 'only a link definition'],
  ['[^1]: A note nobody refers to.', 'only a footnote that nothing refers to'],
  ['&nbsp; &#8203;', 'only invisible characters (U+00A0 no-break space, U+0020 space, U+200B zero-width space)'],
  ['\u200B\u200D\n\n\u00AD', 'only invisible characters (U+200B zero-width space, U+200D zero-width joiner, U+00AD soft hyphen)'],
  ['~~\u200B~~', 'only invisible characters (U+200B zero-width space)'],
  ['<div></div>', 'only a <div> element'],
  ['<div>\n</div>\n\n<p> </p>', 'only a <div> element and a <p> element'],
  ['<a href="https://example.com/"></a>', 'only an <a> element'],
  ['[](https://example.com)', 'only an empty link'],
  ['***', 'only a horizontal rule'],
  ['---\n\n___', 'only a horizontal rule'],
  ['-\n-\n\n#', 'only an empty list and an empty heading'],
  ['>', 'only an empty quote'],
  ['```\n```', 'only an empty code block'],
  ['<!-- a -->\n\n[x]: https://example.com\n\n<script>x</script>', 'only an HTML comment, a link definition and a <script> element'],
];

/** Bodies that show something, however little. */
const SHOWN = [
  'Word.',
  '1',
  '<!-- note -->\n\nOne word.',
  '![A chart](./chart.png)',
  '<img src="./chart.png" alt="A chart">',
  '```\ncode\n```',
  '`x`',
  '| a |\n|---|\n| b |',
  '<details><summary>More</summary></details>',
  '<div>Text in a div.</div>',
  '[A link](https://example.com)',
  '[x]: https://example.com\n\nSee [x].',
  '> A quote.',
  '- An item.',
  '\u200BA',
  '👍',
  '&amp;',
];

describe('what an empty body holds (from its markdown)', () => {
  for (const [body, reason] of EMPTY) {
    it(`${JSON.stringify(body)}: ${reason}`, () => expect(emptyBodyReason(body)).toBe(reason));
  }
  it('nothing to say about a body with visible text, code or an image in its markdown', () => {
    for (const body of SHOWN.filter((b) => !b.startsWith('<'))) expect(emptyBodyReason(body), body).toBeUndefined();
  });
});

describe('whether the rendered body shows anything', () => {
  it('the bodies above render to nothing with the site’s own chain', async () => {
    for (const [body] of EMPTY) expect(showsNothing(await renderBodyAsAstro(body)), body).toBe(true);
  });
  it('these render to something', async () => {
    for (const body of SHOWN) expect(showsNothing(await renderBodyAsAstro(body)), body).toBe(false);
  });
  it('decides on the HTML itself: entities, attributes and markup are not text', () => {
    expect(showsNothing('')).toBe(true);
    expect(showsNothing('<p id="p1">&#x200B;&nbsp;</p>')).toBe(true);
    expect(showsNothing('<p title="Words in an attribute > are not shown"></p>')).toBe(true);
    expect(
      showsNothing('<section class="table-scroll" aria-label="Table 1" tabindex="0"><table><tr><td></td></tr></table></section>'),
    ).toBe(true);
    expect(showsNothing('<p>&#x41;</p>')).toBe(false);
    expect(showsNothing('<p>&lt;</p>')).toBe(false);
    expect(showsNothing('<picture><img src="/_astro/a.webp" alt="A"></picture>')).toBe(false);
  });
});

describe('the problem', () => {
  it('names the file and the body, says what it holds and what to do', () => {
    expect(emptyBodyProblem('content/articles/x/index.md', 'only an HTML comment')).toEqual({
      file: 'content/articles/x/index.md',
      field: 'body',
      problem: 'renders to nothing (only an HTML comment); write the article below the frontmatter',
      level: 'error',
    });
    expect(emptyBodyProblem('content/articles/x/index.md').problem).toBe(
      'renders to nothing (no text or image is left on the page once the markup the site does not publish is removed); write the article below the frontmatter',
    );
  });
});
