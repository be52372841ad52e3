/** File-system helpers shared by `npm run new` and `npm run import`. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { articlesDir } from '../../src/content-model/articles-folder.ts';
import { ROOT } from './paths.ts';

/** Where entries go: `--dir`, else the site's articles folder (ARTICLES_DIR, else content/articles). */
export function entriesDir(flag: string | undefined): string {
  return path.resolve(ROOT, flag ?? articlesDir());
}

export function takenSlugs(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir) : []);
}

/** The project's stand-in lead photo (scripts/make-standin-image.mjs), written to `file`. */
export function writeStandin(file: string): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/make-standin-image.mjs'), file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`make-standin-image failed: ${result.stderr}`);
}
