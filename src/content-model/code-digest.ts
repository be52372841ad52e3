/**
 * Digests of code, for what outlives a build: a remembered result is valid only for the code that made it.
 *
 * - codeDigest(modules, root): a build step's own code: its modules and every module of the project they import
 *   (followed through relative imports, transitively), the installed packages (the lockfiles) and the Node version.
 *   The nothing-lost check remembers its passes under it.
 * - siteCodeDigest(root): all the code that turns entries into pages: every file under src/ and the Astro config,
 *   with the same lockfiles and Node version. Two caches outlive a build and are keyed by content, not by this code:
 *   Astro's content store (the entries as loaded, with their rendered bodies) and the incremental build's pages.
 *   Astro clears the first when its config or the content config file changes, and the second when a page's own
 *   modules, the config or the lockfile change; neither notices a change to a markdown plugin (src/plugins/,
 *   imported by the config only) or to the schema's helpers. So the articles loader starts its store afresh when
 *   this digest changes, and the config puts it in Vite's `define`, which Astro's incremental cache hashes: after a
 *   code change, one full build; then incremental again.
 */
import { hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `from './x.ts'`, `import './x.ts'`, `import('./x.ts')`: the relative specifiers of a module's imports and re-exports. */
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Where the packages' exact versions are written down; at least one must exist, or there is no digest. */
const LOCKFILES = ['package-lock.json', 'node_modules/.package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

/**
 * The digest of `modules` (absolute paths) and everything they import from the project, of the lockfiles under
 * `root` and of the Node version; undefined when no lockfile can be read (then nothing may be reused).
 */
export function codeDigest(modules: readonly string[], root: string): string | undefined {
  const parts: string[] = [JSON.stringify(process.versions)];
  const lockfiles = LOCKFILES.map((f) => path.join(root, f)).filter((f) => existsSync(f));
  if (lockfiles.length === 0) return undefined;
  for (const file of lockfiles) parts.push(path.relative(root, file), hash('sha256', readFileSync(file)));

  const seen = new Set<string>();
  const queue = [...modules];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      // A specifier that names no file (in a comment, say): its absence is part of the digest.
      parts.push(path.relative(root, file), 'missing');
      continue;
    }
    parts.push(path.relative(root, file), hash('sha256', source));
    for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) queue.push(path.resolve(path.dirname(file), specifier!));
  }
  return hash('sha256', parts.join('\n'));
}

/** Every file under src/ and the Astro config, relative to `root`, sorted. */
function siteCodeFiles(root: string): string[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
  return [...files, path.join(root, 'astro.config.mjs')].sort();
}

/** The digest of all the site's code; without a lockfile, a value no later build repeats (nothing is reused). */
export function siteCodeDigest(root: string): string {
  return codeDigest(siteCodeFiles(root), root) ?? `unversioned-${process.pid}-${Date.now()}`;
}
