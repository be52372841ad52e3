/**
 * Drafts stay out of a production build whatever the environment says: Astro lets a `DEV` variable override
 * `import.meta.env.DEV`, so the publishing gate reads the command instead (src/integrations/dev-server-flag.ts).
 * A real `astro build` of the editorial fixture set (a draft and a scheduled article among published ones) with
 * `DEV=1` set, as a careless build machine might have it.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, type BuildResult } from '../../scripts/lib/astro-build.ts';
import { FIXTURE_SETS } from '../support/fixture-builds.ts';
import { OUTPUT, TEST_SITE_URL } from '../support/paths.ts';

const DIST = path.join(OUTPUT, 'dev-variable');
let build: BuildResult;

beforeAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  build = astroBuild(DIST, {
    SITE_URL: TEST_SITE_URL,
    BASE_PATH: '/',
    ARTICLES_DIR: FIXTURE_SETS.editorial,
    DEV: '1',
    MODE: 'development',
  });
}, 180_000);

describe('a production build with DEV=1 in its environment', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('publishes the published articles', () => {
    expect(existsSync(path.join(DIST, 'articles/published-article/index.html'))).toBe(true);
  });

  it('publishes no draft and no scheduled article', () => {
    expect(existsSync(path.join(DIST, 'articles/draft-article/index.html'))).toBe(false);
    expect(existsSync(path.join(DIST, 'articles/scheduled-article/index.html'))).toBe(false);
  });
});
