/**
 * What the validation pass (checkArticles, src/content-model/articles-loader.ts) found for each entry, kept
 * between builds so that a rebuild checks only the entries that changed.
 *
 * Astro's glob loader skips an entry whose file is unchanged (its digest); the validation pass runs before it
 * and, without this, parsed every body and opened every photo again on every build (about 5 s per 1,000
 * entries). An entry's result is reused only when everything the checks read is as it was:
 *
 * - the entry's bytes (SHA-256);
 * - the files it names: the lead photo and each local body image, by path, real path (links followed) and
 *   file identity and modification time (`stat`: device, inode, size, mtime). Not ctime: it changes whenever a
 *   hard link to the file is made or removed (the build's own copies, a newsroom's shared photo), which would make
 *   every entry sharing that photo look changed;
 *   the entry file's and its folder's real paths, and the articles folder's;
 * - the code that checks: every file under `src/`, the lockfile and astro.config.mjs (siteCodeDigest, src/content-model/code-digest.ts), the
 *   Node version, and whether the build is a production build (placeholders are errors there, warnings in
 *   `astro dev`).
 *
 * The checks across entries (slugs used twice, redirects, files that are not entries) are cheap and always run
 * on the whole folder. The records live in the loader's meta store (Astro's data store, `node_modules/.astro`),
 * one JSON value, and are rewritten after each pass with the entries found in it.
 */
import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { EntryProblem } from './entry-checks.ts';

/** One entry's outcome, and what it depended on. */
interface EntryRecord {
  /** SHA-256 of the entry file's bytes. */
  bytes: string;
  /** The files it read, as fileSignature gives them. */
  files: string;
  /** Image paths as written (lead photo, local body images), relative to the entry's folder. */
  images: string[];
  problems: EntryProblem[];
  /** The frontmatter's `redirectFrom`, for the checks across entries; absent when unread. */
  redirectFrom?: unknown;
}

/** The per-entry results of earlier passes, and the records of this one. */
export interface CheckCache {
  /** The earlier record of `file` if it still holds for these bytes and files, else undefined. */
  reuse(file: string, bytes: Uint8Array, entryFile: string): Promise<EntryRecord | undefined>;
  /** Takes the signature of the files an entry reads (before they are checked). */
  sign(entryFile: string, images: readonly string[]): Promise<string>;
  /** Keeps this pass's result for `file`. */
  record(file: string, record: EntryRecord): void;
  /** How many entries this pass reused and checked. */
  readonly stats: { reused: number; checked: number };
}

/** Where a CheckCache keeps its records: Astro's loader meta store, or anything with its get/set. */
export interface RecordStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

const KEY = 'entry-checks';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function realOrError(file: string): Promise<string> {
  return realpath(file).catch((error: NodeJS.ErrnoException) => `!${error.code ?? 'error'}`);
}

/**
 * A file's identity for caches kept between builds: device, inode, size and modification time, not ctime (see
 * above); `!<code>` when it cannot be read. Also used for the photos' facts (src/integrations/photo-facts.ts).
 */
export async function fileIdentity(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (error) {
    return `!${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/**
 * The state of the files an entry's checks read: the entry file and its folder (real paths), and each image
 * path (as written, resolved against the folder): its real path and identity, or why it cannot be read.
 */
async function fileSignature(articlesReal: string, entryFile: string, images: readonly string[]): Promise<string> {
  const folder = path.dirname(entryFile);
  const parts = await Promise.all([
    realOrError(entryFile),
    realOrError(folder),
    ...images.map(async (src) => {
      const file = path.resolve(folder, src);
      return `${JSON.stringify(src)} ${await realOrError(file)} ${await fileIdentity(file)}`;
    }),
  ]);
  return [articlesReal, ...parts].join('\n');
}

/** Whether a value survives JSON as it is (a frontmatter value read as a Date would not). */
function jsonSafe(value: unknown): boolean {
  if (value === undefined) return true;
  try {
    return isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value);
  } catch {
    return false;
  }
}

interface Stored {
  version: string;
  entries: Record<string, EntryRecord>;
}

/**
 * A cache over `store` for one validation pass of `articlesDir` (absolute) by code `code` (siteCodeDigest plus
 * anything else the results depend on, e.g. production or not). Call `save()` after the pass.
 */
export async function checkCache(store: RecordStore, articlesDir: string, code: string): Promise<CheckCache & { save(): void }> {
  const articlesReal = await realOrError(articlesDir);
  let earlier: Record<string, EntryRecord> = {};
  try {
    const stored = JSON.parse(store.get(KEY) ?? 'null') as Stored | null;
    if (stored?.version === code) earlier = stored.entries;
  } catch {
    // Unreadable: start afresh.
  }
  const now = new Map<string, EntryRecord>();
  const stats = { reused: 0, checked: 0 };
  return {
    stats,
    async reuse(file, bytes, entryFile) {
      const before = earlier[file];
      if (before && before.bytes === sha256(bytes) && before.files === (await fileSignature(articlesReal, entryFile, before.images))) {
        now.set(file, before);
        stats.reused += 1;
        return before;
      }
      stats.checked += 1;
      return undefined;
    },
    sign: (entryFile, images) => fileSignature(articlesReal, entryFile, images),
    record(file, record) {
      if (jsonSafe(record.redirectFrom)) now.set(file, record);
    },
    save() {
      const entries = Object.fromEntries([...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const value = JSON.stringify({ version: code, entries } satisfies Stored);
      // Unchanged: not set again, which would have Astro write its whole data store once more.
      if (store.get(KEY) !== value) store.set(KEY, value);
    },
  };
}
