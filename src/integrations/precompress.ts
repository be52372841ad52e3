/**
 * Pre-compressed output: after the build, write `<file>.br` and `<file>.gz` beside every text asset in the
 * output directory, so hosts that serve static pre-compressed files (nginx `gzip_static` / `brotli_static`,
 * Caddy `precompressed`, most CDNs' origin pulls) send them without compressing on each request.
 *
 * Node's zlib only, at maximum quality (the cost is paid once per build). Deterministic: the gzip header
 * carries no file name and a zero mtime, so the same input gives byte-identical files.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress as brotliCb, constants, gzip as gzipCb } from 'node:zlib';

const gzipAsync = promisify(gzipCb);
const brotliAsync = promisify(brotliCb);

export interface PrecompressOptions {
  /** File extensions (without the dot) to compress. */
  extensions?: readonly string[];
}

/** Text formats a static site ships; images and fonts are compressed already. */
export const DEFAULT_EXTENSIONS = ['html', 'css', 'js', 'mjs', 'xml', 'json', 'svg', 'txt', 'webmanifest'] as const;

/** gzip at level 9 (Node's zlib writes mtime 0 and no name: deterministic). */
function gzip(data: Buffer): Promise<Buffer> {
  return gzipAsync(data, { level: 9 });
}

/** Brotli at quality 11 in text mode. */
function brotli(data: Buffer): Promise<Buffer> {
  return brotliAsync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

export interface PrecompressDirOptions {
  extensions?: readonly string[];
  /**
   * A directory to keep compressed results in, by content hash: a file whose bytes did not change since the
   * last build is copied from there instead of compressed again (Brotli 11 costs ~30 ms for an article page).
   * Entries not used by this run are removed, so the cache holds one build's worth.
   */
  cacheDir?: string;
}

/** Write `.gz` and `.br` beside every file in `dir` whose extension is listed. Returns the files compressed. */
export async function precompressDir(dir: string, options: PrecompressDirOptions = {}): Promise<{ files: string[]; fromCache: number }> {
  const wanted = new Set((options.extensions ?? DEFAULT_EXTENSIONS).map((e) => `.${e.replace(/^\./, '')}`));
  const files: string[] = [];
  for await (const file of walk(dir)) if (wanted.has(path.extname(file))) files.push(file);

  const { cacheDir } = options;
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const used = new Set<string>();
  let fromCache = 0;

  async function one(file: string): Promise<void> {
    const data = await readFile(file);
    if (cacheDir) {
      const key = createHash('sha256').update(data).digest('hex');
      used.add(`${key}.gz`).add(`${key}.br`);
      const [gz, br] = [path.join(cacheDir, `${key}.gz`), path.join(cacheDir, `${key}.br`)];
      const hit = await Promise.all([copyFile(gz, `${file}.gz`), copyFile(br, `${file}.br`)]).then(
        () => true,
        () => false,
      );
      if (hit) {
        fromCache++;
        return;
      }
      const [gzData, brData] = await Promise.all([gzip(data), brotli(data)]);
      await Promise.all([writeFile(`${file}.gz`, gzData), writeFile(`${file}.br`, brData), writeFile(gz, gzData), writeFile(br, brData)]);
      return;
    }
    const [gzData, brData] = await Promise.all([gzip(data), brotli(data)]);
    await Promise.all([writeFile(`${file}.gz`, gzData), writeFile(`${file}.br`, brData)]);
  }

  // zlib's async functions run on libuv's thread pool: a few at a time use every core.
  const queue = [...files];
  const workers = Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await one(file);
  });
  await Promise.all(workers);

  if (cacheDir) {
    for (const name of await readdir(cacheDir)) if (!used.has(name)) await rm(path.join(cacheDir, name), { force: true });
  }
  return { files, fromCache };
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('precompress/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { files, fromCache } = await precompressDir(fileURLToPath(dir), { extensions: options.extensions, cacheDir });
        logger.info(
          `${files.length} text files → .br + .gz (${fromCache} unchanged, from the cache) in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
