/**
 * Pre-compressed output: after the build, write `<file>.br` and `<file>.gz` beside every text asset in the
 * output directory, so hosts that serve static pre-compressed files (nginx `gzip_static` / `brotli_static`,
 * Caddy `precompressed`, most CDNs' origin pulls) send them without compressing on each request.
 *
 * Node's zlib only, at maximum quality (the cost is paid once per build). Deterministic: the gzip header
 * carries no file name and a zero mtime, so the same input gives byte-identical files.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface PrecompressOptions {
  /** File extensions (without the dot) to compress. */
  extensions?: readonly string[];
}

/** Text formats a static site ships; images and fonts are compressed already. */
export const DEFAULT_EXTENSIONS = ['html', 'css', 'js', 'mjs', 'xml', 'json', 'svg', 'txt', 'webmanifest'] as const;

/** gzip at level 9 (Node's zlib writes mtime 0 and no name: deterministic). */
export function gzip(data: Buffer): Buffer {
  return gzipSync(data, { level: 9 });
}

/** Brotli at quality 11 in text mode. */
export function brotli(data: Buffer): Buffer {
  return brotliCompressSync(data, {
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

/** Write `.gz` and `.br` beside every file in `dir` whose extension is listed. Returns the files compressed. */
export async function precompressDir(dir: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): Promise<string[]> {
  const wanted = new Set(extensions.map((e) => `.${e.replace(/^\./, '')}`));
  const done: string[] = [];
  for await (const file of walk(dir)) {
    if (!wanted.has(path.extname(file))) continue;
    const data = await readFile(file);
    await writeFile(`${file}.gz`, gzip(data));
    await writeFile(`${file}.br`, brotli(data));
    done.push(file);
  }
  return done;
}

export default function precompress(options: PrecompressOptions = {}): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const files = await precompressDir(fileURLToPath(dir), options.extensions);
        logger.info(`${files.length} text files → .br + .gz in ${Math.round(performance.now() - start)} ms`);
      },
    },
  };
}
