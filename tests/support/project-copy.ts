/**
 * A copy of the project (its working tree: uncommitted edits included) whose build caches are its own, for
 * tests that need a cold build and a warm one of the same site in the same place.
 *
 * Every cache a build keeps lives under the project's `node_modules/` (Astro's cacheDir `node_modules/.astro`:
 * content store, images, incremental-build manifest and pages, pre-compressed files, link-preview cards), so the
 * copy's `node_modules/` is a folder of its own holding one link per installed package: the packages are this
 * checkout's, the caches are the copy's, and `resetBuildCaches()` empties them for a cold build.
 */
import { copyFileSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

/** Never copied: history, installed packages and their caches, build output, the tests' own output. */
const NOT_COPIED = new Set(['.git', 'node_modules', '.astro', 'dist', 'tests/.output']);

/**
 * Copies the project's working tree to `dest` (emptied first), without `skip` (paths relative to the
 * project, e.g. the articles folder the test writes itself), and links its packages.
 */
export function copyProject(dest: string, { skip = [] as string[] } = {}): void {
  rmSync(dest, { recursive: true, force: true });
  const left = new Set([...NOT_COPIED, ...skip]);
  // By hand: the copy may live inside the project (tests/.output), which cpSync refuses to copy from.
  const copy = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const rel = path.relative(ROOT, source).split(path.sep).join('/');
      if (left.has(rel) || /^dist-/.test(rel)) continue;
      if (entry.isDirectory()) copy(source, path.join(to, entry.name));
      else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), path.join(to, entry.name));
      else copyFileSync(source, path.join(to, entry.name));
    }
  };
  copy(ROOT, dest);
  const modules = path.join(dest, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
    // Dot folders other than .bin are caches (.astro, .vite, …): the copy starts without them.
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
}

/** Empties every build cache of a copy made by copyProject(): what its next build finds is what a fresh checkout has. */
export function resetBuildCaches(dest: string): void {
  const modules = path.join(dest, 'node_modules');
  // Everything in the copy's node_modules that is not a link to a package was written by a build.
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) rmSync(path.join(modules, entry.name), { recursive: true, force: true });
  }
  rmSync(path.join(dest, '.astro'), { recursive: true, force: true });
}
