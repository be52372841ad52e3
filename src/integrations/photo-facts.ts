/**
 * What the build needs to know of a photo without reading it: a hash of its bytes (for the original's name in
 * `dist/_astro/`, src/integrations/photo-originals.ts) and what Astro's image metadata says of it (width, height,
 * format, orientation). Read once per file, then remembered between builds by its path and the file identity the
 * validation cache uses (fileIdentity, src/content-model/check-cache.ts: device, inode, size, mtime, not ctime, which
 * changes whenever the build links the original into `dist/`). A photo replaced by other bytes (a new file, or
 * written in place) has another inode or mtime, and is read again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import { fileIdentity } from '../content-model/check-cache.ts';

export interface PhotoFact {
  /** 8 characters of the base64url SHA-256 of the file's bytes. */
  hash: string;
  width: number;
  height: number;
  format: string;
  orientation?: number;
}

interface Remembered extends PhotoFact {
  identity: string;
}

export interface PhotoFactsStore {
  /** The facts of `file` (an absolute path): remembered, or read now. */
  of(file: string): Promise<PhotoFact>;
  /** Writes the facts of the photos asked for in this build (and only those) for the next one. */
  save(): Promise<void>;
  /** How many photos were read, and how many remembered, in this build. */
  readonly stats: { read: number; remembered: number };
}

const FILE = 'photo-facts.json';
/**
 * Photos read at once. The bundler asks for every image module together: reading them all at once held every
 * photo's bytes together (3.8 GB at 1,000 articles with 3.3 MB photos).
 */
const READS_AT_ONCE = 4;
/** Bump when what is recorded changes. */
const VERSION = 1;

/** The facts of a photo from its bytes. */
export async function readPhotoFact(file: string): Promise<PhotoFact> {
  const bytes = await readFile(file);
  const { width, height, format, orientation } = await imageMetadata(bytes, file);
  return {
    hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 8),
    width,
    height,
    format,
    ...(orientation !== undefined && { orientation }),
  };
}

export async function photoFacts(cacheDir: string): Promise<PhotoFactsStore> {
  const where = path.join(cacheDir, FILE);
  let earlier: Record<string, Remembered> = {};
  try {
    const saved = JSON.parse(await readFile(where, 'utf8')) as { version?: number; photos?: Record<string, Remembered> };
    if (saved.version === VERSION && saved.photos) earlier = saved.photos;
  } catch {
    // No record yet, or an unreadable one: every photo is read.
  }
  const now = new Map<string, Promise<Remembered>>();
  const stats = { read: 0, remembered: 0 };
  let reading = 0;
  const waiting: (() => void)[] = [];

  async function read(file: string): Promise<PhotoFact> {
    if (reading >= READS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    reading++;
    try {
      return await readPhotoFact(file);
    } finally {
      reading--;
      waiting.shift()?.();
    }
  }

  async function find(file: string): Promise<Remembered> {
    const id = await fileIdentity(file);
    const known = earlier[file];
    if (known?.identity === id) {
      stats.remembered++;
      return known;
    }
    stats.read++;
    return { identity: id, ...(await read(file)) };
  }

  return {
    stats,
    async of(file) {
      let fact = now.get(file);
      if (!fact) {
        fact = find(file);
        now.set(file, fact);
      }
      const { identity: _, ...rest } = await fact;
      return rest;
    },
    async save() {
      const photos: Record<string, Remembered> = {};
      for (const [file, fact] of [...now].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const value = await fact.catch(() => undefined);
        if (value) photos[file] = value;
      }
      await mkdir(cacheDir, { recursive: true });
      const partial = `${where}.${process.pid}.partial`;
      await writeFile(partial, JSON.stringify({ version: VERSION, photos }));
      await rename(partial, where);
    },
  };
}
