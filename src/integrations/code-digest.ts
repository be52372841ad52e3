/**
 * A digest of the code a build step runs: its module, every module of the project it imports (followed through
 * relative imports, transitively), the installed packages (the lockfiles) and the Node version. A cached result is
 * reused only under the same digest, so a change to any of that code makes the step run again in full.
 */
import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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
