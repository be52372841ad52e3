import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import rehypeParagraphIds, { type Options } from '../../src/plugins/rehype-paragraph-ids.ts';

async function render(markdown: string, options?: Options): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw) // as in Astro's pipeline: raw HTML becomes elements before our plugins run
    .use(rehypeParagraphIds, options)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return String(file);
}

describe('rehype-paragraph-ids', () => {
  it('numbers paragraphs in document order', async () => {
    expect(await render('One.\n\nTwo.\n\nThree.')).toBe('<p id="p1">One.</p>\n<p id="p2">Two.</p>\n<p id="p3">Three.</p>');
  });

  it('counts paragraphs inside quotes and lists too, and ignores headings', async () => {
    const html = await render('## Head\n\nA.\n\n> B.\n\n- item\n\n  C.');
    expect(html).toContain('<h2>Head</h2>');
    expect(html).toContain('<p id="p1">A.</p>');
    expect(html).toContain('<p id="p2">B.</p>');
    expect(html).toMatch(/<p id="p\d">item<\/p>/);
  });

  it('is stable: the same input always gives the same ids', async () => {
    const md = 'Alpha.\n\nBeta.';
    expect(await render(md)).toBe(await render(md));
  });

  it('never collides with an id already in the document', async () => {
    const html = await render('<div id="p2">x</div>\n\nFirst.\n\nSecond.', {});
    expect(html).toContain('<p id="p1">First.</p>');
    expect(html).toContain('<p id="p2-2">Second.</p>');
  });

  it('takes a prefix option', async () => {
    expect(await render('Text.', { prefix: 'para-' })).toBe('<p id="para-1">Text.</p>');
  });
});
