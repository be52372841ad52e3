/**
 * Host redirect rules for renamed articles, written at the end of the build beside the redirect pages:
 *
 * - `_redirects` for Netlify and Cloudflare Pages (`/old/ /new/ 301`), followed by the site's own
 *   `public/_redirects` when there is one (Astro copies that file into the build; this replaces the copy
 *   with ours plus it);
 * - `_redirects.nginx.conf`, the include deploy/nginx.conf loads (`location = /old/ { return 301 /new/; }`).
 *
 * The rules come from the pages' own data: the route src/pages/host-redirects.json.ts lists them (it reads
 * the articles collection, which an integration cannot), and this hook turns that list into the two files
 * and removes the list. Put this integration before `precompress`.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { netlifyRedirects, nginxRedirects, type RedirectRule } from '../publishing/redirects.ts';

/** Where src/pages/host-redirects.json.ts writes the rules in the build (removed again by this integration). */
const RULES_FILE = 'host-redirects.json';
const NETLIFY_FILE = '_redirects';
const NGINX_FILE = '_redirects.nginx.conf';

export interface HostRedirectsOptions {
  /**
   * Write `301!` (a forced rule) in `_redirects`. Netlify needs it, because the redirect page exists at the
   * old path and Netlify serves an existing file before unforced rules; Cloudflare Pages rejects it.
   */
  force?: boolean;
}

export default function hostRedirects(options: HostRedirectsOptions = {}): AstroIntegration {
  let publicDir: URL;
  return {
    name: 'host-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = config.publicDir;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const rulesFile = fileURLToPath(new URL(RULES_FILE, dir));
        if (!existsSync(rulesFile))
          throw new Error(`host-redirects: ${RULES_FILE} was not built (src/pages/host-redirects.json.ts is missing?)`);
        const rules = JSON.parse(await readFile(rulesFile, 'utf8')) as RedirectRule[];
        await rm(rulesFile);
        const ownFile = fileURLToPath(new URL(NETLIFY_FILE, publicDir));
        const own = existsSync(ownFile) ? await readFile(ownFile, 'utf8') : undefined;
        await writeFile(fileURLToPath(new URL(NETLIFY_FILE, dir)), netlifyRedirects(rules, { force: options.force, own }));
        await writeFile(fileURLToPath(new URL(NGINX_FILE, dir)), nginxRedirects(rules));
        logger.info(`${rules.length} redirect rules → ${NETLIFY_FILE}${own ? ' (+ public/_redirects)' : ''}, ${NGINX_FILE}`);
      },
    },
  };
}
