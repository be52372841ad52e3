/**
 * An entry must be UTF-8. Read any other way, a byte that is not UTF-8 (an `é` saved as Windows-1252 or
 * Latin-1, half a character cut off by a careless copy) becomes U+FFFD "�" on the page without a word,
 * and a UTF-16 file (what some Windows editors save as "Unicode") becomes a frontmatter that cannot be
 * found. Both are problems naming the file:
 *
 * - `<file>: body: not valid UTF-8 at line 12 (byte E9 after "A caf"); save the file as UTF-8`
 *   (`frontmatter` when the line is in the frontmatter); the other checks still read the rest;
 * - `<file>: file: is saved as UTF-16, which the build cannot read; save the file as UTF-8`, found by its
 *   byte order mark or, without one, by the zero bytes every other byte of mostly-ASCII text has. Nothing
 *   else is checked in such a file: read as UTF-8 it is noise.
 *
 * A UTF-8 byte order mark is fine (Astro skips it), and so is a U+FFFD written on purpose. Pure functions.
 */
import type { EntryProblem } from './entry-checks.ts';

const FIX = 'save the file as UTF-8';

/** `UTF-16` or `UTF-32` when the bytes are in one of them (by byte order mark, or by their zero bytes). */
export function wideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  // Without a byte order mark: text in the Latin script has a zero byte in every other place.
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = sample.length / 2;
  return even > half * 0.4 || odd > half * 0.4 ? 'UTF-16' : undefined;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one (WHATWG's decoder's rules). */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0; // no overlong forms
    if (lead === 0xed) high = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f; // nothing past U+10FFFF
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/** Where the first bytes that are not UTF-8 are: their offset and how many follow in a row (at most 4). */
export function invalidUtf8(bytes: Uint8Array): { offset: number; length: number } | undefined {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && end - i < 4 && sequenceAt(bytes, end) === 0) end++;
    return { offset: i, length: end - i };
  }
  return undefined;
}

/** Astro's frontmatter: `---` (or `+++`) at the top, up to the next such line. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');

/** The encoding problem of an entry's bytes, or undefined when they are UTF-8. */
export function encodingProblem(file: string, bytes: Uint8Array): EntryProblem | undefined {
  const wide = wideEncoding(bytes);
  if (wide) return { file, field: 'file', problem: `is saved as ${wide}, which the build cannot read; ${FIX}`, level: 'error' };
  const invalid = invalidUtf8(bytes);
  if (!invalid) return undefined;
  const decoder = new TextDecoder('utf-8');
  const before = bytes.subarray(0, invalid.offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
  const text = decoder.decode(bytes);
  const frontmatter = FRONTMATTER.exec(text);
  const frontmatterLines = frontmatter ? (text.slice(0, frontmatter.index + frontmatter[0].length).match(/\n/g)?.length ?? 0) + 1 : 0;
  const field = line <= frontmatterLines ? 'frontmatter' : 'body';
  const shown = [...bytes.subarray(invalid.offset, invalid.offset + invalid.length)].map(hex).join(' ');
  // What comes before it on the line: the last 30 characters or so, from a word's start.
  const chars = [...decoder.decode(bytes.subarray(lineStart, invalid.offset))];
  const lead =
    chars.length > 30
      ? `…${chars
          .slice(-30)
          .join('')
          .replace(/^\S*\s/, '')}`
      : chars.join('');
  const where = lead === '' ? 'at the start of the line' : `after ${JSON.stringify(lead)}`;
  return {
    file,
    field,
    problem: `not valid UTF-8 at line ${line} (${invalid.length === 1 ? 'byte' : 'bytes'} ${shown} ${where}); ${FIX}`,
    level: 'error',
  };
}
