// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkReadingTime from './src/plugins/remark-reading-time.ts';
import { bodyRehypePlugins, bodyRemarkPlugins, bodyRemarkRehypeOptions } from './src/plugins/body-plugins.ts';
import { normaliseBase, normaliseSite } from './src/lib/urls.ts';
import { parseBuildTime } from './src/content-model/build-time.ts';
import { articlesDir, contentCacheDir } from './src/content-model/articles-folder.ts';
import precompress from './src/integrations/precompress.ts';
import hostRedirects from './src/integrations/host-redirects.ts';
import nothingLost from './src/integrations/nothing-lost.ts';
import searchIndex from './src/integrations/search-index.ts';
import devServerFlag from './src/integrations/dev-server-flag.ts';
import outputFolder from './src/integrations/output-folder.ts';
import photoOriginals from './src/integrations/photo-originals.ts';
import { SITE } from './src/site.config.ts';
import { siteCodeDigest } from './src/content-model/code-digest.ts';
import { parseShardSize } from './src/lib/search-shards.ts';

// Deploy-time settings come from the environment (see README "Configuration").
const site = normaliseSite(process.env.SITE_URL ?? 'http://localhost:4321');
const base = normaliseBase(process.env.BASE_PATH ?? '/');
// BUILD_TIME (optional) builds the site as of another moment; checked here so a typo stops the build at once.
parseBuildTime(process.env.BUILD_TIME);
// Builds of another content folder (ARTICLES_DIR: test fixtures, benchmarks) keep their own cache, so
// they never share a content data store with builds of the real site, even when run side by side.
const articles = articlesDir();
const cacheDir = contentCacheDir(articles);
// The search index (Pagefind, in its own process) is written while nothing-lost checks the pages and the rest of
// the output is pre-compressed; the pre-compression then waits for it, to compress it too.
// SEARCH_SHARD_SIZE (optional): articles per search index shard (src/lib/search-shards.ts), checked here.
const search = searchIndex({ language: SITE.lang, shardSize: parseShardSize(process.env.SEARCH_SHARD_SIZE) });
// The previous dist/ is kept in place when it is exactly what the last build left (src/integrations/output-folder.ts).
const output = outputFolder({ leave: [search.output.dir] });

export default defineConfig({
  site,
  base,
  ...(cacheDir && { cacheDir }),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One request per page: the CSS is small, so it rides inside the HTML.
    inlineStylesheets: 'always',
    // Four paths at a time: a link-preview card's rasterising and encoding (sharp, on libuv's threads) overlaps
    // the next page's rendering on the main thread (generating 300 articles cold: 12.9 → 11.0 s). Astro 7.3.5 keeps
    // its incremental cache with concurrency above 1 (core/build/generate.js).
    concurrency: 4,
  },
  image: {
    // Responsive <img>/<picture> with srcset + sizes, without Astro's injected global styles.
    responsiveStyles: false,
  },
  markdown: {
    // No syntax highlighting: news copy rarely has code, Shiki's inline styles would break the CSP, and
    // the markup policy strips style attributes anyway. Code blocks render as plain <pre><code>.
    syntaxHighlight: false,
    processor: unified({
      // Editors' words are kept exactly as written: no quote or dash rewriting.
      smartypants: false,
      gfm: true,
      // Raw HTML that would swallow the editor's words is read as text first; then the reading time, at the
      // site's reading speed (src/site.config.ts).
      remarkPlugins: [...bodyRemarkPlugins, [remarkReadingTime, { wordsPerMinute: SITE.wordsPerMinute }]],
      // Footnote ids unprefixed here: the sanitiser prefixes every id once.
      remarkRehype: bodyRemarkRehypeOptions,
      // Raw HTML → elements → the markup policy (rehype-sanitize) → external-link rel → heading ids →
      // paragraph ids → fragment links → alt-text check. Order matters: see src/plugins/body-plugins.ts.
      rehypePlugins: bodyRehypePlugins,
    }),
  },
  devToolbar: { enabled: false },
  vite: {
    // A digest of src/, this config and the lockfile: Astro's incremental cache hashes `define`, so any code change
    // means one full build (src/content-model/code-digest.ts says why Astro alone would miss some).
    define: { __CODE_DIGEST__: JSON.stringify(siteCodeDigest(fileURLToPath(new URL('.', import.meta.url)))) },
  },
  experimental: {
    // Rebuilds render only what changed: every per-article route and every list page returns a cacheKey covering
    // what it shows (src/publishing/cache-keys.ts); the others are unchanged pages copied from the previous build,
    // kept in node_modules/.astro (keep that folder between CI runs: README "Deploy").
    incrementalBuild: true,
  },
  // A strict Content-Security-Policy <meta> on every page: Astro hashes every script and style it emits
  // (inline or bundled); nothing else may run or style the page. frame-ancestors cannot live in a <meta>:
  // the hosting recipes (deploy/nginx.conf, public/_headers) send it as a header.
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"],
    },
  },
  integrations: [
    // First: keeps or empties the previous output; after the pages, removes what this build did not make.
    output.first,
    // `astro dev` or a build, by the command: the publishing gate must not trust a DEV variable.
    devServerFlag(),
    // Collection photos enter the build by their facts, not their bytes (src/integrations/photo-originals.ts).
    photoOriginals(),
    // Renamed articles: _redirects (Netlify, Cloudflare Pages) and an nginx include, from redirectFrom.
    // Netlify's builds set NETLIFY=true; only Netlify needs (and accepts) forced rules ("301!").
    hostRedirects({ force: process.env.NETLIFY === 'true' }),
    // The search index (Pagefind) over the built pages, into dist/pagefind/: started here, it runs while the next two work.
    search,
    // After every production build: each published article's page holds every text of its entry.
    nothingLost({ dir: articles }),
    // Last, so it compresses whatever the other integrations wrote: .br + .gz beside each text file (the search
    // index once it is written).
    precompress({ after: search.output }),
    // Last: records what the output holds, for the next build to keep it in place (and waits for an old output's deletion).
    output.last,
  ],
});
