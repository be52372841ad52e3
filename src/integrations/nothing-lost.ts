/**
 * Nothing lost, after every production build: each published article's page must hold every text of
 * its entry (headline, standfirst, caption, credit, key points, body), or the build fails naming the
 * file and the first missing text (`<file>: <field>: "…" is missing from the built page …`).
 *
 * The entries are read from the articles folder itself (ARTICLES_DIR), not from the content store, so
 * an entry the pipeline dropped or emptied is caught too. The gate is the site's own: `isPublished()`
 * from src/content-model/articles.ts, at the time the build started (a page rendered after that saw at least
 * as many articles published). The comparison is src/publishing/nothing-lost.ts.
 *
 * Only what changed is checked again: the check is a function of the entry's bytes, the page's bytes and the
 * check's code, so each (entry, page, code) that passed is remembered in Astro's cache directory, and an article
 * whose entry file, built page and check code are all byte for byte the same as in a build where it passed is not
 * compared again. A changed entry, a changed page or changed code (src/integrations/code-digest.ts) is checked in
 * full. The comparisons left are spread over the machine's cores (worker threads).
 */
import type { AstroIntegration } from 'astro';
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'astro/zod';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { articleSchema } from '../content-model/article-schema.ts';
import { isPublished } from '../content-model/articles.ts';
import { parseBuildTime } from '../content-model/build-time.ts';
import { formatProblems, type EntryProblem } from '../content-model/entry-checks.ts';
import { slugOf } from '../lib/slug.ts';
import { nothingLostProblems, type ShownFields } from '../publishing/nothing-lost.ts';
import { articlePath } from '../lib/urls.ts';
import { codeDigest } from '../content-model/code-digest.ts';
import { outputDigests, type OutputDigests } from './output-digests.ts';
import { writeWhole } from './cache-links.ts';

/** The schema with the image as a plain path: only the shown text fields and the gate are needed here. */
const schema = articleSchema(z.string());

export interface EntrySource {
  /** The entry's file as editors know it (`content/articles/<slug>/index.md`). */
  file: string;
  slug: string;
  /** Validated frontmatter. */
  data: z.infer<typeof schema>;
  /** The markdown body, as the glob loader takes it. */
  body: string;
}

/** An entry file as read, not yet parsed. */
interface EntryFile {
  file: string;
  slug: string;
  text: string;
}

/** The entry files under `dir` (relative to `root`, or absolute) with a valid slug, in name order. */
function readEntryFiles(dir: string, root: string): EntryFile[] {
  const absolute = path.resolve(root, dir);
  const names = readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.md'))
    .sort();
  const files: EntryFile[] = [];
  for (const name of names) {
    const entry = name.split(path.sep).join('/');
    const slug = slugOf(entry);
    if (!('slug' in slug)) continue;
    files.push({ file: `${dir.replace(/\/+$/, '')}/${entry}`, slug: slug.slug, text: readFileSync(path.join(absolute, name), 'utf8') });
  }
  return files;
}

/** An entry file's frontmatter validated and its body taken; undefined when it does not validate. */
function parseEntry({ file, slug, text }: EntryFile): EntrySource | undefined {
  const { frontmatter, content } = parseFrontmatter(text);
  const parsed = schema.safeParse(frontmatter ?? {});
  return parsed.success ? { file, slug, data: parsed.data, body: content.trim() } : undefined;
}

/**
 * The valid entries under `dir` (relative to `root`, or absolute), by slug. Entries that do not validate
 * are left out: the build has already stopped on them (src/content-model/articles-loader.ts).
 */
export async function readEntries(dir: string, root: string): Promise<EntrySource[]> {
  return readEntryFiles(dir, root)
    .map(parseEntry)
    .filter((e) => e !== undefined);
}

/** The entries a production build publishes at `now`, through the same gate as the pages. */
export async function readPublishedEntries(dir: string, root: string, now: Date): Promise<EntrySource[]> {
  return (await readEntries(dir, root)).filter((e) => isPublished(e, now));
}

/** The page file of an article in a build's output directory (`articles/<slug>/index.html`). */
export function pageFile(outDir: string, slug: string): string {
  return path.join(outDir, articlePath(slug, '/'), 'index.html');
}

/** One comparison: what `nothingLostProblems` takes, with the page as a path (read where it is compared). */
type Comparison = Omit<Parameters<typeof nothingLostProblems>[0], 'html'> & { pageFile: string };

function comparison(entry: EntrySource, outDir: string): Comparison {
  const fields: ShownFields = entry.data;
  const file = pageFile(outDir, entry.slug);
  return { file: entry.file, page: path.relative(outDir, file), pageFile: file, fields, body: entry.body };
}

/** The built page, or undefined when none was written. */
function readPage(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The digest of the built page's bytes, or undefined when none was written. */
async function pageDigest(file: string, digests: OutputDigests | undefined): Promise<string | undefined> {
  if (digests) return (await digests.of(file))?.digest;
  const html = readPage(file);
  return html === undefined ? undefined : hash('sha256', html);
}

const compare = ({ pageFile: file, ...c }: Comparison) => nothingLostProblems({ ...c, html: readPage(file) });

/** Comparisons per worker thread, at least: a worker costs about as much to start as 50–100 comparisons. */
const WORKER_THRESHOLD = 100;
/** Comparisons sent to a worker at a time. */
const BATCH = 25;

/**
 * A worker thread that makes each comparison of the batches it is sent, as `compare` does: eval'd code importing
 * the check's module by URL (Node strips its types), so a worker runs the very code the main thread runs. Each page
 * is read by the worker that compares it, so no thread holds more than a batch of pages.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const readPage = (file) => { try { return readFileSync(file, 'utf8'); } catch { return undefined; } };
import(workerData).then(({ nothingLostProblems }) => {
  parentPort.on('message', (batch) =>
    parentPort.postMessage(batch.map(({ pageFile, ...c }) => nothingLostProblems({ ...c, html: readPage(pageFile) }))),
  );
});`;

/**
 * The problems of each comparison, in order. Many comparisons are spread over the machine's cores: this thread and
 * a worker thread per other core take batches from one queue. A few are made here alone.
 */
async function compareAll(comparisons: readonly Comparison[]): Promise<EntryProblem[][]> {
  const workers = Math.min(availableParallelism() - 1, Math.floor(comparisons.length / WORKER_THRESHOLD));
  if (workers < 1) return comparisons.map(compare);
  const results: EntryProblem[][] = new Array(comparisons.length);
  let next = 0;
  const take = (size: number) => {
    const from = next;
    next = Math.min(comparisons.length, next + size);
    return { from, batch: comparisons.slice(from, next) };
  };
  const module = new URL('../publishing/nothing-lost.ts', import.meta.url).href;
  const workerLane = async (): Promise<void> => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: module });
    try {
      const failed = new Promise<never>((_, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`nothing-lost: a worker thread stopped (exit code ${code})`)));
      });
      failed.catch(() => {}); // raced below; not a rejection of its own once the work is done
      while (next < comparisons.length) {
        const { from, batch } = take(BATCH);
        const reply = new Promise<EntryProblem[][]>((resolve) => worker.once('message', resolve));
        worker.postMessage(batch);
        const problems = await Promise.race([reply, failed]);
        problems.forEach((p, i) => (results[from + i] = p));
      }
    } finally {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  };
  // This thread takes small batches and lets the event loop run between them, so the workers' replies (and
  // Pagefind's, which runs meanwhile) are not kept waiting.
  const thisLane = async (): Promise<void> => {
    while (next < comparisons.length) {
      const { from, batch } = take(BATCH / 5);
      batch.forEach((c, i) => (results[from + i] = compare(c)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([thisLane(), ...Array.from({ length: workers }, workerLane)]);
  return results;
}

/** Every published entry checked against its page in `outDir`; the problems found. */
export async function checkBuild(entries: readonly EntrySource[], outDir: string): Promise<EntryProblem[]> {
  return (await compareAll(entries.map((entry) => comparison(entry, outDir)))).flat();
}

export interface SiteCheck {
  /** The entries folder (relative to `root`, or absolute) and the project root. */
  dir: string;
  root: string;
  /** The build's "now", for the publishing gate. */
  now: Date;
  /** The build's output directory. */
  outDir: string;
  /**
   * Where passes are remembered, and the digest of the check's code (src/integrations/code-digest.ts): without
   * both, every published entry is checked.
   */
  cache?: { file: string; code: string } | undefined;
  /** The pages' digests, remembered from the last build (src/integrations/output-digests.ts): an unchanged page is not read. */
  digests?: OutputDigests;
}

export interface SiteCheckResult {
  problems: EntryProblem[];
  /** Published entries whose page holds every text: checked now, or unchanged since a build where they passed. */
  published: number;
  /** Of those, the ones not compared again. */
  fromCache: number;
}

/** The key of one check: the check's code, the entry file's text and the digest of the page's bytes. */
const passKey = (code: string, entry: EntryFile, page: string) => hash('sha256', `${code}\0${hash('sha256', entry.text)}\0${page}`);

function readPasses(file: string): Set<string> {
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

/** The passes of this build only (an article changed since is not kept), written whole or not at all. */
function writePasses(file: string, passes: Iterable<string>): void {
  writeWhole(file, [...passes].sort().join('\n'));
}

/**
 * The check of a whole build, as the integration runs it: every entry under `dir` published at `now` against its
 * page in `outDir`, except those whose entry, page and check code passed together before (`cache`).
 */
export async function checkSite({ dir, root, now, outDir, cache, digests }: SiteCheck): Promise<SiteCheckResult> {
  const passed = cache ? readPasses(cache.file) : new Set<string>();
  const passes = new Set<string>();
  const toCompare: { comparison: Comparison; key: string | undefined }[] = [];
  let fromCache = 0;
  for (const file of readEntryFiles(dir, root)) {
    const page = cache && (await pageDigest(pageFile(outDir, file.slug), digests));
    const key = cache && page !== undefined ? passKey(cache.code, file, page) : undefined;
    // The same entry, page and code passed before: the comparison would pass again. (Only a published entry was
    // ever compared, and a page is built only for a published entry.)
    if (key !== undefined && passed.has(key)) {
      passes.add(key);
      fromCache++;
      continue;
    }
    const entry = parseEntry(file);
    if (entry === undefined || !isPublished(entry, now)) continue;
    toCompare.push({ comparison: comparison(entry, outDir), key });
  }
  const results = await compareAll(toCompare.map((c) => c.comparison));
  const problems = results.flat();
  results.forEach((found, i) => {
    const { key } = toCompare[i]!;
    if (found.length === 0 && key !== undefined) passes.add(key);
  });
  if (cache) writePasses(cache.file, passes);
  return { problems, published: fromCache + toCompare.length, fromCache };
}

class NothingLostError extends Error {
  override name = 'NothingLostError';
  constructor(message: string) {
    super(message);
    this.stack = ''; // Astro prints "Stack trace:" and the stack when there is one: an editor needs neither
  }
}

export default function nothingLost({ dir }: { dir: string }): AstroIntegration {
  let root = process.cwd();
  let cacheFile: string | undefined;
  let digests: OutputDigests | undefined;
  let started = new Date();
  return {
    name: 'nothing-lost',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheFile = fileURLToPath(new URL('nothing-lost/passed.txt', config.cacheDir));
        digests = outputDigests(fileURLToPath(config.cacheDir));
      },
      'astro:build:start': () => {
        // The build's own "now" (BUILD_TIME when given), so the gate matches the pages'.
        started = parseBuildTime(process.env.BUILD_TIME);
      },
      'astro:build:done': async ({ dir: outDir, logger }) => {
        const start = performance.now();
        const code = codeDigest([fileURLToPath(import.meta.url)], root);
        const { problems, published, fromCache } = await checkSite({
          dir,
          root,
          now: started,
          outDir: fileURLToPath(outDir),
          cache: cacheFile && code ? { file: cacheFile, code } : undefined,
          digests,
        });
        if (problems.length) {
          throw new NothingLostError(formatProblems(problems));
        }
        logger.info(
          `${published} published ${published === 1 ? 'article' : 'articles'}: every text of the entry is on its page ` +
            `(${fromCache} unchanged since a build that checked them) in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
