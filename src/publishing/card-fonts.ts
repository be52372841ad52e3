/**
 * Fonts for the link-preview card (src/publishing/social-card.ts), all from npm packages (nothing is
 * downloaded at build), loaded only when a headline needs them:
 *
 * - Source Serif 4 (`@fontsource/source-serif-4`): Latin, Latin Extended, Vietnamese, Greek, Cyrillic;
 * - Amiri (`@fontsource/amiri`): Arabic, Persian, Urdu;
 * - Noto Serif Hebrew (`@fontsource/noto-serif-hebrew`);
 * - Noto Emoji (`@fontsource-variable/noto-emoji`): emoji, drawn in one colour like the text;
 * - Noto Serif SC / JP / KR (`@fontsource-variable/noto-serif-*`): Chinese, Japanese, Korean. The
 *   font of the headline's language goes first (kana: Japanese; Hangul: Korean; else Chinese), the
 *   others stand behind it for characters it lacks.
 *
 * Fontsource splits each family into files by Unicode range (its `unicode.json`); only the files
 * with a character of the text are read, once per process. A Latin headline reads the same two
 * files as before. The variable CJK and emoji families are drawn at their default (regular) weight:
 * satori does not apply variations, and the static CJK packages are ~90 MB each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';

const require = createRequire(import.meta.url);

interface Family {
  /** The name satori knows the font by. */
  name: string;
  /** The fontsource package. */
  pkg: string;
  /** Variable fonts have one file per range for every weight. */
  variable: boolean;
}

const SERIF: Family = { name: 'Source Serif 4', pkg: '@fontsource/source-serif-4', variable: false };
const ARABIC: Family = { name: 'Amiri', pkg: '@fontsource/amiri', variable: false };
const HEBREW: Family = { name: 'Noto Serif Hebrew', pkg: '@fontsource/noto-serif-hebrew', variable: false };
const EMOJI: Family = { name: 'Noto Emoji', pkg: '@fontsource-variable/noto-emoji', variable: true };
const CHINESE: Family = { name: 'Noto Serif SC', pkg: '@fontsource-variable/noto-serif-sc', variable: true };
const JAPANESE: Family = { name: 'Noto Serif JP', pkg: '@fontsource-variable/noto-serif-jp', variable: true };
const KOREAN: Family = { name: 'Noto Serif KR', pkg: '@fontsource-variable/noto-serif-kr', variable: true };

const KANA = /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u;

/** The families to look in, in order, for a text. */
function familiesFor(text: string): Family[] {
  const cjk = KANA.test(text) ? [JAPANESE, CHINESE, KOREAN] : HANGUL.test(text) ? [KOREAN, CHINESE, JAPANESE] : [CHINESE, JAPANESE, KOREAN];
  return [SERIF, ARABIC, HEBREW, EMOJI, ...cjk];
}

interface Subset {
  /** The key in the file names: `latin`, `greek`, `12`. */
  name: string;
  ranges: [number, number][];
}

const packageDir = (family: Family) => path.dirname(require.resolve(`${family.pkg}/package.json`));
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const subsetCache = new Map<Family, { subsets: Subset[]; weights: number[] }>();

/** A family's files by Unicode range, and its weights, from the package's own metadata. */
function familyData(family: Family): { subsets: Subset[]; weights: number[] } {
  let data = subsetCache.get(family);
  if (!data) {
    const dir = packageDir(family);
    const unicode = JSON.parse(readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const metadata = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as { weights: number[] };
    const subsets = Object.entries(unicode).map(([key, value]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: value.split(',').map((range): [number, number] => {
        const [from = '', to = from] = range.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
      }),
    }));
    data = { subsets, weights: metadata.weights };
    subsetCache.set(family, data);
  }
  return data;
}

const covers = (subset: Subset, codePoint: number) => subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** The weight a static family has nearest to the one asked for (Amiri has 400 and 700 only). */
function nearestWeight(weights: number[], weight: number): number {
  return weights.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best), weights[0] ?? weight);
}

const fileNames = new Map<string, string>();

function fontFile(family: Family, subset: string, weight: number): string {
  const key = `${family.pkg}/${subset}/${weight}`;
  let file = fileNames.get(key);
  if (!file) {
    const id = family.pkg.split('/')[1]!;
    const base = path.join(packageDir(family), 'files', `${id}-${subset}-${family.variable ? 'wght' : weight}-normal`);
    // WOFF where the package has it (satori reads it without decompressing), else WOFF2.
    file = existsSync(`${base}.woff`) ? `${base}.woff` : `${base}.woff2`;
    fileNames.set(key, file);
  }
  return file;
}

/** Characters that need no glyph of their own (spaces, joiners, variation selectors, marks of direction). */
// eslint-disable-next-line no-misleading-character-class -- joiners and selectors listed one by one, not combined
const NO_GLYPH = /[\s\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

interface CardFont {
  name: string;
  /** The font file. */
  file: string;
  weight: number;
}

export interface FontChoice {
  /** The files that draw the text, in the order satori should try them (emoji are pictures: `emojiPictures`). */
  fonts: CardFont[];
  /** Characters none of the card's fonts can draw (they would show as empty boxes). */
  missing: string[];
}

/** The font files needed to draw each text at its weight. */
export function chooseCardFonts(texts: readonly { text: string; weight: number }[]): FontChoice {
  const chosen = new Map<string, CardFont & { rank: number }>();
  const missing = new Set<string>();
  for (const { text, weight } of texts) {
    // Source Serif's Latin file always: satori needs a font even for a headline it cannot draw.
    const latin = fontFile(SERIF, 'latin', weight);
    if (!chosen.has(`${latin}@${weight}`)) chosen.set(`${latin}@${weight}`, { name: `${SERIF.name} latin`, file: latin, weight, rank: 0 });
    const families = familiesFor(text);
    const emoji = new Set(emojiGraphemes(text));
    const chars = [...graphemes.segment(text)].flatMap(({ segment }) => (emoji.has(segment) ? [] : [...segment]));
    for (const char of chars) {
      if (NO_GLYPH.test(char)) continue;
      const codePoint = char.codePointAt(0)!;
      let found = false;
      for (const [rank, family] of families.entries()) {
        const { subsets, weights } = familyData(family);
        const subset = subsets.find((s) => covers(s, codePoint));
        if (!subset) continue;
        const w = family.variable ? weight : nearestWeight(weights, weight);
        const file = fontFile(family, subset.name, w);
        const key = `${file}@${weight}`;
        // One name per file: satori looks for a missing glyph in fonts of other names only.
        if (!chosen.has(key)) chosen.set(key, { name: `${family.name} ${subset.name}`, file, weight, rank });
        found = true;
        break;
      }
      if (!found) missing.add(char);
    }
  }
  const fonts = [...chosen.values()].sort((a, b) => a.rank - b.rank).map(({ name, file, weight }) => ({ name, file, weight }));
  return { fonts, missing: [...missing] };
}

/** Characters of the text that no card font can draw. */
export const missingCardGlyphs = (text: string): string[] => chooseCardFonts([{ text, weight: 700 }]).missing;

const fileCache = new Map<string, Promise<Buffer>>();
function readFont(file: string): Promise<Buffer> {
  let data = fileCache.get(file);
  if (!data) {
    data = readFile(file);
    fileCache.set(file, data);
  }
  return data;
}
const setCache = new Map<string, Promise<SatoriFont[]>>();

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 600 | 700 | 400 | 500 | 100 | 200 | 300 | 800 | 900;
  style: 'normal';
}

/**
 * The fonts for satori, read once per process. The same set of files gives the very same array,
 * so satori reuses the fonts it has parsed (its cache is keyed by the array and the font data).
 */
export function loadCardFonts(texts: readonly { text: string; weight: number }[]): Promise<SatoriFont[]> {
  const { fonts } = chooseCardFonts(texts);
  const key = fonts.map((f) => `${f.file}@${f.weight}`).join('\n');
  let set = setCache.get(key);
  if (!set) {
    set = Promise.all(
      fonts.map(async (font) => {
        return { name: font.name, data: await readFont(font.file), weight: font.weight as SatoriFont['weight'], style: 'normal' as const };
      }),
    );
    setCache.set(key, set);
  }
  return set;
}

/**
 * `rtl` when the first letter of the text is in a right-to-left script (Arabic, Hebrew, Syriac,
 * Thaana, N'Ko, …), as a browser decides for `dir="auto"`; else `ltr`.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first &&
    /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u.test(
      first,
    )
    ? 'rtl'
    : 'ltr';
}

/**
 * A grapheme drawn as an emoji picture: anything with an emoji's presentation (the default for most
 * emoji, or asked for with U+FE0F), a keycap, a flag (two regional indicators), a skin tone or a
 * ZWJ sequence. `©`, `™` or `↔` without U+FE0F stay text, in the text's font.
 */
const EMOJI_LIKE = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200D/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** The emoji graphemes of a text, each once, in order. */
export function emojiGraphemes(text: string): string[] {
  const found = new Set<string>();
  for (const { segment } of graphemes.segment(text)) {
    if (PICTOGRAPH.test(segment) && EMOJI_LIKE.test(segment) && !segment.includes('\uFE0E')) found.add(segment);
  }
  return [...found];
}

const EMOJI_BOX = 128;
// eslint-disable-next-line no-misleading-character-class -- joiners and selectors listed one by one, not combined
const JOINERS = /[\u200D\uFE0E\uFE0F]/gu;
const pictureCache = new Map<string, Promise<string>>();

/**
 * One emoji as an SVG picture (a data: URL), drawn alone with the one Noto Emoji file that has all
 * of it, in the card's text colour. Satori draws each grapheme of `graphemeImages` this way, sized
 * to the font size. (Drawing emoji as text fails after the first one: satori remembers the font of
 * a character by its first UTF-16 unit, shared by most emoji, so a second emoji from another file of
 * the split font would show an empty box.)
 */
function emojiPicture(grapheme: string, color: string): Promise<string> {
  const key = `${color}\n${grapheme}`;
  let picture = pictureCache.get(key);
  if (!picture) {
    picture = (async () => {
      const codePoints = [...grapheme.replace(JOINERS, '')].map((c) => c.codePointAt(0)!);
      const { subsets } = familyData(EMOJI);
      const best = subsets
        .map((subset) => ({ subset, n: codePoints.filter((cp) => covers(subset, cp)).length }))
        .reduce((a, b) => (b.n > a.n ? b : a));
      const data = await readFont(fontFile(EMOJI, best.subset.name, 400));
      const svg = await satori(
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              width: EMOJI_BOX,
              height: EMOJI_BOX,
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: EMOJI_BOX * 0.92,
              lineHeight: 1,
              color,
            },
            children: grapheme,
          },
        } as never,
        { width: EMOJI_BOX, height: EMOJI_BOX, fonts: [{ name: 'Noto Emoji', data, weight: 400, style: 'normal' }] },
      );
      return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    })();
    pictureCache.set(key, picture);
  }
  return picture;
}

/** Pictures for the emoji of a text, for satori's `graphemeImages`. */
export async function emojiPictures(text: string, color: string): Promise<Record<string, string>> {
  const graphemes = emojiGraphemes(text);
  const pictures = await Promise.all(graphemes.map((g) => emojiPicture(g, color)));
  return Object.fromEntries(graphemes.map((g, i) => [g, pictures[i]!]));
}
