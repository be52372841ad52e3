/**
 * Files taken from a build cache into the output, and back: hard links where the two can be linked (no data copied),
 * copies where they cannot (another file system, no link support). Used by the pre-compression
 * (src/integrations/precompress.ts) and the search index (src/integrations/search-index.ts), whose caches live in
 * Astro's cache folder. Whatever was at a target is replaced, never written through: it may itself be a link to a
 * cache entry, so nothing may write into a linked file in place. And the build steps' records in that folder, written
 * whole (writeWhole).
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A hard link at `target` to `existing`, replacing what was there. False where links cannot be made. */
function hardLink(existing: string, target: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(existing, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      rmSync(target, { force: true });
    }
  }
  return false;
}

/**
 * Whether `target` is already a hard link to `source`: in an output kept in place from the last build
 * (src/integrations/output-folder.ts), linking it again would only cost two changes to its folder.
 */
export function isLinked(source: string, target: string): boolean {
  const there = lstatSync(target, { throwIfNoEntry: false });
  if (!there?.isFile()) return false;
  const cached = statSync(source);
  return there.ino === cached.ino && there.dev === cached.dev;
}

/** `target` made to hold the bytes of `source`: a hard link, or a copy where the two cannot be linked. */
export function linkOrCopy(source: string, target: string): void {
  if (hardLink(source, target)) return;
  rmSync(target, { force: true });
  copyFileSync(source, target);
}

/**
 * `data` written to `file` whole or not at all: beside it first, then renamed into place, so a build stopped half-way
 * or one running beside this one never reads half a file. Its folder is made if need be.
 */
export function writeWhole(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** Every file under `from` linked (or copied) to the same place under `to`. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else linkOrCopy(source, target);
  }
}
