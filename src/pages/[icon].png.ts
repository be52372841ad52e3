/** PNG icons rasterised at build from src/assets/icon.svg (served as is as favicon.svg, by favicon.svg.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import iconSvg from '../assets/icon.svg?raw';
import { SITE_FILES } from '../lib/urls.ts';

const ICONS = {
  [SITE_FILES.icon32]: { size: 32 },
  [SITE_FILES.icon192]: { size: 192 },
  [SITE_FILES.icon512]: { size: 512 },
  // iOS rounds the corners itself and dislikes transparency: full-bleed background.
  [SITE_FILES.appleTouchIcon]: { size: 180 },
} as const;

export const getStaticPaths = (() =>
  // Drawn from code alone: the key only has to name the icon (Astro re-renders when the code changes).
  Object.keys(ICONS).map((file) => ({ params: { icon: file.replace(/\.png$/, '') }, cacheKey: file }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { size } = ICONS[`${params.icon}.png` as keyof typeof ICONS];
  const svg = params.icon === 'apple-touch-icon' ? iconSvg.replace('rx="12"', 'rx="0"') : iconSvg;
  const png = await sharp(Buffer.from(svg), { density: Math.ceil((72 * size) / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
