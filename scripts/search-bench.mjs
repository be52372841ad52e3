#!/usr/bin/env node
/* global document -- evaluated in the page by Playwright */
/**
 * Search benchmark: `npm run bench:search [-- --sizes 1000,10000] [--full 1000] [--keep]`.
 *
 * For each N, generated articles (scripts/lib/article-generator.ts: own headlines and prose, four sections, one
 * article every 2 years / N) are indexed by Pagefind as the build does (src/integrations/search-index.ts), then the
 * search page is opened in Chromium, served by nginx with deploy/nginx.conf (pre-compressed files, as deployed;
 * the plain static server without nginx), and queries are typed. It prints the index size on disk and the bytes
 * each query fetches (encoded body sizes, as transferred): the start-up (Pagefind's script, WebAssembly and
 * metadata, fetched once) and each query's index chunks and result fragments.
 *
 * - N ≤ --full (default 1,000): the real site is built (`astro build` in a temporary copy of the project), and
 *   the index is the one the build wrote.
 * - Larger N: a full build would take most of an hour here, so the article pages are made from one article page
 *   of a real build (same markup, attributes and head), with each generated article's headline, standfirst, key
 *   points, body, date and section put in (hast), and indexed the same way. At 1,000 both are measured, to show
 *   the two agree.
 *
 * Nothing touches this project's dist/, .astro/ or node_modules/.astro: everything happens in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';
import { generateArticles, writeArticles } from './lib/article-generator.ts';
import { writeSearchIndex } from '../src/integrations/search-index.ts';
import { precompressDir } from '../src/integrations/precompress.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { noNginx, startNginx } from '../tests/support/nginx.ts';
import { serveStatic } from './lib/static-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const NEWEST = '2026-11-29T12:00:00Z';
const TWO_YEARS_HOURS = 2 * 365 * 24;

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (arg('sizes') ?? '1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const fullUpTo = Number(arg('full') ?? 1000);
const keep = args.includes('--keep');
const work = mkdtempSync(path.join(tmpdir(), 'reader-search-bench-'));
const log = (...parts) => console.log(`[search-bench] ${parts.join(' ')}`);

/** A copy of the project (working tree) whose node_modules links to ours, minus caches. */
function siteRoot(name) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const f of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  }
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache'].includes(entry))
      symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  return dir;
}

/** N generated articles; written out as entries only when a real build needs them. */
async function corpus(n, { write = true } = {}) {
  const articles = generateArticles({ count: n, newest: NEWEST, spacingHours: TWO_YEARS_HOURS / n });
  const dir = path.join(work, `corpus-${n}`);
  if (write) await writeArticles(dir, articles, new Date(NEWEST));
  return { articles, dir };
}

function build(root, articlesDir, outDir, label) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir, '--silent'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ARTICLES_DIR: articlesDir,
      SITE_URL: 'https://news.example.test',
      BASE_PATH: '/',
      BUILD_TIME: NEWEST,
    },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`search-bench: ${label} build failed:\n${(result.stdout + result.stderr).slice(-4000)}`);
  log(`${label}: built in ${Math.round((performance.now() - start) / 1000)} s`);
}

/**
 * A dist/ of N article pages made from a real build's article page (its head, header, footer, attributes), with
 * each article's own text, date and section; plus that build's search page, assets and nginx include.
 */
async function syntheticDist(template, articles, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const f of ['search', '_astro', 'index.html', '404.html', '_redirects.nginx.conf', 'favicon.svg']) {
    if (existsSync(path.join(template.dir, f))) cpSync(path.join(template.dir, f), path.join(outDir, f), { recursive: true });
  }
  const page = readFileSync(path.join(template.dir, 'articles', template.slug, 'index.html'), 'utf8');
  const h = (tagName, properties, text) => ({ type: 'element', tagName, properties, children: [{ type: 'text', value: text }] });
  for (const article of articles) {
    const tree = fromHtml(page);
    select('title', tree).children = [{ type: 'text', value: `${article.title} | The Reader` }];
    select('h1.headline', tree).children = [{ type: 'text', value: article.title }];
    const standfirst = select('p.standfirst', tree);
    if (standfirst)
      standfirst.children = [{ type: 'text', value: `A generated ${article.long ? 'long read' : 'article'} for tests and benchmarks.` }];
    select('.key-points ul', tree).children = article.summary.map((s) => h('li', {}, s));
    const body = select('div.article-body', tree);
    const keyPoints = select('.key-points', body);
    body.children = [keyPoints, ...article.paragraphs.map((p, i) => h('p', { id: `p${i + 1}` }, p))];
    const published = select('meta[property="article:published_time"]', tree);
    published.properties.content = article.published.toISOString();
    const section = select('meta[property="article:section"]', tree);
    if (article.section) section.properties.content = article.section;
    else section.properties.dataPagefindFilter = section.properties.dataPagefindMeta = undefined;
    for (const link of selectAll('link[rel=canonical]', tree)) link.properties.href = `https://news.example.test/articles/${article.slug}/`;
    const dir = path.join(outDir, 'articles', article.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), toHtml(tree));
  }
  const start = performance.now();
  const { pages, shards } = await writeSearchIndex(outDir, 'en');
  await precompressDir(path.join(outDir, 'pagefind'));
  log(
    `synthetic N=${articles.length}: ${pages} pages indexed in ${shards.length} shards in ${Math.round((performance.now() - start) / 1000)} s`,
  );
}

/** Files and bytes under dist/pagefind (every shard), by kind (pre-compressed copies not counted). */
function indexSize(dist) {
  const out = path.join(dist, 'pagefind');
  const kinds = {};
  for (const rel of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(out, rel);
    if (!statSync(file).isFile() || /\.(gz|br)$/.test(rel)) continue;
    // Inside a shard's folder (`2026-q4/index/…`); shards.json is a start-up file.
    const inner = rel.split(path.sep).slice(1).join('/');
    const kind = inner.startsWith('index/')
      ? 'index chunks'
      : inner.startsWith('fragment/')
        ? 'fragments'
        : inner.startsWith('filter/')
          ? 'filters'
          : 'start-up files';
    kinds[kind] ??= { files: 0, bytes: 0 };
    kinds[kind].files += 1;
    kinds[kind].bytes += statSync(file).size;
  }
  const total = Object.values(kinds).reduce((t, k) => ({ files: t.files + k.files, bytes: t.bytes + k.bytes }), { files: 0, bytes: 0 });
  return { kinds, total };
}

/** Queries a reader might type, from the articles: a headline, a phrase, words from the most common to rare ones, and a common word in one section. */
function queries(articles) {
  const words = (s) =>
    s
      .toLowerCase()
      .replace(/[^a-z\s]/g, '')
      .split(/\s+/)
      .filter(Boolean);
  const counts = new Map();
  for (const a of articles.slice(0, 200)) for (const w of words(a.paragraphs.join(' '))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]);
  const middle = articles[Math.floor(articles.length / 2)];
  return [
    { label: 'a headline', q: middle.title },
    { label: 'a 4-word phrase', q: words(middle.paragraphs[1]).slice(5, 9).join(' ') },
    { label: 'the most common word', q: byCount[0][0] },
    { label: 'a word of medium frequency', q: byCount[Math.floor(byCount.length / 20)][0] },
    { label: 'a word used once in the first 200 articles', q: byCount.at(-1)[0] },
    { label: 'a common word, one section', q: byCount[1][0], section: 'Sport' },
  ];
}

/** Open the search page, type each query (each in a fresh page, nothing cached), and count what it fetched. */
async function measureQueries(dist, articles) {
  const server = noNginx ? await serveStatic(dist, '/') : await startNginx(dist, '/');
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const { label, q, section } of queries(articles)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Every finished request, with its size (read asynchronously: awaited before counting).
      let fetched = [];
      page.on('requestfinished', (req) =>
        fetched.push(req.sizes().then((s) => ({ url: new URL(req.url()).pathname, bytes: s.responseBodySize }))),
      );
      const settle = async () => {
        await page.waitForLoadState('networkidle');
        const done = await Promise.all(fetched);
        fetched = [];
        return done;
      };
      await page.goto(`${server.origin}/search/`);
      const pageBytes = (await settle()).reduce((n, f) => n + f.bytes, 0);
      const start = performance.now();
      if (section) {
        await page.focus('#search-query');
        await page.waitForFunction((s) => [...document.querySelectorAll('#search-section option')].some((o) => o.value === s), section);
        await page.selectOption('#search-section', section);
      }
      await page.fill('#search-query', q);
      await page.waitForFunction((text) => document.querySelector('.search-status')?.textContent?.includes(`“${text}”`), q, {
        timeout: 60_000,
      });
      const ms = performance.now() - start;
      // networkidle: no request for 500 ms, so the result fragments have arrived.
      const query = await settle();
      const startup = query.filter((f) => !/\/(index|fragment)\//.test(f.url)).reduce((n, f) => n + f.bytes, 0);
      const index = query.filter((f) => f.url.includes('/index/'));
      const fragments = query.filter((f) => f.url.includes('/fragment/'));
      const status = await page.textContent('.search-status');
      rows.push({
        label,
        q,
        results: status.match(/^(\d+|No)/)?.[1] ?? '?',
        pageBytes,
        startup,
        index: index.reduce((n, f) => n + f.bytes, 0),
        indexFiles: index.length,
        fragments: fragments.reduce((n, f) => n + f.bytes, 0),
        fragmentFiles: fragments.length,
        ms,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

log(
  `sizes ${sizes.join(', ')}, full builds up to N=${fullUpTo}, ${noNginx ? 'plain static server (no nginx)' : 'nginx with deploy/nginx.conf'}, work dir ${work}`,
);
const report = [];
try {
  // A small real build: the template page for synthetic builds.
  const small = await corpus(20);
  const smallRoot = siteRoot('site-small');
  const smallDist = path.join(work, 'dist-small');
  build(smallRoot, small.dir, smallDist, 'template (N=20)');
  const template = { dir: smallDist, slug: small.articles.find((a) => a.section).slug };

  for (const n of sizes) {
    const { articles, dir } = await corpus(n, { write: n <= fullUpTo });
    const methods = [];
    if (n <= fullUpTo) methods.push('full build');
    if (n > fullUpTo || n === fullUpTo) methods.push('synthetic pages');
    for (const method of methods) {
      const dist = path.join(work, `dist-${n}-${method.split(' ')[0]}`);
      if (method === 'full build') build(siteRoot(`site-${n}`), dir, dist, `full build N=${n}`);
      else await syntheticDist(template, articles, dist);
      const size = indexSize(dist);
      const rows = await measureQueries(dist, articles);
      report.push({ n, method, size, rows });
      log(`N=${n} (${method}): index ${size.total.files} files, ${mb(size.total.bytes)}`);
      if (!keep) rmSync(dist, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

console.log('\n| N | pages made by | index on disk | index chunks | fragments | start-up fetch (once) | search page (HTML + JS) |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const { n, method, size, rows } of report) {
  const k = size.kinds;
  console.log(
    `| ${n.toLocaleString('en')} | ${method} | ${size.total.files.toLocaleString('en')} files, ${mb(size.total.bytes)} | ` +
      `${k['index chunks']?.files ?? 0} files, ${kb(k['index chunks']?.bytes ?? 0)} | ${k.fragments?.files ?? 0} files, ${mb(k.fragments?.bytes ?? 0)} | ` +
      `${kb(Math.max(...rows.map((r) => r.startup)))} | ${kb(rows[0].pageBytes)} |`,
  );
}
console.log(
  '\n| N | pages made by | query | results | index chunks fetched | result fragments fetched (first 10) | query bytes | time to results |',
);
console.log('| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const { n, method, rows } of report) {
  for (const r of rows) {
    console.log(
      `| ${n.toLocaleString('en')} | ${method} | ${r.label} | ${r.results} | ${r.indexFiles} (${kb(r.index)}) | ${r.fragmentFiles} (${kb(r.fragments)}) | ${kb(r.index + r.fragments)} | ${Math.round(r.ms)} ms |`,
    );
  }
}
