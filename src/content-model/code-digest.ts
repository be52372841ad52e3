/**
 * A digest of the code that turns entries into pages: every file under src/, the Astro config and the lockfile.
 *
 * Two caches outlive a build and are keyed by content, not by this code: Astro's content store (the entries as
 * loaded, with their rendered bodies) and the incremental build's pages. Astro clears the first when its config
 * or the content config file changes, and the second when a page's own modules, the config or the lockfile change;
 * neither notices a change to a markdown plugin (src/plugins/, imported by the config only) or to the schema's
 * helpers. So the articles loader clears the store when this digest changes, and the config puts it in Vite's
 * `define`, which Astro's incremental cache hashes: after a code change, one full build; then incremental again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The files whose bytes make the digest, relative to the project root, sorted. */
function codeFiles(root: string): string[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
  const top = ['astro.config.mjs', 'package-lock.json'].filter((f) => existsSync(path.join(root, f)));
  return [...files, ...top].sort();
}

export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const file of codeFiles(root))
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}
