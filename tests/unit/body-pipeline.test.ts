/** The article-body pipeline (src/plugins/body-plugins.ts, as used by astro.config.mjs) in a real unified processor. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import rehypeImageAlt from '../../src/plugins/rehype-image-alt.ts';
import rehypeAlignClass from '../../src/plugins/rehype-align-class.ts';
import { renderBody } from '../support/render-body.ts';

/** The chain as astro.config.mjs configures it (GFM, our remark and rehype plugins): tests/support/render-body.ts. */
const render = (markdown: string, filePath?: string) => renderBody(markdown, filePath);

describe('body pipeline', () => {
  it('numbers paragraphs p1, p2, … and keeps them through sanitising', async () => {
    expect(await render('One.\n\nTwo.')).toBe('<p id="p1">One.</p>\n<p id="p2">Two.</p>');
  });

  it('removes scripts, styles and their content, keeping the text around them', async () => {
    const html = await render('Before.\n\n<script>alert(1)</script>\n\n<style>p{display:none}</style>\n\nAfter.');
    expect(html).toBe('<p id="p1">Before.</p>\n\n\n<p id="p2">After.</p>');
  });

  it('drops event handlers, style attributes and javascript:/data: URLs', async () => {
    const html = await render(
      'A <img src="x.jpg" alt="X" onerror="alert(1)" style="width:1px"> <a href="jav&#x09;ascript:alert(1)">j</a> <a href="data:text/html,x">d</a> [m](javascript:alert(1)) end.',
    );
    expect(html).toBe('<p id="p1">A <img src="x.jpg" alt="X"> <a>j</a> <a>d</a> <a>m</a> end.</p>');
  });

  it('keeps no svg, math, iframe, object, embed, form or base; written in a sentence, they are shown as text', async () => {
    const html = await render(
      'a <svg onload="alert(1)"><text>svg</text></svg> <math><mi>m</mi></math> <iframe src="https://x.test"></iframe> <object data="x"></object> <embed src="x"> <form><input value="v"><button>b</button></form> <base href="https://evil.test/"> z',
    );
    expect(html).not.toMatch(/<(svg|text|math|mi|iframe|object|embed|form|input|button|base)\b/);
    // Issue 9: element names in a sentence are the editor's words, shown as written (they used to be
    // removed with what followed them).
    expect(html).toBe(
      '<p id="p1">a &#x3C;svg onload="alert(1)">&#x3C;text>svg&#x3C;/text>&#x3C;/svg> &#x3C;math>&#x3C;mi>m&#x3C;/mi>&#x3C;/math> &#x3C;iframe src="https://x.test">&#x3C;/iframe> &#x3C;object data="x">&#x3C;/object> &#x3C;embed src="x"> &#x3C;form>&#x3C;input value="v">&#x3C;button>b&#x3C;/button>&#x3C;/form> &#x3C;base href="https://evil.test/"> z</p>',
    );
  });

  it('removes a block made only of svg, math, iframe, object, embed, form and base, with their contents', async () => {
    const html = await render(
      'a\n\n<iframe src="https://x.test"></iframe>\n\n<svg onload="alert(1)">\n<text>svg</text></svg>\n\n<math>\n<mi>m</mi></math>\n\n<object data="x">\n</object><embed src="x">\n\n<form><input value="v"><button>b</button></form>\n\n<base href="https://evil.test/">\n\nz',
    );
    expect(html).not.toMatch(/<(svg|text|math|mi|iframe|object|embed|form|input|button|base)\b/);
    expect(html).not.toMatch(/svg|>m<|>b<|value|evil/);
    expect(html).toMatch(/^<p id="p1">a<\/p>\s+<p id="p2">z<\/p>$/);
  });

  it('gives external links rel="noopener noreferrer", leaves internal ones alone', async () => {
    const html = await render('[out](https://example.com/a) [in](/articles/x/) [mail](mailto:desk@example.com)');
    expect(html).toBe(
      '<p id="p1"><a href="https://example.com/a" rel="noopener noreferrer">out</a> <a href="/articles/x/">in</a> <a href="mailto:desk@example.com">mail</a></p>',
    );
  });

  it('prefixes authored ids and names so they clobber neither globals nor our paragraph ids', async () => {
    const html = await render('<p id="p2">Authored.</p>\n\nMine.\n\n<a name="alert" id="x">a</a>');
    expect(html).toBe(
      '<p id="user-content-p2">Authored.</p>\n<p id="p2">Mine.</p>\n<p id="p3"><a name="user-content-alert" id="user-content-x">a</a></p>',
    );
  });

  it('keeps the news elements: figure, figcaption, cite, abbr, time, blockquote', async () => {
    const html = await render(
      '<figure><blockquote cite="https://x.test/">Q</blockquote><figcaption><cite>C</cite> <abbr title="T">A</abbr> <time datetime="2026-11-28">today</time></figcaption></figure>',
    );
    expect(html).toBe(
      '<figure><blockquote cite="https://x.test/">Q</blockquote><figcaption><cite>C</cite> <abbr title="T">A</abbr> <time datetime="2026-11-28">today</time></figcaption></figure>',
    );
  });

  it('keeps a table’s column alignment as a class, not the obsolete align attribute (invalid HTML)', async () => {
    const html = await render('| School | 2026 |\n| :--- | ---: |\n| North | 80% |\n\n<p align="center">Centred.</p>');
    expect(html).not.toMatch(/\salign=/);
    expect(html).toContain('<th class="align-left">School</th>');
    expect(html).toContain('<th class="align-right">2026</th>');
    expect(html).toContain('<td class="align-right">80%</td>');
    expect(html).toContain('<p id="p1" class="align-center">Centred.</p>');
  });

  it('fails on a body image without alt text, naming the file and the image', async () => {
    await expect(render('Text.\n\n![](./photo.jpg)', `${process.cwd()}/content/articles/x/index.md`)).rejects.toThrow(
      'content/articles/x/index.md: body: image "./photo.jpg" has no alt text',
    );
    await expect(render('<img src="a.jpg" alt="  ">')).rejects.toThrow(/image "a.jpg" has no alt text/);
    await expect(render('![A chamber](./photo.jpg)')).resolves.toContain('alt="A chamber"');
  });
});

describe('rehype-image-alt alone', () => {
  it('lists every image without alt in one message', async () => {
    const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeImageAlt, { cwd: '/site' }).use(rehypeStringify);
    const file = new VFile({ value: '![](a.jpg) ![ok](b.jpg) ![](c.jpg)', path: '/site/content/articles/y/index.md' });
    await expect(processor.process(file)).rejects.toThrow(
      'content/articles/y/index.md: body: image "a.jpg", image "c.jpg" have no alt text',
    );
  });
});

describe('rehype-align-class alone', () => {
  const render = async (markdown: string) =>
    String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeRaw)
        .use(rehypeAlignClass)
        .use(rehypeStringify)
        .process(markdown),
    );

  it('keeps the classes already there, and drops values that are not an alignment', async () => {
    expect(await render('<p class="n" align="RIGHT">1</p>')).toBe('<p class="n align-right">1</p>');
    expect(await render('<p>A <img src="a.jpg" alt="A" align="middle"></p>')).toBe('<p>A <img src="a.jpg" alt="A"></p>');
  });
});
