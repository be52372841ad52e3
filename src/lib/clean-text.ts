/**
 * Characters that are not text, and what happens to them. One definition for every place text
 * leaves the project: the article schema cleans frontmatter text, rehype-clean-text cleans the body,
 * and every XML writer (rss.xml, sitemap.xml) passes its finished document through `xmlSafe`.
 *
 * "Not text" is what XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets: C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates), plus what it
 * discourages and HTML reports as a parse error: DEL, the C1 controls and the other noncharacters
 * (U+FDD0–U+FDEF and the last two code points of every plane). Editors never mean them: they come
 * with copy pasted from word processors and old systems, and one of them makes a feed unreadable.
 *
 * Characters that separate words (a vertical tab is a word processor's line break; form feed; NEL)
 * become a space, so the words either side stay two words. The rest are removed.
 */

/** Word-separating controls: VT, FF, NEL. */
const SEPARATORS = /[\v\f\u0085]/g;

/**
 * Everything that is not text (see above). With the `u` flag a lone surrogate is one code point
 * (U+D800–U+DFFF), outside every allowed range; a well-formed pair is one astral code point.
 */
const NOT_TEXT =
  /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E0000}-\u{EFFFD}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

/** Whether a code point is text (see above). */
function isTextCodePoint(codePoint: number): boolean {
  NOT_TEXT.lastIndex = 0;
  return codePoint >= 0 && codePoint <= 0x10ffff && !NOT_TEXT.test(String.fromCodePoint(codePoint));
}

/** Text with word-separating controls turned into spaces and every other non-text character removed. */
export function cleanText(text: string): string {
  return text.replace(SEPARATORS, ' ').replace(NOT_TEXT, '');
}

/** Whether `cleanText` would change the text. */
export function hasNonText(text: string): boolean {
  SEPARATORS.lastIndex = 0;
  NOT_TEXT.lastIndex = 0;
  return SEPARATORS.test(text) || NOT_TEXT.test(text);
}

/** A numeric character reference, decimal or hexadecimal. */
const CHARACTER_REFERENCE = /&#(?:x([0-9a-f]+)|([0-9]+));/gi;

/**
 * A finished XML document made well-formed as far as characters go: non-text characters are cleaned
 * as in `cleanText`, and numeric character references to them (`&#1;`, `&#xB;`), which XML forbids
 * as much as the characters, are removed or, for separators, become a space. Markup never contains
 * such characters, so this only touches text; text that says `&#1;` literally is escaped as
 * `&amp;#1;` and is left alone. The last step of every XML writer.
 */
export function xmlSafe(xml: string): string {
  return cleanText(xml).replace(CHARACTER_REFERENCE, (reference, hex: string | undefined, decimal: string | undefined) => {
    const codePoint = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
    if (isTextCodePoint(codePoint)) return reference;
    return codePoint === 0x0b || codePoint === 0x0c || codePoint === 0x85 ? ' ' : '';
  });
}
