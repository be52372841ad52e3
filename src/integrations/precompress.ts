/**
 * Pre-compressed output: after the build, write `<file>.br` and `<file>.gz` beside every text asset in the
 * output directory, so hosts that serve static pre-compressed files (nginx `gzip_static` / `brotli_static`,
 * Caddy `precompressed`, most CDNs' origin pulls) send them without compressing on each request.
 *
 * Node's zlib only: gzip 9 and Brotli 5, chosen from measurements (`npm run bench:compress`, README "Build
 * performance": Brotli 11 saves another 9 % for 50–100× the time). Deterministic: the gzip header carries no file
 * name and a zero mtime, so the same input gives byte-identical files.
 *
 * Only what changed is compressed: results are kept by content hash in Astro's cache directory and hard-linked
 * back into the output on the next build, so a rebuild after one changed article compresses a handful of files.
 */
import type { AstroIntegration } from 'astro';
import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress as brotliCb, constants, gzip as gzipCb, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import { isLinked, linkOrCopy, writeWhole } from './cache-links.ts';
import { outputDigests, type OutputDigests } from './output-digests.ts';

const gzipAsync = promisify(gzipCb);
const brotliAsync = promisify(brotliCb);

export interface PrecompressOptions {
  /** File extensions (without the dot) to compress. */
  extensions?: readonly string[];
  /**
   * A folder of the output that an earlier integration is still writing when this one starts (the search index,
   * src/integrations/search-index.ts), and the promise that settles when it is written: the rest of the output is
   * compressed meanwhile, then that folder. Its rejection fails the build.
   */
  after?: { dir: string; written: Promise<unknown> };
}

/** Text formats a static site ships; images and fonts are compressed already. */
export const DEFAULT_EXTENSIONS = ['html', 'css', 'js', 'mjs', 'xml', 'json', 'svg', 'txt', 'webmanifest'] as const;

/** The gzip level (Node's zlib writes mtime 0 and no name: deterministic). The page-weight budgets are measured at it. */
export const GZIP_LEVEL = 9;
/** The Brotli quality, from `npm run bench:compress` (README "Build performance"). */
export const BROTLI_QUALITY = 5;

const gzipOptions: ZlibOptions = { level: GZIP_LEVEL };

/** Brotli in text mode, told the input's size (smaller windows and tables for small files: faster, same bytes or fewer). */
function brotliOptions(size: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

/**
 * What the compressed bytes depend on besides the input: the settings and the compressors' versions. Part of every
 * cache entry's name, so a change of level or of Node's zlib compresses everything again, as a cold build would.
 */
const SETTINGS = hash('sha256', JSON.stringify([GZIP_LEVEL, BROTLI_QUALITY, process.versions.zlib, process.versions.brotli])).slice(0, 12);

/** Every file under `dir`, in a stable order (names sorted within each folder), except under `skip`. */
function walk(dir: string, skip?: string, files: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== skip) walk(full, skip, files);
    } else if (entry.isFile()) files.push(full);
  }
  return files;
}

export interface PrecompressDirOptions {
  extensions?: readonly string[];
  /**
   * A directory to keep compressed results in, by content hash: a file whose bytes did not change since the
   * last build gets its `.gz` and `.br` from there (a hard link, or a copy where links cannot be made) instead of
   * being compressed again. Entries not used by this run are removed, so the cache holds one build's worth.
   */
  cacheDir?: string;
  /** A folder (relative to `dir`) left until `written` settles, then compressed: see PrecompressOptions. */
  after?: { dir: string; written: Promise<unknown> };
  /** The files' digests, remembered from the last build (src/integrations/output-digests.ts): an unchanged file is not read. */
  digests?: OutputDigests;
}

/** `data` written to `target`, replacing what was there rather than writing through it (it may be a link to a cache entry). */
function replace(target: string, data: Buffer): void {
  rmSync(target, { force: true });
  writeFileSync(target, data);
}

/**
 * `data` written to `target`, and kept as the cache entry `entry`. The entry is made by linking the finished file, so
 * it appears whole or not at all (a build stopped half-way leaves no truncated entry); where links cannot be made, it
 * is written beside and renamed into place.
 */
function toEntry(data: Buffer, target: string, entry: string): void {
  replace(target, data);
  try {
    linkSync(target, entry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return; // another build wrote the same bytes first
    writeWhole(entry, data);
  }
}

/** Write `.gz` and `.br` beside every file in `dir` whose extension is listed. Returns the files compressed. */
export async function precompressDir(dir: string, options: PrecompressDirOptions = {}): Promise<{ files: string[]; fromCache: number }> {
  const wanted = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map((e) => `.${e.replace(/^\./, '')}`));
  const later = options.after && path.join(dir, options.after.dir);
  const files = walk(dir, later).filter((file) => wanted.has(path.extname(file)));

  const { cacheDir } = options;
  // What the cache holds, read once: a lookup is then a set membership, not a failed system call.
  const cached = new Set<string>();
  if (cacheDir) {
    mkdirSync(cacheDir, { recursive: true });
    for (const name of readdirSync(cacheDir)) cached.add(name);
  }
  const used = new Set<string>();
  // Compressions under way, by key: a file with the same bytes waits for its result. Only while under way: once
  // written, the result is a cache entry (`written`), and holding every result until the end held the whole
  // compressed output in memory (730 MB at 10,000 articles, README "Build performance").
  const pending = new Map<string, Promise<[Buffer, Buffer]>>();
  const written = new Set<string>();
  let fromCache = 0;

  async function one(file: string): Promise<void> {
    if (!cacheDir) {
      const data = readFileSync(file);
      const [gzData, brData] = await Promise.all([gzipAsync(data, gzipOptions), brotliAsync(data, brotliOptions(data.length))]);
      replace(`${file}.gz`, gzData);
      replace(`${file}.br`, brData);
      return;
    }
    const known = options.digests && (await options.digests.of(file));
    const digest = known ? known.digest : hash('sha256', readFileSync(file));
    const key = `${digest}-${SETTINGS}`;
    const [gz, br] = [`${key}.gz`, `${key}.br`];
    used.add(gz).add(br);
    const [gzEntry, brEntry] = [path.join(cacheDir, gz), path.join(cacheDir, br)];
    if (cached.has(gz) && cached.has(br)) {
      fromCache++;
      // In an output kept in place, an unchanged file's copies are already these entries.
      if (!isLinked(gzEntry, `${file}.gz`)) linkOrCopy(gzEntry, `${file}.gz`);
      if (!isLinked(brEntry, `${file}.br`)) linkOrCopy(brEntry, `${file}.br`);
      return;
    }
    // Two files with the same bytes (e.g. two redirect stubs) are compressed once.
    if (written.has(key)) {
      linkOrCopy(gzEntry, `${file}.gz`);
      linkOrCopy(brEntry, `${file}.br`);
      return;
    }
    let compressing = pending.get(key);
    if (!compressing) {
      const data = known?.data ?? readFileSync(file);
      compressing = Promise.all([gzipAsync(data, gzipOptions), brotliAsync(data, brotliOptions(data.length))]);
      pending.set(key, compressing);
      try {
        const [gzData, brData] = await compressing;
        toEntry(gzData, `${file}.gz`, gzEntry);
        toEntry(brData, `${file}.br`, brEntry);
        written.add(key);
      } finally {
        pending.delete(key);
      }
      return;
    }
    const [gzData, brData] = await compressing;
    replace(`${file}.gz`, gzData);
    replace(`${file}.br`, brData);
  }

  // zlib's async functions and file operations run on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says
  // otherwise): as many files at a time as the machine has cores keeps every core busy up to the pool's size.
  const compress = async (list: readonly string[]) => {
    const queue = [...list];
    const lanes = Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) await one(file);
    });
    await Promise.all(lanes);
  };
  await compress(files);
  if (later) {
    await options.after!.written;
    const more = existsSync(later) ? walk(later).filter((file) => wanted.has(path.extname(file))) : [];
    await compress(more);
    files.push(...more);
  }

  if (cacheDir) {
    for (const name of cached) if (!used.has(name)) rmSync(path.join(cacheDir, name), { force: true });
  }
  return { files, fromCache };
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  let digests: OutputDigests | undefined;
  // Awaited in the hook; marked as handled here so that a build stopped before this hook runs (by nothing-lost,
  // say) does not also report the search index's failure as an unhandled rejection.
  options.after?.written.catch(() => {});
  return {
    name: 'precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('precompress/', config.cacheDir));
        digests = outputDigests(fileURLToPath(config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { files, fromCache } = await precompressDir(fileURLToPath(dir), {
          extensions: options.extensions,
          cacheDir,
          after: options.after,
          digests,
        });
        logger.info(
          `${files.length} text files → .br + .gz (${fromCache} unchanged, from the cache) in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
