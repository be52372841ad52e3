/**
 * Deploying dist/ as plain files: a real nginx (Debian's) serves the build with the committed recipe
 * (deploy/nginx.conf): the real content at the domain root and under /news/, and the newsroom fixture
 * (tests/support/site-builds.ts) at the root. The crawl starts at the front page, at a miss (the 404 page)
 * and at the old URL of every renamed article (links from elsewhere), follows every reference, and
 * everything must stay under the base and answer 200, with the recipe's caching and security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import path from 'node:path';
import { request } from 'node:http';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { crawl, type CrawlResult } from '../support/crawl.ts';
import { noNginx, startNginx, type Nginx } from '../support/nginx.ts';
import { OUTPUT, SITE_DIR, TEST_SITE_URL } from '../support/paths.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { SHARDS_FILE, type SearchShards } from '../../src/lib/search-shards.ts';

/** The sub-path build, made once here (only this file needs it). */
const NEWS_DIR = path.join(OUTPUT, 'site-news');

/** Site paths of every built HTML page except 404.html: "articles/x/index.html" → "<base>articles/x/". */
function builtPages(dir: string, base: string): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.html') || entry === '404.html') continue;
    pages.push(base + entry.replace(/(^|\/)index\.html$/, '$1'));
  }
  return pages.sort();
}

/** Whether a built page is a redirect stub (an old slug's page: a meta refresh to the article). */
function isRedirect(dir: string, base: string, page: string): boolean {
  const html = readFileSync(path.join(dir, page.slice(base.length), 'index.html'), 'utf8');
  return selectAll('meta[http-equiv=refresh]', fromHtml(html)).length > 0;
}

/** A raw request, so the test sees exactly what nginx sends (fetch would decompress). */
function rawGet(origin: string, sitePath: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(origin + sitePath, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const DEPLOYS = [
  { name: 'content, at the domain root', base: '/', dir: SITE_DIR, build: false },
  { name: 'content, under /news/', base: '/news/', dir: NEWS_DIR, build: true },
  { name: 'newsroom fixture, at the domain root', base: '/', dir: fixtureSiteDir('newsroom'), build: false },
];

for (const deploy of DEPLOYS) {
  describe.skipIf(noNginx)(`nginx with deploy/nginx.conf, ${deploy.name}`, () => {
    const { base, dir } = deploy;
    const miss = `${base}no-such-page/`;
    let nginx: Nginx;
    let site: CrawlResult;
    /** Redirect stubs (old slugs) and article pages, known once the build exists. */
    let redirects: string[] = [];
    let articles: string[] = [];
    /** An article page, for the checks that need one. */
    let article: string | undefined;

    beforeAll(async () => {
      if (deploy.build) {
        rmSync(dir, { recursive: true, force: true });
        const result = astroBuild(dir, { SITE_URL: TEST_SITE_URL, BASE_PATH: base });
        if (result.status !== 0) throw new Error(`astro build (BASE_PATH=${base}) failed:\n${result.output}`);
      }
      const pages = builtPages(dir, base).filter((p) => p.startsWith(`${base}articles/`));
      redirects = pages.filter((p) => isRedirect(dir, base, p));
      articles = pages.filter((p) => !redirects.includes(p));
      article = articles[0];
      nginx = await startNginx(dir, base);
      // robots.txt is fetched by convention, not linked; it links the sitemap. Old URLs come from links elsewhere.
      const seeds = [base, miss, ...(existsSync(path.join(dir, 'robots.txt')) ? [`${base}robots.txt`] : []), ...redirects];
      site = await crawl({ origin: nginx.origin, siteUrl: TEST_SITE_URL, base, seeds });
    });
    afterAll(async () => {
      await nginx?.close();
    });

    it('reaches every built page from the front page (old URLs: from their own), and a good number of files', () => {
      const reached = [...site.fetched.keys()];
      expect(articles.length).toBeGreaterThan(0);
      for (const page of builtPages(dir, base)) expect(reached, `not linked from anywhere: ${page}`).toContain(page);
      // Every article is linked from the site itself, not only reached through an old URL's redirect.
      const linked = new Set(
        site.references.filter((r) => !redirects.includes(r.from) && r.from !== r.url.pathname).map((r) => r.url.pathname),
      );
      for (const page of articles) expect(linked.has(page), `not linked from the site: ${page}`).toBe(true);
      // …and every redirect leads to a live article page.
      for (const page of redirects) {
        // A 301 from the host rules (deploy/nginx.conf includes them), or the redirect page's link.
        const to = site.references
          .filter((r) => r.from === page && (r.kind === 'a[href]' || r.kind === 'location'))
          .map((r) => r.url.pathname);
        expect(
          to.filter((p) => articles.includes(p)),
          page,
        ).toHaveLength(1);
      }
      // Feeds, sitemaps, manifest: every such file the build wrote is reachable too. (Not the search index under
      // pagefind/: the search page's script fetches it, and the next test fetches it the same way.)
      const data = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
        (f) => /\.(xml|json|webmanifest|txt)$/.test(f) && !f.startsWith('pagefind/'),
      );
      for (const file of data) expect(reached, `not linked from anywhere: ${file}`).toContain(base + file);
      // Every article page's lead picture offers its AVIF and WebP candidates, and the crawl fetched them.
      for (const page of articles) {
        expect(site.references.filter((r) => r.from === page && r.kind === 'source[srcset]').length, page).toBeGreaterThanOrEqual(2);
      }
    });

    it('serves the search index the search page loads (by the paths Pagefind asks for), pagefind.js compressed', async () => {
      expect(site.fetched.get(`${base}search/`)?.status).toBe(200);
      const list = await fetch(`${nginx.origin}${base}pagefind/${SHARDS_FILE}`);
      expect(list.status).toBe(200);
      const { shards } = (await list.json()) as SearchShards;
      expect(shards.length).toBeGreaterThan(0);
      for (const shard of shards) {
        const folder = `pagefind/${shard}`;
        const entry = await fetch(`${nginx.origin}${base}${folder}/pagefind-entry.json`);
        expect(entry.status, shard).toBe(200);
        const { languages } = (await entry.json()) as { languages: Record<string, { hash: string; wasm: string }> };
        const [language] = Object.values(languages);
        const index = readdirSync(path.join(dir, folder, 'index'));
        const fragments = readdirSync(path.join(dir, folder, 'fragment'));
        for (const file of [
          `wasm.${language!.wasm}.pagefind`,
          `pagefind.${language!.hash}.pf_meta`,
          `index/${index[0]}`,
          `fragment/${fragments[0]}`,
        ]) {
          const res = await rawGet(nginx.origin, `${base}${folder}/${file}`, {});
          expect(res.status, `${folder}/${file}`).toBe(200);
          expect(res.body.equals(readFileSync(path.join(dir, folder, file))), `${folder}/${file}`).toBe(true);
        }
      }
      const script = await rawGet(nginx.origin, `${base}pagefind/${shards[0]}/pagefind.js`, { 'accept-encoding': 'gzip' });
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBe('gzip');
      expect(script.headers['content-type']).toMatch(/javascript/);
    });

    it('answers 200 for every link, asset, image, srcset candidate and feed URL', () => {
      const bad = [...site.fetched.values()]
        // Only a renamed article's old URL may answer otherwise: 301 to its article (checked above).
        .filter((f) => f.path !== miss && f.status !== 200 && !(f.status === 301 && redirects.includes(f.path)))
        .map((f) => {
          const refs = site.references.filter((r) => r.url.pathname + r.url.search === f.path);
          return `${f.status} ${f.path} (from ${refs.map((r) => `${r.from} ${r.kind}`).join(', ')})`;
        });
      expect(bad).toEqual([]);
    });

    it('keeps every reference under the base path, on the site, with working #fragments', () => {
      const show = (refs: typeof site.outside) => refs.map((r) => `${r.from} ${r.kind}: ${r.raw}`);
      expect(show(site.outside)).toEqual([]);
      // Other origins are fine only as links a reader follows (or an author's profile URL in the structured
      // data, which nothing loads); nothing is loaded from elsewhere.
      expect(show(site.external.filter((r) => r.kind !== 'a[href]' && r.kind !== 'json-ld'))).toEqual([]);
      expect(show(site.brokenFragments)).toEqual([]);
    });

    it('has an absolute canonical URL under SITE_URL + base on every page, pointing at the page itself (an old URL: at its article)', () => {
      const pages = [...site.fetched.values()].filter((f) => f.contentType.startsWith('text/html') && f.path !== miss && f.status === 200);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const f of pages) {
        const tree = fromHtml(f.body);
        const links = selectAll('link[rel~=canonical]', tree);
        expect(links, f.path).toHaveLength(1);
        const refresh = selectAll('meta[http-equiv=refresh]', tree)[0]?.properties.content;
        const self = refresh === undefined ? f.path : String(refresh).replace(/^0; url=/, '');
        if (refresh !== undefined) expect(redirects, f.path).toContain(f.path);
        expect(links[0]!.properties.href, f.path).toBe(`${TEST_SITE_URL}${self}`);
      }
    });

    it('serves the site’s 404.html, styled like the site, for a miss', () => {
      const notFound = site.fetched.get(miss)!;
      expect(notFound.status).toBe(404);
      expect(notFound.body).toContain('Page not found');
      expect(notFound.body).toMatch(/<style>[^<]*--bg:/); // the site's stylesheet, inlined
      expect(notFound.body).toContain(`href="${base}"`);
      expect(notFound.body).toBe(readFileSync(path.join(dir, '404.html'), 'utf8'));
    });

    it('redirects a directory URL without its slash to the slash, relatively', async () => {
      if (!article) throw new Error('no article page in the build');
      const res = await rawGet(nginx.origin, article.replace(/\/$/, ''), {});
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(article);
    });

    it('sends the recipe’s security headers on every response, errors included', () => {
      for (const f of site.fetched.values()) {
        expect(f.headers.get('x-content-type-options'), f.path).toBe('nosniff');
        expect(f.headers.get('referrer-policy'), f.path).toBe('strict-origin-when-cross-origin');
        expect(f.headers.get('permissions-policy'), f.path).toMatch(/camera=\(\)/);
        expect(f.headers.get('content-security-policy'), f.path).toMatch(/frame-ancestors 'none'/);
      }
    });

    it('caches hashed assets for a year (immutable) and everything else briefly', () => {
      const hashed = [...site.fetched.values()].filter((f) => f.path.startsWith(`${base}_astro/`));
      expect(hashed.length).toBeGreaterThan(0);
      for (const f of site.fetched.values()) {
        const expected = f.path.startsWith(`${base}_astro/`)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=300, must-revalidate';
        expect(f.headers.get('cache-control'), f.path).toBe(expected);
      }
    });

    it('serves the pre-compressed .gz of a page to clients that accept gzip, and the plain file otherwise', async () => {
      if (!article) throw new Error('no article page in the build');
      const built = path.join(dir, article.slice(base.length), 'index.html');
      const file = readFileSync(built);
      const gz = await rawGet(nginx.origin, article, { 'accept-encoding': 'gzip' });
      expect(gz.status).toBe(200);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.equals(readFileSync(`${built}.gz`))).toBe(true);
      expect(gunzipSync(gz.body).equals(file)).toBe(true);
      const plain = await rawGet(nginx.origin, article, {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(file)).toBe(true);
    });
  });
}
