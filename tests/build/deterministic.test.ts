/**
 * Deterministic builds: two builds of one commit give byte-identical output directories — every
 * file (pages, images, feeds, sitemap, social images, pre-compressed copies), compared by hash.
 *
 * The commit (HEAD) is exported to a temp dir (`git archive`) that links to this checkout's
 * node_modules, so the builds see exactly the committed files even while people edit the working
 * tree, and reuse Astro's image cache as a developer's or CI's second build would.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { OUTPUT, ROOT, TEST_SITE_URL } from '../support/paths.ts';

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const file = path.join(dir, rel);
    if (statSync(file).isFile()) out[rel] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

describe('deterministic build', () => {
  const snapshot = mkdtempSync(path.join(tmpdir(), 'reader-commit-'));
  afterAll(() => rmSync(snapshot, { recursive: true, force: true }));

  it('builds HEAD twice into byte-identical directories', () => {
    execSync(`git -C "${ROOT}" archive HEAD | tar -x -C "${snapshot}"`);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(snapshot, 'node_modules'));
    const env = { SITE_URL: TEST_SITE_URL, BASE_PATH: '/' };
    const dirs = [path.join(OUTPUT, 'deterministic', 'a'), path.join(OUTPUT, 'deterministic', 'b')];
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(path.dirname(dir), { recursive: true });
      const result = astroBuild(dir, env, snapshot);
      expect(result.status, result.output).toBe(0);
      console.log(`[deterministic] built ${dir} in ${Math.round(result.ms)} ms`);
    }
    const [first, second] = dirs.map(hashes) as [Record<string, string>, Record<string, string>];
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(Object.keys(first).filter((f) => first[f] !== second[f])).toEqual([]);
  }, 240_000);
});
