/** Characters that are not text: src/lib/clean-text.ts, rehype-clean-text, and the schema's text fields. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { z } from 'astro/zod';
import { cleanText, hasNonText, xmlSafe } from '../../src/lib/clean-text.ts';
import { sitemapXml } from '../../src/publishing/sitemap.ts';
import { articleSchema } from '../../src/content-model/article-schema.ts';
import rehypeCleanText from '../../src/plugins/rehype-clean-text.ts';
import { bodyRehypePlugins } from '../../src/plugins/body-plugins.ts';
import { NON_TEXT, parseXmlStrict } from '../support/xml.ts';

/** One example of each class, with the text it must become. */
const EXAMPLES: [string, string][] = [
  ['word\vword', 'word word'], // vertical tab: a word processor's line break
  ['word\fword', 'word word'], // form feed
  ['word\u0085word', 'word word'], // NEL
  ['back\bspace', 'backspace'],
  ['\u0001start of heading', 'start of heading'],
  ['nul\0', 'nul'],
  ['bell\u0007 escape\u001b[0m', 'bell escape[0m'],
  ['del\u007f c1\u0090', 'del c1'],
  ['non\uFFFEchar\uFFFF', 'nonchar'],
  ['non\uFDD0char\uFDEF', 'nonchar'],
  ['plane 1 \u{1FFFE}\u{1FFFF}end', 'plane 1 end'],
  ['lone \uD800high and \uDFFFlow', 'lone high and low'],
];
/** Text that must stay exactly as it is. */
const KEPT = [
  'tab\tLF\nCR\r',
  'Café, naïve — “quoted” 1½ €5',
  '😀 family 👨‍👩‍👧 flag 🇺🇦',
  '中文 日本語 한국어 العربية עברית Ελληνικά Кириллица',
  '\u00A0nbsp\u200Bzwsp\u2028ls',
  '\uFFFD replacement',
  '\u{10FFFD} last',
];

describe('cleanText', () => {
  it.each(EXAMPLES)('%j → %j', (input, output) => {
    expect(hasNonText(input)).toBe(true);
    expect(cleanText(input)).toBe(output);
    expect(NON_TEXT.test(cleanText(input))).toBe(false);
  });
  it.each(KEPT)('keeps %j', (input) => {
    expect(hasNonText(input)).toBe(false);
    expect(cleanText(input)).toBe(input);
  });
});

describe('xmlSafe', () => {
  it('makes a document with every example parse in a strict XML parser, keeping the words', () => {
    const inner = EXAMPLES.map(([input]) => `<t a="${input}">${input}</t>`).join('');
    const xml = `<?xml version="1.0"?><doc>${inner}</doc>`;
    expect(() => parseXmlStrict(xml)).toThrow();
    const doc = parseXmlStrict(xmlSafe(xml));
    expect([...doc.querySelectorAll('t')].map((t) => t.textContent)).toEqual(EXAMPLES.map(([, output]) => output));
    expect([...doc.querySelectorAll('t')].map((t) => t.getAttribute('a'))).toEqual(EXAMPLES.map(([, output]) => output));
  });
  it('removes references to forbidden characters, keeps other references and escaped text', () => {
    const xml = '<a>x&#1;y&#x0B;z&#xFFFE;&#55296;&#9999999999; &#x41;&#169;&amp;#1;</a>';
    expect(() => parseXmlStrict(xml)).toThrow();
    expect(xmlSafe(xml)).toBe('<a>xy z &#x41;&#169;&amp;#1;</a>');
    expect(parseXmlStrict(xmlSafe(xml)).documentElement.textContent).toBe('xy z A©&#1;');
  });
  it('is the last step of the sitemap', () => {
    const xml = sitemapXml([{ loc: 'https://example.test/a\u0001b/' }]);
    expect(() => parseXmlStrict(xml)).not.toThrow();
    expect(xml).toContain('<loc>https://example.test/ab/</loc>');
  });
});

describe('the schema’s text fields', () => {
  const schema = articleSchema(z.string());
  const entry = (fields: Record<string, unknown>) => ({ title: 'T', summary: ['S.'], image: { src: './p.jpg', alt: 'A.' }, ...fields });

  it('cleans every text field', () => {
    const data = schema.parse(
      entry({
        title: 'Budget\vvote\b delayed\0',
        standfirst: '\u0001Councillors\uFFFF meet.',
        summary: ['One\u0008.', 'Two\fpoints.'],
        image: { src: './p.jpg', alt: 'A\u0007 chamber.', caption: 'The\vchamber.', credit: 'Jane\u001F Doe/Agency' },
        byline: [{ name: 'Alex\u0002 Smith' }],
        section: 'Politics\u0003',
        tags: ['budget\uD800'],
      }),
    );
    expect(data).toMatchObject({
      title: 'Budget vote delayed',
      standfirst: 'Councillors meet.',
      summary: ['One.', 'Two points.'],
      image: { alt: 'A chamber.', caption: 'The chamber.', credit: 'Jane Doe/Agency' },
      byline: [{ name: 'Alex Smith' }],
      section: 'Politics',
      tags: ['budget'],
    });
  });
  it('a field of nothing but control characters is empty', () => {
    const result = schema.safeParse(entry({ title: '\u0001\b\0 \v' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must not be empty']);
  });
});

describe('rehype-clean-text', () => {
  const render = async (markdown: string) =>
    String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeRaw)
        .use(rehypeCleanText)
        .use(rehypeStringify)
        .process(markdown),
    );

  it('cleans text, code and attributes', async () => {
    expect(await render('word\vword back\bspace \u0001x \uFFFE')).toBe('<p>word word backspace x </p>');
    expect(await render('```\ncode\u0001 with\va control\n```')).toBe('<pre><code>code with a control\n</code></pre>');
    expect(await render('![A\u0001 small\vpicture](x.jpg)')).toBe('<p><img src="x.jpg" alt="A small picture"></p>');
    // Raw HTML decodes references to controls that markdown would have replaced with U+FFFD.
    expect(await render('<p title="a&#2;b">bold&#1;text</p>')).toBe('<p title="ab">boldtext</p>');
  });

  it('runs in the body pipeline', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(bodyRehypePlugins)
        .use(rehypeStringify)
        .process('One\vtwo\b.'),
    );
    expect(html).toBe('<p id="p1">One two.</p>');
  });
});
