#!/usr/bin/env node
/**
 * Build benchmark: `npm run bench [-- --sizes 100,1000,5000] [--cold-incremental] [--without-cards] [--keep]`.
 *
 * For each N, generates N articles in a temporary folder from the seed entry (same body and photo, numbered
 * titles and slugs), then builds
 *   - our site against them (a copy of this project's src/, public/ and config, ARTICLES_DIR pointing at the
 *     corpus): cold; then, with Astro's experimental.incrementalBuild switched on in the copy (article pages
 *     and cards keyed by the entry's digest), a full build with warm content and image caches (which primes
 *     the incremental cache) and a rebuild after changing one article;
 *   - a bare Astro project on the same corpus: default markdown processor, one-line page per entry.
 * Prints ms per article, peak memory (max RSS of the build process) and our/bare ratio for each N.
 *
 * Every build runs in its own temporary project root with its own caches: nothing touches this project's
 * .astro/, node_modules/.astro or dist/.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_ARTICLES_DIR } from '../src/content-model/articles-folder.ts';
import { SITE } from '../src/site.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_DIR = path.join(ROOT, DEFAULT_ARTICLES_DIR);
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME = '/usr/bin/time';
/** The newest generated article's date; every build runs as of BUILD_TIME, a day later, so all are published. */
const NEWEST = Date.parse('2026-11-27T12:00:00Z');
const BUILD_TIME = '2026-11-28T12:00:00Z';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    keep: { type: 'boolean', default: false },
    // For large N: make the cold build the incremental-priming build too (skips the separate warm full rebuild).
    'cold-incremental': { type: 'boolean', default: false },
    // To see what the per-article link-preview cards cost: build our site without that route.
    'without-cards': { type: 'boolean', default: false },
    // For profiling by hand: write the corpus of the first size to this folder, and stop.
    'write-corpus': { type: 'string' },
  },
});
const sizes = args.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const keep = args.keep;
const coldIncremental = args['cold-incremental'];
const withoutCards = args['without-cards'];
if (sizes.length === 0) throw new Error('bench: --sizes expects e.g. 100,1000');

const work = mkdtempSync(path.join(tmpdir(), 'reader-bench-'));
const log = (...parts) => console.log(`[bench] ${parts.join(' ')}`);

/** A node_modules of symlinks to ours, minus caches, so every temp root keeps its own .astro cache. */
function linkNodeModules(dir) {
  const target = path.join(dir, 'node_modules');
  mkdirSync(target);
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(target, name));
  }
}

/** The seed entry, copied N times with numbered titles and slugs (the photo is hard-linked). */
function makeCorpus(n, dir = path.join(work, `corpus-${n}`)) {
  const [seedSlug] = readdirSync(SEED_DIR);
  const seed = path.join(SEED_DIR, seedSlug);
  const markdown = readFileSync(path.join(seed, 'index.md'), 'utf8');
  const photos = readdirSync(seed).filter((f) => f !== 'index.md');
  for (let i = 1; i <= n; i++) {
    const entry = path.join(dir, `${seedSlug}-${i}`);
    mkdirSync(entry, { recursive: true });
    // Like a newsroom's archive: one article every 30 minutes (dozens a day), in the site's sections in turn,
    // with two topics each, so listing pages, archive months and section feeds have realistic shapes.
    const published = new Date(NEWEST - (i - 1) * 30 * 60 * 1000).toISOString();
    const section = SITE.sections[i % SITE.sections.length];
    const tags = [`Topic ${i % 40}`, `Theme ${i % 7}`];
    const frontmatter = `title: "$1 (${i})"\npublished: ${published}\nsection: ${section}\ntags: [${tags.map((t) => `"${t}"`).join(', ')}]`;
    writeFileSync(path.join(entry, 'index.md'), markdown.replace(/^title: "(.*)"$/m, frontmatter));
    for (const photo of photos) linkSync(path.join(seed, photo), path.join(entry, photo));
  }
  return { dir, first: path.join(dir, `${seedSlug}-1`, 'index.md') };
}

/** A copy of this project (working tree) to build our site against a corpus. */
function makeSiteRoot(name, { incremental = false } = {}) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const f of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  }
  linkNodeModules(dir);
  if (withoutCards) rmSync(path.join(dir, 'src/pages/articles/[slug]/card.jpg.ts'), { force: true });
  if (incremental) {
    const config = path.join(dir, 'astro.config.mjs');
    const text = readFileSync(config, 'utf8');
    if (!/\n\}\);\s*$/.test(text)) return { dir, incremental: 'astro.config.mjs has an unexpected shape' };
    writeFileSync(config, text.replace(/\n\}\);\s*$/, '\n  experimental: { incrementalBuild: true },\n});\n'));
    // Article pages can be skipped when their entry is unchanged: the glob loader's digest is the cache key.
    const page = path.join(dir, 'src/pages/articles/[slug].astro');
    const source = readFileSync(page, 'utf8');
    const patched = source.replace(
      /props: \{ article(, redirect: false)? \} \}\)/,
      (m) => `${m.slice(0, -3)}, cacheKey: article.digest })`,
    );
    if (patched === source) return { dir, incremental: 'could not add a cacheKey to src/pages/articles/[slug].astro' };
    writeFileSync(page, patched);
    // The link-preview card of each article (if the site has one) is keyed the same way.
    const card = path.join(dir, 'src/pages/articles/[slug]/card.jpg.ts');
    if (existsSync(card)) {
      const cardSource = readFileSync(card, 'utf8');
      writeFileSync(card, cardSource.replace(/props: \{ article \} \}\)/, 'props: { article }, cacheKey: article.digest })'));
    }
  }
  return { dir, incremental: incremental ? 'on' : 'off' };
}

/** The baseline: a bare Astro project, default markdown processor, one line of template per entry. */
function makeBareRoot() {
  const dir = path.join(work, 'bare');
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(path.join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
      "export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.ARTICLES_DIR }) }) };\n",
  );
  writeFileSync(
    path.join(dir, 'src/pages/[...slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\n" +
      "export async function getStaticPaths() { return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\n" +
      'const { Content } = await render(Astro.props.entry);\n---\n<h1>{Astro.props.entry.data.title}</h1><Content />\n',
  );
  linkNodeModules(dir);
  return dir;
}

/** One `astro build`, timed, with the peak memory of the build process (GNU time's max RSS). */
function build(root, corpus, label) {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ARTICLES_DIR: corpus,
    SITE_URL: 'https://news.example.test',
    BASE_PATH: '/',
    BUILD_TIME,
  };
  const start = performance.now();
  const result = spawnSync(TIME, ['-f', 'BENCH_RSS_KB=%M', process.execPath, ASTRO, 'build', '--root', root], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`bench: ${label} build failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
  }
  const rssKb = Number(result.stderr.match(/BENCH_RSS_KB=(\d+)/)?.[1] ?? NaN);
  const cached = (result.stdout.match(/\((cached|restored)\)/g) ?? []).length;
  log(`${label}: ${Math.round(ms)} ms, peak ${Math.round(rssKb / 1024)} MB${cached ? `, ${cached} pages from the incremental cache` : ''}`);
  return { ms, mb: rssKb / 1024, cached };
}

/** Change one article's body, the way an editor's correction would. */
function touch(file, round) {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nCorrection ${round}: a sentence was added to this article.\n`);
}

if (args['write-corpus']) {
  const dir = path.resolve(args['write-corpus']);
  makeCorpus(sizes[0], dir);
  rmSync(work, { recursive: true, force: true });
  log(`${sizes[0]} articles written to ${dir}; build them with ARTICLES_DIR=${dir} BUILD_TIME=${BUILD_TIME}`);
  process.exit(0);
}
if (!existsSync(TIME)) throw new Error(`bench: ${TIME} (GNU time) is needed for peak memory: apt-get install -y time`);
log(`node ${process.version}, sizes ${sizes.join(', ')}${withoutCards ? ', our site WITHOUT link-preview cards' : ''}, work dir ${work}`);
const rows = [];
try {
  for (const n of sizes) {
    const t0 = performance.now();
    const corpus = makeCorpus(n);
    log(`N=${n}: corpus ready in ${Math.round(performance.now() - t0)} ms`);

    const bare = makeBareRoot();
    const bareCold = build(bare, corpus.dir, `N=${n} bare cold`);
    touch(corpus.first, 1);
    const bareRebuild = build(bare, corpus.dir, `N=${n} bare rebuild after one change`);

    // Ours: a cold build; then the same root with experimental.incrementalBuild switched on (a full build with
    // warm content and image caches, which primes the incremental cache); then one article changed.
    const site = makeSiteRoot('site', { incremental: coldIncremental }).dir;
    const ours = build(site, corpus.dir, `N=${n} ours cold${coldIncremental ? ' (incremental on: primes its cache)' : ''}`);
    const inc = makeSiteRoot('site-incremental', { incremental: true });
    let warm, incRebuild;
    if (inc.incremental === 'on') {
      if (!coldIncremental) {
        for (const f of ['astro.config.mjs', 'src']) {
          rmSync(path.join(site, f), { recursive: true, force: true });
          cpSync(path.join(inc.dir, f), path.join(site, f), { recursive: true });
        }
        warm = build(site, corpus.dir, `N=${n} ours full rebuild, warm caches (primes the incremental cache)`);
      }
      touch(corpus.first, 2);
      incRebuild = build(site, corpus.dir, `N=${n} ours incremental rebuild after one change`);
    } else log(`N=${n}: incremental build not measured: ${inc.incremental}`);

    rows.push({ n, bareCold, bareRebuild, ours, warm, incRebuild });
    for (const d of [bare, site, inc.dir, corpus.dir]) rmSync(d, { recursive: true, force: true });
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

const f = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const s = (x) => (x === undefined ? 'n/a' : (x / 1000).toFixed(1));
console.log(
  '\n| N | ours cold ms/article | bare cold ms/article | ratio | ours peak MB | bare peak MB | ours cold s | ours full rebuild s (warm caches) | ours incremental rebuild s (1 changed) | bare rebuild s (1 changed) |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.n} | ${f(r.ours.ms / r.n)} | ${f(r.bareCold.ms / r.n)} | ${f(r.ours.ms / r.bareCold.ms, 2)}× | ${f(r.ours.mb, 0)} | ${f(r.bareCold.mb, 0)} | ` +
      `${s(r.ours.ms)} | ${s(r.warm?.ms)} | ${r.incRebuild ? `${s(r.incRebuild.ms)} (${r.incRebuild.cached} pages cached)` : 'n/a'} | ${s(r.bareRebuild.ms)} |`,
  );
}
