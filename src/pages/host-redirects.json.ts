/**
 * The redirect rules of this build (old article URLs → new), as JSON for the host-redirects integration,
 * which turns them into `_redirects` and `_redirects.nginx.conf` and removes this file from the build.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../content-model/collection.ts';
import { redirectRules } from '../publishing/redirects.ts';
import { BASE } from '../site-urls.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(redirectRules(await getArticles(), BASE)), {
    headers: { 'content-type': 'application/json' },
  });
