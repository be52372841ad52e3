/**
 * The link-preview card: the lead photo cropped to 1200×630, darkened towards the bottom, with the
 * headline and the site name set in Source Serif 4, or for other scripts in the fonts of
 * src/publishing/card-fonts.ts (npm packages: nothing is downloaded at build). A headline in a right-to-left
 * script (Arabic, Hebrew) is set right to left, from the right margin.
 * Text becomes vector paths (satori), so the card is identical on every machine; sharp rasterises
 * and encodes it as JPEG.
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

/** The overlay (gradient, headline, site name) as SVG with text as paths. */
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
  const tree = h(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      backgroundImage: 'linear-gradient(to bottom, rgba(8,12,20,0.05) 0%, rgba(8,12,20,0.62) 45%, rgba(8,12,20,0.92) 100%)',
      color: '#ffffff',
    },
    [
      // Text block anchored to the bottom-left margin, growing upwards as the headline gets longer.
      h('div', { position: 'absolute', left: MARGIN_X, right: MARGIN_X, bottom: MARGIN_Y, display: 'flex', flexDirection: 'column' }, [
        h('div', { display: 'flex', fontSize: 28, fontWeight: 600, letterSpacing: 1, color: '#f3d9a4', marginBottom: 18 }, siteName),
        h(
          'div',
          { display: 'flex', fontSize: size, fontWeight: 700, lineHeight: `${Math.round(size * 1.15)}px`, direction: textDirection(text) },
          text,
        ),
      ]),
    ],
  );
  return satori(tree as never, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    ...(Object.keys(graphemeImages).length > 0 && { graphemeImages }),
  });
}

/** How the photo is cropped and the card encoded (plain libjpeg: mozjpeg saved ~30 % bytes but doubled the time). */
const CROP = { fit: 'cover', position: 'attention' } as const;
const JPEG = { quality: 80 } as const;

export interface RenderOptions {
  /**
   * Folder of finished cards, keyed by a hash of everything that shapes one (the overlay SVG, the
   * photo's bytes, the crop and encoding settings, libvips' version): an unchanged card is copied,
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
  const draw = () =>
    sharp(photo)
      .resize(CARD_WIDTH, CARD_HEIGHT, CROP)
      .composite([{ input: Buffer.from(overlay) }])
      .jpeg(JPEG)
      .toBuffer();
  if (!options.cacheDir) return draw();

  const key = createHash('sha256')
    .update(overlay)
    .update(photo)
    .update(JSON.stringify({ CROP, JPEG, CARD_WIDTH, CARD_HEIGHT, vips: sharp.versions.vips }))
    .digest('hex');
  const cached = path.join(options.cacheDir, `${key}.jpg`);
  const hit = await readFile(cached).catch(() => undefined);
  if (hit) return hit;
  const jpeg = await draw();
  await mkdir(options.cacheDir, { recursive: true });
  // Write then rename: a build running beside this one never reads half a file.
  const partial = `${cached}.${process.pid}.partial`;
  await writeFile(partial, jpeg);
  await rename(partial, cached);
  return jpeg;
}
