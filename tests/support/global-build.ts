/** Vitest global setup: one production build of the site for all build and browser tests. */
import { rmSync } from 'node:fs';
import { astroBuild } from './astro-build.ts';
import { buildFixtureSets } from './fixture-builds.ts';
import { SHARING_CONTENT, SHARING_SITE_DIR, SITE_DIR, TEST_SITE_URL } from './paths.ts';

export default function setup(): void {
  rmSync(SITE_DIR, { recursive: true, force: true });
  const result = astroBuild(SITE_DIR, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/' });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.output}`);
  }
  console.log(`[site] built ${SITE_DIR} in ${Math.round(result.ms)} ms`);

  // The editors' fixture sets (drafts, hostile markup, invalid entries): tests/support/fixture-builds.ts.
  buildFixtureSets();

  rmSync(SHARING_SITE_DIR, { recursive: true, force: true });
  const sharing = astroBuild(SHARING_SITE_DIR, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', ARTICLES_DIR: SHARING_CONTENT });
  if (sharing.status !== 0) {
    throw new Error(`astro build of the sharing fixture failed (exit ${sharing.status}):\n${sharing.output}`);
  }
  console.log(`[site] built ${SHARING_SITE_DIR} in ${Math.round(sharing.ms)} ms`);
}
