/** Web app manifest: name, colours and icons, with base-aware URLs. */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { withBase, SITE_FILES } from '../lib/urls.ts';

export const GET: APIRoute = () => {
  const base = import.meta.env.BASE_URL;
  const manifest = {
    name: SITE.name,
    short_name: SITE.name,
    description: SITE.description,
    lang: SITE.lang,
    start_url: withBase('', base),
    scope: withBase('', base),
    display: 'browser',
    background_color: '#fdfcf9',
    theme_color: '#a3191b',
    icons: [
      { src: withBase(SITE_FILES.favicon, base), type: 'image/svg+xml', sizes: 'any' },
      { src: withBase(SITE_FILES.icon192, base), type: 'image/png', sizes: '192x192' },
      { src: withBase(SITE_FILES.icon512, base), type: 'image/png', sizes: '512x512' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
