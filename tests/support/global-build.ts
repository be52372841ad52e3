/** Vitest global setup: one production build of the site for all build and browser tests. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { buildFixtureSets, fixtureBuild } from './fixture-builds.ts';
import { writeGeneratedFixture } from './generated-fixture.ts';
import { SITE_DIR, TEST_SITE_URL } from './paths.ts';
import { SITE_BUILD_RESULT } from './site-builds.ts';

export default async function setup(): Promise<void> {
  rmSync(SITE_DIR, { recursive: true, force: true });
  const result = astroBuild(SITE_DIR, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/' });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.output}`);
  }
  console.log(`[site] built ${SITE_DIR} in ${Math.round(result.ms)} ms`);
  // When it was built: which entries were published then (tests/support/site-builds.ts).
  mkdirSync(path.dirname(SITE_BUILD_RESULT), { recursive: true });
  writeFileSync(SITE_BUILD_RESULT, JSON.stringify(result));

  // The fixture sets (drafts, hostile markup, invalid entries, sharing): tests/support/fixture-builds.ts.
  await writeGeneratedFixture();
  buildFixtureSets();
  for (const name of ['sharing', 'corrections', 'seed', 'newsroom', 'generated'] as const) {
    const fixture = fixtureBuild(name);
    if (fixture.status !== 0) {
      throw new Error(`astro build of the ${name} fixture failed (exit ${fixture.status}):\n${fixture.output}`);
    }
  }
}
