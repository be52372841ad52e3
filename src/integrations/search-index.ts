/**
 * The search index: after the build, Pagefind (its Node API, a bundled binary from npm) reads the built pages
 * in the output directory and writes its index to `<output>/pagefind/`, so `npm run build` alone produces it.
 *
 * What is indexed is decided by the pages' markup (README "Search"): only elements marked
 * `data-pagefind-body` (an article's headline, standfirst, key points and body), so the front page, the 404,
 * redirect stubs and the navigation of every page are never search results. Date and section come from the
 * article's `<meta>` tags (`data-pagefind-meta`, `data-pagefind-filter`). Only article pages carry the mark, so only
 * they are given to Pagefind to read (ARTICLE_PAGES): the index is the same, without parsing every listing page.
 *
 * The index is written in shards, Pagefind indexes of at most about 4,000 articles each, by month of publication
 * (src/lib/search-shards.ts), which the search page merges in the browser. Each shard is kept in Astro's cache folder
 * under a key of its pages' bytes: publishing or correcting an article indexes its shard again, and every other shard
 * is linked from the cache. Shards are indexed one at a time, so Pagefind's memory is that of the largest one.
 *
 * Pagefind runs in its own process (one core; ~1.5 ms a page): the hook starts it and returns, so the
 * integrations after this one (nothing-lost, and pre-compression of everything but the index) work meanwhile.
 * `output.written` settles when the index is written; the pre-compression waits for it before compressing the
 * index (pagefind.js, pagefind-entry.json, shards.json), and fails the build with Pagefind's error if there was one.
 *
 * The search page uses Pagefind's JavaScript API with its own small script and markup (src/pages/search.astro),
 * on the main thread: Pagefind's UI bundles, its highlighter and its web worker are not used, and are not
 * published (PAGEFIND_UNUSED).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath } from '../lib/urls.ts';
import {
  DEFAULT_SHARD_SIZE,
  newestFirst,
  pagePublished,
  monthOf,
  shardsOfMonths,
  SHARDS_FILE,
  type SearchShards,
} from '../lib/search-shards.ts';
import { codeDigest } from '../content-model/code-digest.ts';
import { isLinked, linkOrCopy, linkTree, writeWhole } from './cache-links.ts';
import { outputDigests, type OutputDigests } from './output-digests.ts';

/** The folder of the index inside the output directory: `<base>pagefind/shards.json`, then one folder per shard. */
const PAGEFIND_DIR = 'pagefind';
/** In the cache folder: the month of each article page of the last build, by the page's digest. */
const MONTHS_FILE = 'months.json';
/** The file of a shard's index that names its other files (Pagefind's). */
const ENTRY_FILE = 'pagefind-entry.json';

/** The pages Pagefind reads (a glob in the output directory): the article pages, the only ones marked for it. */
export const ARTICLE_PAGES = `${articlePath('x', '/').slice(1).replace(/x\/$/, '*/')}index.html`;

/**
 * Files Pagefind writes that the site does not use: its ready-made UIs (which need inline styles), highlighter and
 * worker. (The WebAssembly of languages the index does not have goes too.)
 */
export const PAGEFIND_UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
] as const;

/** The attribute that marks what Pagefind indexes of a page (src/components/Headline.astro, ArticleBody.astro…). */
const INDEXED_MARK = 'data-pagefind-body';

/** One article page of the index: its path in the output directory, its month of publication, a digest of its bytes. */
interface ArticlePage {
  file: string;
  month: string;
  digest: string;
}

/**
 * The article pages in `dir` (ARTICLE_PAGES) that have a part marked for the index, sorted by path: not the redirect
 * pages of renamed articles, which live beside the articles. (Pagefind would skip them too, but only in an index
 * where some page has the mark.) Each page is read once, for its date and its digest; its HTML is not kept. A page
 * whose digest is remembered from the last build (`digests`, src/integrations/output-digests.ts) and whose month is
 * known by that digest (`months`: '' for a page without the mark) is not read at all. Also every page's month, by
 * its digest, for the next build.
 */
async function articlePages(
  dir: string,
  digests?: OutputDigests,
  months: ReadonlyMap<string, string> = new Map(),
): Promise<{ pages: ArticlePage[]; months: Map<string, string> }> {
  const [folder, file] = ARTICLE_PAGES.split('*/') as [string, string];
  const root = path.join(dir, folder);
  if (!existsSync(root)) return { pages: [], months: new Map() };
  const files = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, file)))
    .map((d) => `${folder}${d.name}/${file}`)
    .sort();
  const page = async (f: string): Promise<ArticlePage> => {
    const known = digests && (await digests.of(path.join(dir, f)));
    const month = known && months.get(known.digest);
    if (known && month !== undefined) return { file: f, month, digest: known.digest };
    const html = known?.data ? known.data.toString('utf8') : await readFile(path.join(dir, f), 'utf8');
    const digest = known?.digest ?? createHash('sha256').update(html).digest('hex');
    if (!html.includes(INDEXED_MARK)) return { file: f, month: '', digest };
    try {
      return { file: f, month: monthOf(pagePublished(html)), digest };
    } catch (error) {
      throw new Error(`search index: ${f}: ${(error as Error).message}`, { cause: error });
    }
  };
  const pages: ArticlePage[] = [];
  const seen = new Map<string, string>();
  // A few at a time: the hook must not hold the main thread (nothing-lost works meanwhile), nor open 10,000 files at once.
  for (let i = 0; i < files.length; i += 64) {
    for (const found of await Promise.all(files.slice(i, i + 64).map(page))) {
      seen.set(found.digest, found.month);
      if (found.month) pages.push(found);
    }
  }
  return { pages, months: seen };
}

/** What decides a shard's index: this module's code (and Pagefind's version, in the lockfile), the language, its pages. */
function shardKey(code: string, language: string, pages: ArticlePage[]): string {
  const hash = createHash('sha256').update(`${code}\0${language}\0`);
  for (const page of pages) hash.update(`${page.file}\0${page.digest}\0`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Write one shard's index of `pages` (in `dir`) to `outputPath` with Pagefind, without the files the site does not
 * use. Pagefind reads the pages itself (its own threads; much faster than sending it each page's HTML): from a folder
 * `scratch` of links to them, at the same paths, so the URLs it gives them are the same; or, when the shard is the
 * whole index (no `scratch`), from `dir` itself.
 */
async function indexShard(
  pagefind: typeof import('pagefind'),
  dir: string,
  pages: ArticlePage[],
  options: { language: string; outputPath: string; scratch: string | undefined },
): Promise<void> {
  const { scratch } = options;
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
    for (const page of pages) {
      const target = path.join(scratch, page.file);
      mkdirSync(path.dirname(target), { recursive: true });
      linkOrCopy(path.join(dir, page.file), target);
    }
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
  if (!index) throw new Error(`search index: Pagefind could not start: ${errors.join('; ')}`);
  try {
    // In place, the redirect pages beside the articles are read too, and skipped: they have no marked part.
    const added = await index.addDirectory(scratch ? { path: scratch } : { path: dir, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new Error(`search index: Pagefind could not read the built pages: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: options.outputPath });
    if (written.errors.length > 0)
      throw new Error(`search index: Pagefind could not write ${options.outputPath}: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  // What the index holds: its languages, each with its WebAssembly file.
  const entry = JSON.parse(readFileSync(path.join(options.outputPath, ENTRY_FILE), 'utf8')) as {
    languages: Record<string, { wasm: string }>;
  };
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm}.pagefind`));
  const unusedWasm = readdirSync(options.outputPath).filter((f) => /^wasm\..+\.pagefind$/.test(f) && !wasm.has(f));
  for (const file of [...PAGEFIND_UNUSED, ...unusedWasm]) rmSync(path.join(options.outputPath, file), { force: true });
}

/** What writeSearchIndex did. */
export interface SearchIndexSummary {
  /** Article pages in the index. */
  pages: number;
  /** Its shards, newest first. */
  shards: string[];
  /** Shards whose pages had not changed since the build that wrote the cache: their index was reused. */
  reused: number;
}

/**
 * Index the article pages of the built site in `dir` and write the index to `dir/pagefind/`: one Pagefind index per
 * shard of `shardSize` articles (src/lib/search-shards.ts) in `pagefind/<shard>/`, and their names, newest first, in
 * `pagefind/shards.json`.
 *
 * With a `cache` (its folder, and the project root whose lockfiles the code digest reads), each shard's index is
 * kept in that folder under a key of its pages (paths and bytes), the language and this code (with the lockfile, hence
 * Pagefind's version); a shard whose key is there is linked from it instead of being indexed again. The folder then
 * holds the shards of this build only. Its files are hard links to those in `dir`: nothing may write through them.
 */
export async function writeSearchIndex(
  dir: string,
  language: string,
  options: { shardSize?: number; cache?: { dir: string; root: string }; digests?: OutputDigests } = {},
): Promise<SearchIndexSummary> {
  const outputRoot = path.join(dir, PAGEFIND_DIR);
  // Without a digest of the code (no lockfile), nothing is reused.
  const code = options.cache && codeDigest([fileURLToPath(import.meta.url)], options.cache.root);
  const cacheDir = code ? options.cache!.dir : undefined;
  // The month of each page by its digest, from the last build (MONTHS_FILE), for pages not read again.
  const monthsFile = cacheDir && path.join(cacheDir, MONTHS_FILE);
  const months = new Map<string, string>();
  if (monthsFile) {
    try {
      const memo = JSON.parse(readFileSync(monthsFile, 'utf8')) as { code: string; months: [string, string][] };
      if (memo.code === code) for (const [digest, month] of memo.months) months.set(digest, month);
    } catch {
      // None yet: every page is read.
    }
  }
  const found = await articlePages(dir, options.digests, months);
  const { pages } = found;
  mkdirSync(outputRoot, { recursive: true });
  const shardOf = shardsOfMonths(
    pages.map((page) => page.month),
    options.shardSize ?? DEFAULT_SHARD_SIZE,
  );
  const shards = Map.groupBy(pages, (page) => shardOf.get(page.month)!);
  const names = newestFirst(shards.keys());
  // The folder of links Pagefind reads a shard from, when there are several: in the cache folder (the same file
  // system as the output, as a rule, so links can be made), or a temporary folder.
  const scratch =
    names.length < 2
      ? undefined
      : cacheDir
        ? path.join(cacheDir, `.pages-${process.pid}`)
        : mkdtempSync(path.join(tmpdir(), 'search-index-'));
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  // What the output already holds (an output kept in place, src/integrations/output-folder.ts): a shard whose files
  // are this build's cache entry's stays; every other shard is written anew, and what is not a shard goes.
  const kept = (name: string, entry: string) => isLinked(path.join(entry, ENTRY_FILE), path.join(outputRoot, name, ENTRY_FILE));
  const used = new Set<string>([MONTHS_FILE]);
  let reused = 0;
  // Imported when needed, so a config load (astro check, dev) does not start Pagefind's binary.
  let pagefind: typeof import('pagefind') | undefined;
  try {
    // One shard at a time: Pagefind's memory is then that of the largest shard, not of the whole site.
    for (const name of names) {
      const shardPages = shards.get(name)!;
      const outputPath = path.join(outputRoot, name);
      const key = code && `${name}-${shardKey(code, language, shardPages)}`;
      if (cacheDir && key) {
        used.add(key);
        const entry = path.join(cacheDir, key);
        if (existsSync(entry)) {
          if (!kept(name, entry)) {
            rmSync(outputPath, { recursive: true, force: true });
            linkTree(entry, outputPath);
          }
          reused++;
          continue;
        }
      }
      rmSync(outputPath, { recursive: true, force: true });
      pagefind ??= await import('pagefind');
      await indexShard(pagefind, dir, shardPages, { language, outputPath, scratch });
      if (cacheDir && key) {
        // Written beside, then renamed: a build stopped half-way leaves no partial entry.
        const temporary = path.join(cacheDir, `${key}.${process.pid}.tmp`);
        rmSync(temporary, { recursive: true, force: true });
        linkTree(outputPath, temporary);
        rmSync(path.join(cacheDir, key), { recursive: true, force: true });
        renameSync(temporary, path.join(cacheDir, key));
      }
    }
  } finally {
    await pagefind?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  for (const name of readdirSync(outputRoot)) {
    if (!names.includes(name) && !name.startsWith(SHARDS_FILE)) rmSync(path.join(outputRoot, name), { recursive: true, force: true });
  }
  if (cacheDir) {
    for (const entry of readdirSync(cacheDir)) if (!used.has(entry)) rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
    // This build's pages only.
    writeWhole(monthsFile!, JSON.stringify({ code, months: [...found.months] }));
  }
  writeFileSync(path.join(outputRoot, SHARDS_FILE), `${JSON.stringify({ shards: names } satisfies SearchShards)}\n`);
  return { pages: pages.length, shards: names, reused };
}

/** What the search index integration writes, and when it is done. */
export interface SearchIndexOutput {
  /** Its folder in the output directory. */
  dir: string;
  /** Settles when the index is written; rejects with the reason it could not be. */
  written: Promise<void>;
}

/**
 * The integration: `language` is the site's (Pagefind's stemming); `shardSize` the articles a shard takes before it
 * closes (src/lib/search-shards.ts; SEARCH_SHARD_SIZE in the config).
 */
export default function searchIndex(options: { language: string; shardSize?: number }): AstroIntegration & { output: SearchIndexOutput } {
  let done!: { resolve: () => void; reject: (error: unknown) => void };
  const written = new Promise<void>((resolve, reject) => (done = { resolve, reject }));
  let cache: { dir: string; root: string } | undefined;
  let digests: OutputDigests | undefined;
  return {
    name: 'search-index',
    output: { dir: PAGEFIND_DIR, written },
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = { dir: fileURLToPath(new URL('search-index/', config.cacheDir)), root: fileURLToPath(config.root) };
        digests = outputDigests(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': ({ dir, logger }) => {
        const start = performance.now();
        // Not awaited: Pagefind works in its own process while the next integrations run; see `output.written`.
        writeSearchIndex(fileURLToPath(dir), options.language, { cache, shardSize: options.shardSize, digests }).then(
          ({ pages, shards, reused }) => {
            logger.info(
              `${pages} ${pages === 1 ? 'page' : 'pages'} in the search index (${PAGEFIND_DIR}/, ${shards.length} ${shards.length === 1 ? 'shard' : 'shards'}, ${reused} unchanged, from the cache), in ${Math.round(performance.now() - start)} ms`,
            );
            done.resolve();
          },
          done.reject,
        );
      },
    },
  };
}
