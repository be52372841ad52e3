/**
 * The link-preview card: the lead photo cropped to 1200×630, darkened towards the bottom, with the
 * headline and the site name set in Source Serif 4, or for other scripts in the fonts of
 * src/publishing/card-fonts.ts (npm packages: nothing is downloaded at build). A headline in a right-to-left
 * script (Arabic, Hebrew) is set right to left, from the right margin.
 * Text becomes vector paths (satori), so the card is identical on every machine; sharp rasterises
 * and encodes it as JPEG.
 *
 * Cost (npm run bench): the photo is decoded, cropped and shaded once per photo, not per card; the text is
 * rasterised only over the rows it covers and laid over the shaded photo here, so a card costs its text
 * layout, a small rasterisation and one JPEG encoding.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { emojiPictures, loadCardFonts, textDirection } from './card-fonts.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN_X = 64;
const MARGIN_Y = 56;

/** Headline size in px: long headlines get smaller type so they fit in at most four lines. */
export function headlineFontSize(headline: string): number {
  const n = [...headline].length;
  if (n <= 50) return 72;
  if (n <= 80) return 62;
  if (n <= 120) return 54;
  return 46;
}

/** Headlines past 150 characters are cut at a word boundary with an ellipsis, so the card holds at most four lines. */
export function clampHeadline(headline: string, max = 150): string {
  const chars = [...headline];
  if (chars.length <= max) return headline;
  const cut = chars.slice(0, max).join('');
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/, '')}…`;
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

/**
 * The darkening over the photo, from transparent-ish at the top to near-black at the bottom, so the headline
 * reads on any photo: stops (position 0–1 from the top, opacity) of one colour, interpolated linearly.
 */
const SHADE_RGB = [8, 12, 20] as const;
const SHADE_STOPS = [
  [0, 0.05],
  [0.45, 0.62],
  [1, 0.92],
] as const;

/** The shade's opacity at `t` (0 = top, 1 = bottom). */
export function shadeOpacity(t: number): number {
  for (let i = 1; i < SHADE_STOPS.length; i++) {
    const [at, opacity] = SHADE_STOPS[i]!;
    const [prevAt, prevOpacity] = SHADE_STOPS[i - 1]!;
    if (t <= at) return prevOpacity + ((opacity - prevOpacity) * (t - prevAt)) / (at - prevAt);
  }
  return SHADE_STOPS[SHADE_STOPS.length - 1]![1];
}

/** The text of the card (headline, site name) as SVG with text as paths, on a transparent ground. */
export async function cardOverlaySvg(headline: string, siteName: string): Promise<string> {
  const text = clampHeadline(headline);
  const [fonts, graphemeImages] = await Promise.all([
    loadCardFonts([
      { text: siteName, weight: 600 },
      { text, weight: 700 },
    ]),
    emojiPictures(`${siteName} ${text}`, '#ffffff'),
  ]);
  const size = headlineFontSize(headline);
  const tree = h('div', { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', color: '#ffffff' }, [
    // Text block anchored to the bottom-left margin, growing upwards as the headline gets longer.
    h('div', { position: 'absolute', left: MARGIN_X, right: MARGIN_X, bottom: MARGIN_Y, display: 'flex', flexDirection: 'column' }, [
      h('div', { display: 'flex', fontSize: 28, fontWeight: 600, letterSpacing: 1, color: '#f3d9a4', marginBottom: 18 }, siteName),
      h(
        'div',
        { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: `${Math.round(size * 1.15)}px`, direction: textDirection(text) },
        text,
      ),
    ]),
  ]);
  return satori(tree as never, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    ...(Object.keys(graphemeImages).length > 0 && { graphemeImages }),
  });
}

/** Room above the text block for glyphs that reach past their line (accents, marks). */
const TEXT_OVERSHOOT = 40;

/**
 * The first row the text can touch: satori writes the text block's layout box as the clip rectangle of its
 * first element (`<mask id="satori_om-id-0"><rect … y="…">`); only the rows below it need drawing. When the
 * SVG is not shaped as expected, the whole card (row 0).
 */
export function textTop(svg: string): number {
  const y = Number(/<mask id="satori_om-id-0"><rect x="[^"]*" y="([\d.]+)"/.exec(svg)?.[1]);
  return Number.isFinite(y) ? Math.max(0, Math.floor(y) - TEXT_OVERSHOOT) : 0;
}

/** The SVG cut to the rows from `top` down (same drawing, smaller canvas: rasterising costs by area). */
function svgFrom(svg: string, top: number): string {
  const root = `width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}"`;
  if (top === 0 || !svg.includes(root)) return svg;
  return svg.replace(root, `width="${CARD_WIDTH}" height="${CARD_HEIGHT - top}" viewBox="0 ${top} ${CARD_WIDTH} ${CARD_HEIGHT - top}"`);
}

/**
 * How the photo is cropped and the card encoded: standard Huffman tables (optimiseCoding off) halve the encoding
 * time (5.2 → 2.3 ms CPU) for ~10 % more bytes (51 → 56 KB for the seed's card), which only link-preview crawlers
 * fetch; mozjpeg saved ~30 % bytes but doubled the time.
 */
const CROP = { fit: 'cover', position: 'attention' } as const;
const JPEG = { quality: 80, optimiseCoding: false } as const;

/**
 * The photo cropped to the card and shaded, as raw RGB: the part every card of one photo shares. Kept for the
 * last few photos (by content hash), so a photo used by several articles is decoded and cropped once.
 */
const backgrounds = new Map<string, Promise<Buffer>>();
const KEEP_BACKGROUNDS = 8;

async function shadedBackground(photo: Buffer, photoKey: string): Promise<Buffer> {
  const { data } = await sharp(photo)
    .resize(CARD_WIDTH, CARD_HEIGHT, CROP)
    .flatten()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let y = 0; y < CARD_HEIGHT; y++) {
    const a = shadeOpacity((y + 0.5) / CARD_HEIGHT);
    const [r, g, b] = SHADE_RGB.map((c) => c * a);
    for (let i = y * CARD_WIDTH * 3, end = i + CARD_WIDTH * 3; i < end; i += 3) {
      data[i] = Math.round(data[i]! * (1 - a) + r!);
      data[i + 1] = Math.round(data[i + 1]! * (1 - a) + g!);
      data[i + 2] = Math.round(data[i + 2]! * (1 - a) + b!);
    }
  }
  if (data.length !== CARD_WIDTH * CARD_HEIGHT * 3) throw new Error(`social card: the photo (${photoKey}) did not crop to RGB`);
  return data;
}

function background(photo: Buffer, photoKey: string): Promise<Buffer> {
  let shaded = backgrounds.get(photoKey);
  if (!shaded) {
    shaded = shadedBackground(photo, photoKey);
    backgrounds.set(photoKey, shaded);
    shaded.catch(() => backgrounds.delete(photoKey));
    if (backgrounds.size > KEEP_BACKGROUNDS) backgrounds.delete(backgrounds.keys().next().value!);
  }
  return shaded;
}

/** The card: the shaded photo with the text laid over it (only the rows the text touches are drawn), as JPEG. */
async function drawCard(photo: Buffer, photoKey: string, overlay: string): Promise<Buffer> {
  const top = textTop(overlay);
  const [ground, text] = await Promise.all([
    background(photo, photoKey),
    sharp(Buffer.from(svgFrom(overlay, top)))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  const card = Buffer.from(ground);
  const ink = text.data;
  if (text.info.width !== CARD_WIDTH || text.info.channels !== 4) throw new Error('social card: the text did not rasterise to RGBA');
  for (let p = 0, q = top * CARD_WIDTH * 3; p < ink.length; p += 4, q += 3) {
    const a = ink[p + 3]!;
    if (a === 0) continue;
    const rest = 255 - a;
    card[q] = Math.round((ink[p]! * a + card[q]! * rest) / 255);
    card[q + 1] = Math.round((ink[p + 1]! * a + card[q + 1]! * rest) / 255);
    card[q + 2] = Math.round((ink[p + 2]! * a + card[q + 2]! * rest) / 255);
  }
  return sharp(card, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } })
    .jpeg(JPEG)
    .toBuffer();
}

export interface RenderOptions {
  /**
   * Folder of finished cards, keyed by a hash of everything that shapes one (the text SVG, the
   * photo's bytes, the crop, shade and encoding settings, libvips' version): an unchanged card is copied,
   * not redrawn. Default: none.
   */
  cacheDir?: string | undefined;
}

/** Render the card as a JPEG from the lead photo's file. */
export async function renderSocialCard(
  photoPath: string,
  headline: string,
  siteName: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  const [overlay, photo] = await Promise.all([cardOverlaySvg(headline, siteName), readFile(photoPath)]);
  const photoKey = createHash('sha256').update(photo).digest('hex');
  if (!options.cacheDir) return drawCard(photo, photoKey, overlay);

  const key = createHash('sha256')
    .update(overlay)
    .update(photoKey)
    .update(JSON.stringify({ CROP, JPEG, CARD_WIDTH, CARD_HEIGHT, SHADE_RGB, SHADE_STOPS, vips: sharp.versions.vips }))
    .digest('hex');
  const cached = path.join(options.cacheDir, `${key}.jpg`);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit) return hit;
  const jpeg = await drawCard(photo, photoKey, overlay);
  await mkdir(options.cacheDir, { recursive: true });
  // Write then rename: a build running beside this one never reads half a file.
  const partial = `${cached}.${process.pid}.partial`;
  await writeFile(partial, jpeg);
  await rename(partial, cached);
  return jpeg;
}
