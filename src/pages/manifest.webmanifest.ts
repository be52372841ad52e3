/** Web app manifest: name, colours and icons, with base-aware URLs. */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { BRAND } from '../styles/brand.ts';
import { SITE_FILES } from '../lib/urls.ts';
import { sitePath } from '../site-urls.ts';

export const GET: APIRoute = () => {
  const manifest = {
    name: SITE.name,
    short_name: SITE.name,
    description: SITE.description,
    lang: SITE.lang,
    start_url: sitePath(),
    scope: sitePath(),
    display: 'browser',
    background_color: BRAND.background.light,
    theme_color: BRAND.accent,
    icons: [
      { src: sitePath(SITE_FILES.favicon), type: 'image/svg+xml', sizes: 'any' },
      { src: sitePath(SITE_FILES.icon192), type: 'image/png', sizes: '192x192' },
      { src: sitePath(SITE_FILES.icon512), type: 'image/png', sizes: '512x512' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
