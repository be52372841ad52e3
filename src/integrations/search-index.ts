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
 * Pagefind runs in its own process (one core; ~2 s for 1,000 articles): the hook starts it and returns, so the
 * integrations after this one (nothing-lost, and pre-compression of everything but the index) work meanwhile.
 * `output.written` settles when the index is written; the pre-compression waits for it before compressing the
 * index (pagefind.js, pagefind-entry.json), and fails the build with Pagefind's error if there was one.
 *
 * The search page uses Pagefind's JavaScript API with its own small script and markup (src/pages/search.astro),
 * on the main thread: Pagefind's UI bundles, its highlighter and its web worker are not used, and are not
 * published (PAGEFIND_UNUSED).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath } from '../lib/urls.ts';

/** The folder of the index inside the output directory; the search page loads `<base>pagefind/pagefind.js`. */
const PAGEFIND_DIR = 'pagefind';

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

/**
 * Index the built site in `dir` and write the index to `dir/pagefind/`, without the files the site does not use.
 * Returns the number of pages in the index.
 */
export async function writeSearchIndex(dir: string, language: string): Promise<number> {
  // Imported here, so a config load (astro check, dev) does not start Pagefind's binary.
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`search index: Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir, glob: ARTICLE_PAGES });
    if (added.errors.length > 0) throw new Error(`search index: Pagefind could not read the built pages: ${added.errors.join('; ')}`);
    const outputPath = path.join(dir, PAGEFIND_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    // What the index holds: its languages, each with its WebAssembly file and page count.
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { wasm: string; page_count: number }>;
    };
    const languages = Object.values(entry.languages);
    const wasm = new Set(languages.map((l) => `wasm.${l.wasm}.pagefind`));
    const unusedWasm = (await readdir(outputPath)).filter((f) => /^wasm\..+\.pagefind$/.test(f) && !wasm.has(f));
    await Promise.all([...PAGEFIND_UNUSED, ...unusedWasm].map((file) => rm(path.join(outputPath, file), { force: true })));
    return languages.reduce((n, l) => n + l.page_count, 0);
  } finally {
    await pagefind.close();
  }
}

/** What the search index integration writes, and when it is done. */
export interface SearchIndexOutput {
  /** Its folder in the output directory. */
  dir: string;
  /** Settles when the index is written; rejects with the reason it could not be. */
  written: Promise<void>;
}

export default function searchIndex(options: { language: string }): AstroIntegration & { output: SearchIndexOutput } {
  let done!: { resolve: () => void; reject: (error: unknown) => void };
  const written = new Promise<void>((resolve, reject) => (done = { resolve, reject }));
  return {
    name: 'search-index',
    output: { dir: PAGEFIND_DIR, written },
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const start = performance.now();
        // Not awaited: Pagefind works in its own process while the next integrations run; see `output.written`.
        writeSearchIndex(fileURLToPath(dir), options.language).then((pages) => {
          logger.info(`${pages} pages in the search index (${PAGEFIND_DIR}/), in ${Math.round(performance.now() - start)} ms`);
          done.resolve();
        }, done.reject);
      },
    },
  };
}
