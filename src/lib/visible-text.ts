/**
 * Whether a text shows anything. A headline of only a zero-width space is an invisible headline: the
 * page, the feeds and the link previews would carry an empty title. "Invisible" is what draws nothing
 * on its own:
 *
 * - white space of every kind (`White_Space`: spaces, no-break and ideographic spaces, line breaks);
 * - control and format characters (`Cc`, `Cf`: zero-width space and joiners, soft hyphen, byte order
 *   mark, bidirectional marks, isolates and overrides, word joiner, tag characters);
 * - what Unicode says to show as nothing when a font lacks it (`Default_Ignorable_Code_Point`:
 *   variation selectors, Hangul fillers, combining grapheme joiner);
 * - U+2800 BRAILLE PATTERN BLANK, a blank glyph often used to fake an empty name.
 *
 * Text with such characters beside visible ones is kept as written (a ZWJ inside 👩‍👩‍👧, an RLM after
 * an Arabic word). Pure functions.
 */

/** Any code point that is not invisible. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Whether `text` has at least one character that shows. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** Names of the invisible characters editors meet, for messages. */
const NAMES: Record<number, string> = {
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x20: 'space',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x180e: 'Mongolian vowel separator',
  0x2007: 'figure space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x2800: 'Braille pattern blank',
  0x3000: 'ideographic space',
  0x3164: 'Hangul filler',
  0xfe0f: 'variation selector-16',
  0xfeff: 'byte order mark',
  0xffa0: 'halfwidth Hangul filler',
};

const SHOWN = 4;

/**
 * The distinct characters of an invisible text, for a message: `U+200B zero-width space, U+200D
 * zero-width joiner`, at most four, then "and N more".
 */
export function describeInvisible(text: string): string {
  const codePoints = [...new Set([...text].map((c) => c.codePointAt(0)!))];
  const shown = codePoints.slice(0, SHOWN).map((cp) => {
    const name = NAMES[cp];
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}`;
  });
  const more = codePoints.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : shown.join(', ');
}
