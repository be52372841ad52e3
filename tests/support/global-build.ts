/** Vitest global setup: one production build of the site for all build and browser tests. */
import { rmSync } from 'node:fs';
import { astroBuild } from './astro-build.ts';
import { buildFixtureSets, fixtureBuild } from './fixture-builds.ts';
import { SITE_DIR, TEST_SITE_URL } from './paths.ts';

export default function setup(): void {
  rmSync(SITE_DIR, { recursive: true, force: true });
  const result = astroBuild(SITE_DIR, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/' });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.output}`);
  }
  console.log(`[site] built ${SITE_DIR} in ${Math.round(result.ms)} ms`);

  // The fixture sets (drafts, hostile markup, invalid entries, sharing): tests/support/fixture-builds.ts.
  buildFixtureSets();
  for (const name of ['sharing', 'corrections'] as const) {
    const fixture = fixtureBuild(name);
    if (fixture.status !== 0) {
      throw new Error(`astro build of the ${name} fixture failed (exit ${fixture.status}):\n${fixture.output}`);
    }
  }
}
