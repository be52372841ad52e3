/** The SVG favicon: src/assets/icon.svg as it is (the PNG icons are rasterised from it by [icon].png.ts). */
import type { APIRoute } from 'astro';
import iconSvg from '../assets/icon.svg?raw';

export const GET: APIRoute = () => new Response(iconSvg, { headers: { 'content-type': 'image/svg+xml' } });
