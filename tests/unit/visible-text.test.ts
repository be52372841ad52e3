/**
 * Text with no visible character: a headline of only a zero-width space is an invisible headline. The
 * schema refuses such text in every text field (title, standfirst, summary items, image alt, caption,
 * credit, byline names, section, tags, correction texts), and body images need visible alt text.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { articleSchema } from '../../src/content-model/article-schema.ts';
import { describeInvisible, hasVisibleCharacter } from '../../src/lib/visible-text.ts';
import { imagesWithoutAlt } from '../../src/plugins/rehype-image-alt.ts';
import { fromHtml } from 'hast-util-from-html';

/** Invisible on their own: each would make an empty-looking headline. */
const INVISIBLE = {
  'zero-width space': '\u200B',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'soft hyphen': '\u00AD',
  'byte order mark': '\uFEFF',
  'left-to-right mark': '\u200E',
  'right-to-left mark': '\u200F',
  'bidi isolate and override marks': '\u2066\u202E\u2069\u202C',
  'word joiner': '\u2060',
  'Hangul filler': '\u3164',
  'variation selector': '\uFE0F',
  'Braille blank': '\u2800',
  'Mongolian vowel separator': '\u180E',
  'tag characters': '\u{E0041}\u{E007F}',
  'no-break and ideographic spaces': '\u00A0\u3000\u2007',
  'a mix with spaces': ' \u200B \u200D\u00AD ',
};

/** Visible, though some contain invisible characters too (emoji joined by ZWJ, Arabic with marks). */
const VISIBLE = ['Budget vote delayed', '👩‍👩‍👧', '\u200BA', 'مرحبا\u200F', '東京', '·', '-', '\u0301', '0'];

describe('visible characters', () => {
  for (const [name, text] of Object.entries(INVISIBLE)) {
    it(`finds none in ${name}`, () => expect(hasVisibleCharacter(text)).toBe(false));
  }
  it('finds them in ordinary text, emoji sequences, other scripts, and text with invisible characters beside it', () => {
    for (const text of VISIBLE) expect(hasVisibleCharacter(text), JSON.stringify(text)).toBe(true);
  });
  it('describes what an invisible text holds, by code point and name', () => {
    expect(describeInvisible('\u200B')).toBe('U+200B zero-width space');
    expect(describeInvisible(' \u200D\u00AD\u200D ')).toBe('U+0020 space, U+200D zero-width joiner, U+00AD soft hyphen');
    expect(describeInvisible('\u{E0041}')).toBe('U+E0041');
    expect(describeInvisible('\u200B\u200C\u200D\u200E\u200F\u2060')).toBe(
      'U+200B zero-width space, U+200C zero-width non-joiner, U+200D zero-width joiner, U+200E left-to-right mark, and 2 more',
    );
  });
});

const schema = articleSchema(z.string());
const valid = { title: 'Budget vote delayed', summary: ['One point.'], image: { src: './photo.jpg', alt: 'A chamber.' } };
const messages = (data: unknown): string[] => {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('text fields with no visible character', () => {
  it('a headline of only a zero-width space is refused, saying what it holds', () => {
    expect(messages({ ...valid, title: '\u200B' })).toEqual([
      'title: has no visible characters (only U+200B zero-width space); write the text itself',
    ]);
  });

  it('every text field refuses invisible text', () => {
    const data = {
      ...valid,
      title: '\u200D',
      standfirst: '\u00AD',
      summary: ['A point.', '\u2060\u200E'],
      image: { src: './photo.jpg', alt: '\u3164', caption: '\u200F', credit: '\u{E0020}' },
      byline: [{ name: '\u200C' }],
      section: '\u2800',
      tags: ['Politics', '\uFE0F'],
      corrections: [{ date: '2026-11-28', text: '\u2066\u2069' }],
    };
    const fields = messages(data).map((m) => m.split(': ')[0]);
    expect(fields).toEqual([
      'title',
      'standfirst',
      'summary.1',
      'image.alt',
      'image.caption',
      'image.credit',
      'byline.0.name',
      'section',
      'tags.1',
      'corrections.0.text',
    ]);
    expect(messages(data).every((m) => m.includes('has no visible characters'))).toBe(true);
  });

  it('an empty field is reported once, as empty', () => {
    expect(messages({ ...valid, title: ' \uFEFF ' })).toEqual(['title: must not be empty']);
  });

  it('keeps text with invisible characters beside visible ones, as written', () => {
    for (const title of VISIBLE) {
      const result = schema.safeParse({ ...valid, title });
      expect(result.success, JSON.stringify(title)).toBe(true);
    }
    expect(schema.parse({ ...valid, title: 'Family 👩‍👩‍👧 day' }).title).toBe('Family 👩‍👩‍👧 day');
  });
});

describe('body images with invisible alt text', () => {
  it('count as images without alt text', () => {
    const tree = fromHtml(
      '<img src="a.jpg" alt="\u200B"><img src="b.jpg" alt="\u00AD\u200D"><img src="c.jpg" alt=" "><img src="d.jpg" alt="A chamber\u200B">',
      { fragment: true },
    );
    expect(imagesWithoutAlt(tree)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
  });
});
