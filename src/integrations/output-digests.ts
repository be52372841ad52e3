/**
 * The digest of each output file's bytes, remembered by the file's identity (device, inode, size, modification time:
 * src/content-model/check-cache.ts), so that the steps after the pages do not read an unchanged page again.
 *
 * Three steps key their caches by the bytes of the built files: the search index (each shard by its pages), the
 * check that nothing was lost (each pass by its page) and pre-compression (each result by its file). Each read and
 * hashed every page on every build: at 10,000 articles three times 10,000–12,000 files, on the same two cores as
 * Pagefind, in every rebuild. In an output kept in place (src/integrations/output-folder.ts) an unchanged page is the
 * same file as in the last build, so its digest is known without reading it. Writing a file changes its time;
 * replacing it, its inode: either makes it read again.
 *
 * One memory per cache folder, shared by the steps of a build; written by the output record at the very end of a
 * build that finished (only the files asked about in that build), and read back by the next.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileIdentity } from '../content-model/check-cache.ts';
import { writeWhole } from './cache-links.ts';

/** A file's digest, and its bytes when they had to be read for it. */
export interface OutputDigest {
  digest: string;
  data?: Buffer;
}

export class OutputDigests {
  /** By path: the identity the file had, and the digest of its bytes then. */
  readonly #known = new Map<string, [identity: string, digest: string]>();
  readonly #asked = new Map<string, [identity: string, digest: string]>();
  /** Files whose digest came from memory in this build. */
  remembered = 0;

  /** Where the memory is kept. */
  readonly file: string;

  constructor(file: string) {
    this.file = file;
    try {
      for (const [name, identity, digest] of JSON.parse(readFileSync(file, 'utf8')) as [string, string, string][]) {
        this.#known.set(name, [identity, digest]);
      }
    } catch {
      // None yet, or unreadable: every file is read.
    }
  }

  /**
   * The SHA-256 (hex) of `file`'s bytes: remembered when the file is the one it was, read (and given) otherwise;
   * undefined when there is no such file.
   */
  async of(file: string): Promise<OutputDigest | undefined> {
    const identity = await fileIdentity(file);
    if (identity.startsWith('!')) return undefined;
    const known = this.#known.get(file);
    if (known?.[0] === identity) {
      this.#asked.set(file, known);
      this.remembered++;
      return { digest: known[1] };
    }
    const data = await readFile(file);
    const digest = hash('sha256', data);
    // The identity read before the bytes: a file written meanwhile is read again next time, never trusted wrongly.
    this.#asked.set(file, [identity, digest]);
    return { digest, data };
  }

  /** Keeps the digests of the files asked about in this build (written whole, or not at all). */
  save(): void {
    writeWhole(this.file, JSON.stringify([...this.#asked].map(([name, [identity, digest]]) => [name, identity, digest])));
  }
}

const shared = new Map<string, OutputDigests>();

/** The memory of output digests kept in `cacheDir` (Astro's cache folder), one per process and folder. */
export function outputDigests(cacheDir: string): OutputDigests {
  const file = path.join(cacheDir, 'output-digests.json');
  let digests = shared.get(file);
  if (!digests) shared.set(file, (digests = new OutputDigests(file)));
  return digests;
}
