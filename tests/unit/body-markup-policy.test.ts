/**
 * The markup policy of article bodies through the real chain (tests/support/render-body.ts): element names
 * written in prose, mutation-XSS classics, srcset, remote images, ids, footnotes and fragment links.
 * Every case asserts both sides: nothing executable survives, and every word of the safe text around it does,
 * in order.
 */
import { describe, expect, it } from 'vitest';
import { selectAll } from 'hast-util-select';
import { elements, missingInOrder, parseOutput, renderBody, renderBodyAsAstro, unsafeMarkup, visibleText } from '../support/render-body.ts';

/** Renders, then checks that nothing unsafe is left and that every phrase is visible, in order. */
async function expectSafeAndWhole(markdown: string, phrases: readonly string[]): Promise<string> {
  const html = await renderBody(markdown);
  expect(unsafeMarkup(html), `${markdown}\n→ ${html}`).toEqual([]);
  expect(missingInOrder(visibleText(html), phrases), `${markdown}\n→ ${html}`).toEqual([]);
  return html;
}

/** Paragraphs, a heading, a list and a quote after the sentence under test: none may be swallowed. */
const REST =
  '\n\nThe second paragraph survives.\n\n## A heading survives\n\n- A list item survives.\n\n> A quote survives.\n\nThe last paragraph survives.';
const REST_PHRASES = [
  'The second paragraph survives.',
  'A heading survives',
  'A list item survives.',
  'A quote survives.',
  'The last paragraph survives.',
];

/** Elements the HTML parser treats specially (raw text, RCDATA, plaintext, templates, selects, foreign content) or that the policy strips with their content. */
const NAMES = [
  'select',
  'template',
  'script',
  'style',
  'title',
  'iframe',
  'noscript',
  'svg',
  'math',
  'textarea',
  'xmp',
  'plaintext',
  'noembed',
  'noframes',
  'object',
  'applet',
  'button',
  'frameset',
  'option',
  'form',
  'video',
  'marquee',
];

describe('element names written in prose are shown as written, and lose nothing', () => {
  for (const name of NAMES) {
    it(`<${name}>`, async () => {
      // Unclosed, inside a sentence, followed by more of the article.
      await expectSafeAndWhole(`The attackers hid a <${name}> tag in the page, officials said.${REST}`, [
        `The attackers hid a <${name}> tag in the page, officials said.`,
        ...REST_PHRASES,
      ]);
      // Closed, with words inside, upper case, with an attribute.
      const upper = name.toUpperCase();
      await expectSafeAndWhole(`Compare <${upper} class="x">the inside words</${upper}> with the rest, officials said.${REST}`, [
        `Compare <${upper} class="x">the inside words</${upper}> with the rest, officials said.`,
        ...REST_PHRASES,
      ]);
      // At the start of a line (where markdown may read it as the start of an HTML block).
      await expectSafeAndWhole(`<${name}> tags are dangerous, experts say.${REST}`, [
        `<${name}> tags are dangerous, experts say.`,
        ...REST_PHRASES,
      ]);
      // Alone on its line, between paragraphs.
      await expectSafeAndWhole(`Before the tag.\n\n<${name}>${REST}`, ['Before the tag.', ...REST_PHRASES]);
      // An end tag alone in a sentence.
      await expectSafeAndWhole(`Close it with </${name}> then stop.${REST}`, [`Close it with </${name}> then stop.`, ...REST_PHRASES]);
      // Inside a quote, a list item, a heading and a table cell.
      await expectSafeAndWhole(`> A quote with <${name}> inside.\n>\n> Its second paragraph.${REST}`, [
        `A quote with <${name}> inside.`,
        'Its second paragraph.',
        ...REST_PHRASES,
      ]);
      await expectSafeAndWhole(`- An item with <${name}> inside.\n- The next item.${REST}`, [
        `An item with <${name}> inside.`,
        'The next item.',
        ...REST_PHRASES,
      ]);
      await expectSafeAndWhole(`## The <${name}> element${REST}`, [`The <${name}> element`, ...REST_PHRASES]);
      await expectSafeAndWhole(`| a | b |\n| - | - |\n| cell <${name}> one | cell two |${REST}`, [
        `cell <${name}> one`,
        'cell two',
        ...REST_PHRASES,
      ]);
    });
  }

  it('the issue’s example: the whole sentence and every paragraph after it', async () => {
    const html = await expectSafeAndWhole(
      'The attackers hid a <select> tag in the page, officials said.\n\nSecond paragraph.\n\nThird paragraph.',
      ['The attackers hid a <select> tag in the page, officials said.', 'Second paragraph.', 'Third paragraph.'],
    );
    expect(html).toBe(
      '<p id="p1">The attackers hid a &#x3C;select> tag in the page, officials said.</p>\n<p id="p2">Second paragraph.</p>\n<p id="p3">Third paragraph.</p>',
    );
  });

  it('keeps allowed inline markup as markup', async () => {
    expect(await renderBody('Some <b>bold</b>, <em>stressed</em> and <abbr title="Example">EX</abbr> words.')).toBe(
      '<p id="p1">Some <b>bold</b>, <em>stressed</em> and <abbr title="Example">EX</abbr> words.</p>',
    );
    expect(await renderBody('Super<wbr>cali <bdi>إيان</bdi> <bdo dir="rtl">abc</bdo> <dfn>term</dfn>.')).toBe(
      '<p id="p1">Super<wbr>cali <bdi>إيان</bdi> <bdo dir="rtl">abc</bdo> <dfn>term</dfn>.</p>',
    );
  });

  it('an HTML block that never ends does not take the rest of the article with it', async () => {
    for (const opener of [
      '<script>',
      '<style>',
      '<textarea>',
      '<pre>',
      '<!-- a note that never ends',
      '<?php echo 1;',
      '<!DOCTYPE html',
      '<![CDATA[ x',
    ]) {
      await expectSafeAndWhole(
        `Before it.\n\n${opener}\n\nThe second paragraph *survives*.\n\n## A heading survives\n\nThe last paragraph survives.`,
        ['Before it.', 'The second paragraph survives.', 'A heading survives', 'The last paragraph survives.'],
      );
    }
  });

  it('an indented HTML block is read the same way', async () => {
    await expectSafeAndWhole('Before.\n\n  <select>\n\nAfter *one*.', ['Before.', '<select>', 'After one.']);
    const html = await expectSafeAndWhole('Before.\n\n   <!-- never closed\n\nAfter *two*.', [
      'Before.',
      '<!-- never closed',
      'After two.',
    ]);
    expect(html).toContain('<em>two</em>');
  });

  it('an HTML block that opens something it never closes keeps what follows', async () => {
    await expectSafeAndWhole(`<div>Look at the <select> in this block.</div>${REST}`, [
      'Look at the <select> in this block.',
      ...REST_PHRASES,
    ]);
    await expectSafeAndWhole(`<div>A <textarea> and a <script> here.</div>${REST}`, ['A <textarea> and a <script> here.', ...REST_PHRASES]);
    await expectSafeAndWhole(`<div title="a quote that never ends>Text${REST}`, REST_PHRASES);
  });

  it('a complete block of markup the policy forbids is removed with its contents, as before', async () => {
    expect(await renderBody('Before.\n\n<script>alert(1)</script>\n\n<style>p{display:none}</style>\n\nAfter.')).toBe(
      '<p id="p1">Before.</p>\n\n\n<p id="p2">After.</p>',
    );
  });

  it('code spans and code blocks keep markup as text', async () => {
    await expectSafeAndWhole('Write `<script>alert(1)</script>` to test.\n\n```\n<select>\n```\n\nAfter.', [
      'Write <script>alert(1)</script> to test.',
      '<select>',
      'After.',
    ]);
  });
});

describe('mutation-XSS classics run nothing and keep the text around them', () => {
  const VECTORS = [
    '<noscript><p title="</noscript><img src=x alt=x onerror=alert(1)>">',
    '<svg><style><img src=x alt=x onerror=alert(1)></style></svg>',
    '<svg><style><img src=x alt=x onerror=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x alt=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<math><mtext><table><mglyph><style><img src=x alt=x onerror=alert(1)>',
    '<!--><img src=x alt=x onerror=alert(1)>-->',
    '<!-- TODO -->',
    '<!--<img src=x alt=x onerror=alert(1)>',
    '<form><math><mtext></form><form><mglyph><style></math><img src=x alt=x onerror=alert(1)>',
    '<svg></p><style><a id="</style><img src=1 alt=x onerror=alert(1)>">',
    '<xmp><p title="</xmp><img src=x alt=x onerror=alert(1)>">',
    '<textarea><p title="</textarea><img src=x alt=x onerror=alert(1)>">',
    '<title><p title="</title><img src=x alt=x onerror=alert(1)>">',
    '<noembed><p title="</noembed><img src=x alt=x onerror=alert(1)>">',
    '<template><script>alert(1)</script></template>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<select><template><style><img src=x alt=x onerror=alert(1)></style></template></select>',
    '<svg><foreignObject><p><img src=x alt=x onerror=alert(1)></p></foreignObject></svg>',
    '<math><annotation-xml encoding="text/html"><style><img src=x alt=x onerror=alert(1)></style></annotation-xml></math>',
    '<![CDATA[<img src=x alt=x onerror=alert(1)>]]>',
    '<a href="jav&#x09;ascript:alert(1)">link</a> <a href="&#106;avascript:alert(1)">link</a>',
    '<plaintext><img src=x alt=x onerror=alert(1)>',
  ];
  VECTORS.forEach((vector, i) => {
    it(`vector ${i + 1}: ${vector}`, async () => {
      const n = i + 1;
      // Inline, between sentences of a paragraph…
      await expectSafeAndWhole(`Before inline ${n}. ${vector} After inline ${n}.${REST}`, [
        `Before inline ${n}.`,
        `After inline ${n}.`,
        ...REST_PHRASES,
      ]);
      // …and as a block of its own, between paragraphs.
      await expectSafeAndWhole(`Before block ${n}.\n\n${vector}\n\nAfter block ${n}.${REST}`, [
        `Before block ${n}.`,
        `After block ${n}.`,
        ...REST_PHRASES,
      ]);
    });
  });
});

describe('srcset and source cannot smuggle URLs', () => {
  const CASES = [
    '<picture><source srcset="javascript:alert(1)"><img src="a.jpg" alt="a"></picture>',
    '<picture><source srcset="data:image/svg+xml,<svg onload=alert(1)>"><img src="a.jpg" alt="a"></picture>',
    '<picture><source srcset="&#106;avascript:alert(1) 1x"><img src="a.jpg" alt="a"></picture>',
    '<picture><source SRCSET="jav&#x09;ascript:alert(1)"><img src="a.jpg" alt="a"></picture>',
    '<img srcset="data:image/png;base64,AAAA 1x" src="a.jpg" alt="a">',
    '<img srcset="a.jpg 1x, javascript:alert(1) 2x" src="a.jpg" alt="a">',
    '<img srcset="https://evil.example/a.jpg 2x" src="a.jpg" alt="a">',
    '<video><source src="javascript:alert(1)"></video>',
  ];
  for (const markup of CASES) {
    it(markup, async () => {
      for (const md of [`Before. ${markup} After.`, `Before.\n\n${markup}\n\nAfter.`]) {
        const html = await expectSafeAndWhole(md, ['Before.', 'After.']);
        const smuggling = elements(parseOutput(html)).filter(
          (el) => el.tagName === 'source' || el.tagName === 'picture' || 'srcSet' in el.properties,
        );
        expect(smuggling).toEqual([]);
      }
    });
  }
});

describe('images from other sites never reach the page (the validation pass rejects them first)', () => {
  const REMOTE = [
    '![A photo](https://example.com/a.jpg)',
    '![A photo](HTTPS://EXAMPLE.COM/a.jpg)',
    '![A photo](//example.com/a.jpg)',
    '<img src="https://example.com/a.jpg" alt="a">',
    '<img src="//example.com/a.jpg" alt="a">',
    '<img src=" //example.com/a.jpg" alt="a">',
    '<img src="/\\example.com/a.jpg" alt="a">',
    '<img src="\\\\example.com/a.jpg" alt="a">',
    '<img src="/&#9;/example.com/a.jpg" alt="a">',
    '<img src="&#47;&#47;example.com/a.jpg" alt="a">',
    '<img src="http:example.com/a.jpg" alt="a">',
    '<img src="data:image/png;base64,AAAA" alt="a">',
  ];
  for (const markup of REMOTE) {
    it(markup, async () => {
      await expectSafeAndWhole(`Before. ${markup} After.`, ['Before.', 'After.']);
      await expectSafeAndWhole(`Before.\n\n${markup}\n\nAfter.`, ['Before.', 'After.']);
    });
  }

  it('local images keep their src', async () => {
    for (const src of ['./a.jpg', 'a.jpg', '/images/a.jpg', 'photos/a%20b.jpg']) {
      const html = await renderBody(`<img src="${src}" alt="a">`);
      expect(html).toContain(`src="${src}"`);
    }
  });
});

describe('ids and fragment links', () => {
  /** Every id of the output, in order. */
  const idsOf = (html: string) =>
    elements(parseOutput(html)).flatMap((el) => (typeof el.properties.id === 'string' ? [el.properties.id] : []));
  /** Every in-page link's target, without the '#'. */
  const fragmentsOf = (html: string) =>
    selectAll('a[href^="#"]', parseOutput(html)).map((a) => decodeURIComponent(String(a.properties.href).slice(1)));

  function expectIdsSound(html: string): void {
    const ids = idsOf(html);
    expect(new Set(ids).size, `duplicate ids: ${ids.join(' ')}`).toBe(ids.length);
    for (const id of ids) expect(id, html).toMatch(/^(p\d+(-\d+)?|user-content-.+)$/);
    // A fragment lands on an id, or else on an <a name>; `#top` (and `#`) mean the top of the page.
    const names = selectAll('a[name]', parseOutput(html)).map((a) => String(a.properties.name));
    for (const fragment of fragmentsOf(html)) {
      if (fragment !== 'top' && fragment !== '') expect([...ids, ...names], `#${fragment} points at nothing`).toContain(fragment);
    }
  }

  it('headings get prefixed ids that clobber no global and no paragraph id (as Astro renders them)', async () => {
    const html = await renderBodyAsAstro(
      'One.\n\nTwo.\n\n## __pwned\n\nThree.\n\nFour.\n\n## p4\n\nFive.\n\n## p4\n\n## Café crème\n\n## ???',
    );
    expectIdsSound(html);
    const ids = idsOf(html);
    expect(ids).not.toContain('__pwned');
    expect(ids.filter((id) => id === 'p4')).toHaveLength(1);
    expect(selectAll('h2', parseOutput(html)).map((h) => h.properties.id)).toEqual([
      'user-content-__pwned',
      'user-content-p4',
      'user-content-p4-1',
      'user-content-café-crème',
      'user-content-heading',
    ]);
    // #p4 is the fourth paragraph, not a heading.
    expect(selectAll('#p4', parseOutput(html)).map((el) => el.tagName)).toEqual(['p']);
  });

  it('footnotes: each reference links to its note and each note back to its reference', async () => {
    const md = 'A claim[^1] and another[^note], and the first again[^1].\n\n[^1]: The first note.\n[^note]: The second note.';
    for (const html of [await renderBody(md), await renderBodyAsAstro(md)]) {
      expectIdsSound(html);
      const tree = parseOutput(html);
      const refs = selectAll('a[data-footnote-ref]', tree);
      expect(refs.map((a) => a.properties.href)).toEqual(['#user-content-fn-1', '#user-content-fn-note', '#user-content-fn-1']);
      expect(selectAll('a[data-footnote-backref]', tree).map((a) => a.properties.href)).toEqual([
        '#user-content-fnref-1',
        '#user-content-fnref-1-2',
        '#user-content-fnref-note',
      ]);
      // aria-describedby names the "Footnotes" label.
      for (const a of refs) expect(idsOf(html)).toContain(String(a.properties.ariaDescribedBy));
    }
  });

  it('ids and names the editor writes are prefixed, and links to them follow', async () => {
    const html = await renderBody(
      '<p id="intro">Intro.</p>\n\nSee [the intro](#intro), <a href="#anchor">the anchor</a>, [paragraph two](#p2) and [the background](#background).\n\n<a name="anchor">Anchor.</a>\n\n## Background\n\n<h3 id="background">Also background</h3>\n\n[Back to the top](#top)',
    );
    expectIdsSound(html);
    const hrefs = selectAll('a[href]', parseOutput(html)).map((a) => a.properties.href);
    expect(hrefs).toEqual(['#user-content-intro', '#user-content-anchor', '#p2', '#user-content-background', '#top']);
    expect(selectAll('a[name]', parseOutput(html)).map((a) => a.properties.name)).toEqual(['user-content-anchor']);
  });

  it('an id written twice is kept once', async () => {
    const html = await renderBody('<p id="same">One.</p>\n\n<p id="same">Two.</p>');
    expectIdsSound(html);
  });

  it('a link to an id that is not in the article fails the build, naming the file and the link', async () => {
    await expect(renderBody('See [below](#nowhere).', `${process.cwd()}/content/articles/x/index.md`)).rejects.toThrow(
      'content/articles/x/index.md: body: link "#nowhere" points at nothing in the article',
    );
    await expect(renderBody('<a href="#__proto__">x</a>')).rejects.toThrow(/link "#__proto__" points at nothing/);
  });
});
