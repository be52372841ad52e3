#!/usr/bin/env node
/**
 * Compression benchmark: `npm run bench:compress [-- --dir dist] [--brotli 4,5,6,7,9,10,11] [--gzip 6,9] [--samples-only]`.
 *
 * Reads a built site (default: this project's dist/; for figures at scale, a build of `npm run bench -- --sizes 1000
 * --write-corpus <folder>`) and compresses its real outputs at each Brotli quality and gzip level, with Node's zlib
 * as the build does (src/integrations/precompress.ts): single-threaded, synchronous, so the times are CPU time.
 *
 * - Samples: an article page, a listing page, the RSS feed, the JSON feed, the sitemap and Pagefind's script: bytes
 *   and milliseconds per file at each level.
 * - The whole output: every file the build pre-compresses, total bytes and total CPU seconds at each level (the
 *   faster of two runs, after a warm-up; the build spreads this over the machine's cores). Left out with --samples-only.
 *
 * A benchmark, not a test: it asserts nothing, and prints Markdown tables.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BROTLI_QUALITY, DEFAULT_EXTENSIONS, GZIP_LEVEL } from '../src/integrations/precompress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: path.join(ROOT, 'dist') },
    brotli: { type: 'string', default: '4,5,6,7,8,9,10,11' },
    gzip: { type: 'string', default: '6,9' },
    'samples-only': { type: 'boolean', default: false },
  },
});
const dir = path.resolve(args.dir);
const list = (s) => s.split(',').map(Number);

/** The compressors, as the build calls them (text mode and a size hint for Brotli; gzip has no name and mtime 0). */
const methods = [
  ...list(args.brotli).map((q) => ({
    label: `br ${q}`,
    chosen: q === BROTLI_QUALITY,
    run: (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: q,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  })),
  ...list(args.gzip).map((level) => ({ label: `gzip ${level}`, chosen: level === GZIP_LEVEL, run: (data) => gzipSync(data, { level }) })),
];

/** Every file the build pre-compresses, relative to dir. */
const wanted = new Set(DEFAULT_EXTENSIONS.map((e) => `.${e}`));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => wanted.has(path.extname(f)) && statSync(path.join(dir, f)).isFile())
  .sort();

/** The sample of each kind: the first match in sorted order (an article page: the largest of the first ten, not a redirect stub). */
function sample(label, test) {
  const matches = files.filter(test);
  if (matches.length === 0) return undefined;
  const pick = label === 'article page' ? matches.slice(0, 10).sort((a, b) => size(b) - size(a))[0] : matches[0];
  return { label, file: pick, data: readFileSync(path.join(dir, pick)) };
}
const size = (f) => statSync(path.join(dir, f)).size;
const samples = [
  sample('article page', (f) => /^articles\/[^/]+\/index\.html$/.test(f)),
  sample('listing page', (f) => f === 'latest/2/index.html' || f === 'latest/index.html'),
  sample('front page', (f) => f === 'index.html'),
  sample('RSS feed', (f) => f === 'rss.xml'),
  sample('JSON feed', (f) => f === 'feed.json'),
  sample('sitemap', (f) => /^sitemap-0\.xml$/.test(f)),
  sample('pagefind.js', (f) => /^pagefind\/[^/]+\/pagefind\.js$/.test(f)),
].filter(Boolean);

/** Milliseconds per call: repeated until 300 ms have passed (at least 3 times), the median call. */
function time(run, data) {
  const times = [];
  let out;
  const until = performance.now() + 300;
  while (times.length < 3 || performance.now() < until) {
    const start = performance.now();
    out = run(data);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { bytes: out.length, ms: times[Math.floor(times.length / 2)] };
}

const fmt = (n) => n.toLocaleString('en');
const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const name = (m) => (m.chosen ? `**${m.label}**` : m.label);

console.log(
  `${files.length} files to pre-compress in ${dir}; ${availableParallelism()} cores; chosen: br ${BROTLI_QUALITY}, gzip ${GZIP_LEVEL}\n`,
);
console.log(`| file | size | ${methods.map(name).join(' | ')} |`);
console.log(`| --- | ---: | ${methods.map(() => '---:').join(' | ')} |`);
for (const s of samples) {
  const cells = methods.map((m) => {
    const { bytes, ms: t } = time(m.run, s.data);
    return `${fmt(bytes)} B, ${ms(t)} ms`;
  });
  console.log(`| ${s.label} (\`${s.file}\`) | ${fmt(s.data.length)} B | ${cells.join(' | ')} |`);
}

if (!args['samples-only']) {
  const all = files.map((f) => readFileSync(path.join(dir, f)));
  const total = all.reduce((n, d) => n + d.length, 0);
  console.log(`\nThe whole output: ${fmt(files.length)} files, ${fmt(total)} B`);
  console.log('\n| method | total compressed | of the original | CPU time, one core | per file |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  // A warm-up pass (file cache, JIT), then each method twice: the faster run counts.
  for (const data of all) methods[0].run(data);
  for (const m of methods) {
    let bytes = 0;
    let seconds = Infinity;
    for (let run = 0; run < 2; run++) {
      const start = performance.now();
      bytes = 0;
      for (const data of all) bytes += m.run(data).length;
      seconds = Math.min(seconds, (performance.now() - start) / 1000);
    }
    console.log(
      `| ${name(m)} | ${fmt(bytes)} B | ${((100 * bytes) / total).toFixed(1)} % | ${seconds.toFixed(2)} s | ${((seconds * 1000) / files.length).toFixed(2)} ms |`,
    );
  }
}
