#!/usr/bin/env node
/**
 * Build benchmark: `npm run bench [-- --sizes 1000,10000] [--without-cards] [--keep] [--write-corpus DIR]`.
 *
 * For each N, generates N articles in a temporary folder from the seed entry (its body and photo; own headline and
 * slug, a date every 30 minutes, the site's sections in turn, two topics), then builds, each project in its own
 * temporary root with its own caches:
 *   - our site (a copy of this project's src/, public/, config and lockfile, in its real configuration, incremental
 *     builds on; ARTICLES_DIR pointing at the corpus);
 *   - a bare Astro project on the same corpus: glob() loader, default markdown processor, one-line page per entry;
 * three times each: cold; again after one article's body changed; again after one new article was published.
 * Prints seconds, our/bare ratios and peak memory (max RSS of the build process, GNU time).
 *
 * Nothing touches this project's .astro/, node_modules/.astro or dist/.
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
  return { dir, first: path.join(dir, `${seedSlug}-1`, 'index.md'), middle: path.join(dir, `${seedSlug}-${Math.ceil(n / 2)}`, 'index.md') };
}

/** A copy of this project (working tree), in its real configuration (incremental builds on), to build a corpus. */
function makeSiteRoot(name) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const f of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  }
  linkNodeModules(dir);
  if (withoutCards) rmSync(path.join(dir, 'src/pages/articles/[slug]/card.jpg.ts'), { force: true });
  return dir;
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
  // Each build's log stays in the work dir (with --keep), for the time of each phase.
  writeFileSync(path.join(work, `${label.replace(/\W+/g, '-')}.log`), result.stdout + result.stderr);
  const rssKb = Number(result.stderr.match(/BENCH_RSS_KB=(\d+)/)?.[1] ?? NaN);
  const cached = (result.stdout.match(/\((cached|restored)\)/g) ?? []).length;
  log(`${label}: ${Math.round(ms)} ms, peak ${Math.round(rssKb / 1024)} MB${cached ? `, ${cached} pages from the incremental cache` : ''}`);
  return { ms, mb: rssKb / 1024, cached };
}

/** Change one article's body, the way an editor's correction would. */
function touch(file, who) {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nCorrection (${who}): a sentence was added to this article.\n`);
}

/** Publish one new article, the newest (copy of the first, half an hour later, its own headline and slug). */
function addArticle(corpus, who) {
  const dir = path.join(corpus.dir, `new-article-${who}`);
  mkdirSync(dir);
  const first = readFileSync(corpus.first, 'utf8')
    .replace(/^title: "(.*)"$/m, `title: "A new article for the $1"`)
    .replace(/^published: (.*)$/m, `published: ${new Date(NEWEST + 30 * 60 * 1000).toISOString()}`);
  writeFileSync(path.join(dir, 'index.md'), first);
  for (const f of readdirSync(path.dirname(corpus.first)))
    if (f !== 'index.md') linkSync(path.join(path.dirname(corpus.first), f), path.join(dir, f));
  return dir;
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
    // The same three builds for both projects, each in its own root and caches: cold; after one article's body
    // changed (a correction); after one new article (the newest: the front page, lists, feeds and the sitemap change).
    const run = (root, who) => {
      const cold = build(root, corpus.dir, `N=${n} ${who} cold`);
      touch(corpus.middle, who);
      const changed = build(root, corpus.dir, `N=${n} ${who} rebuild after one article changed`);
      const added = addArticle(corpus, who);
      const afterAdd = build(root, corpus.dir, `N=${n} ${who} rebuild after one article added`);
      rmSync(added, { recursive: true, force: true });
      return { cold, changed, added: afterAdd };
    };
    const bareRoot = makeBareRoot();
    const bare = run(bareRoot, 'bare');
    const siteRoot = makeSiteRoot('site');
    const ours = run(siteRoot, 'ours');
    rows.push({ n, bare, ours });
    for (const d of [bareRoot, siteRoot, corpus.dir]) rmSync(d, { recursive: true, force: true });
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

const s = (x) => (x === undefined ? 'n/a' : (x / 1000).toFixed(1));
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;
console.log(
  '\n| N | ours cold s | bare cold s | ratio | ours rebuild, 1 changed s | bare s | ratio | ours rebuild, 1 added s | bare s | ratio | ours peak MB (any of the three) | bare peak MB |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { n, bare, ours } of rows) {
  console.log(
    `| ${n} | ${s(ours.cold.ms)} | ${s(bare.cold.ms)} | ${ratio(ours.cold.ms, bare.cold.ms)} | ` +
      `${s(ours.changed.ms)} | ${s(bare.changed.ms)} | ${ratio(ours.changed.ms, bare.changed.ms)} | ` +
      `${s(ours.added.ms)} | ${s(bare.added.ms)} | ${ratio(ours.added.ms, bare.added.ms)} | ` +
      `${Math.round(Math.max(ours.cold.mb, ours.changed.mb, ours.added.mb))} | ${Math.round(Math.max(bare.cold.mb, bare.changed.mb, bare.added.mb))} |`,
  );
}
