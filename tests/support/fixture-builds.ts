/**
 * Production builds of the editors' fixture sets, made once per run in the global setup and
 * read by tests/build/editorial.test.ts, tests/build/validation.test.ts and tests/browser/hostile-markup.test.ts.
 *
 * - editorial (tests/fixtures/sets/editorial): hostile markup, a draft, a scheduled and a published article.
 * - invalid (tests/fixtures/sets/invalid): one entry per mistake; the build must fail and name them all.
 * - sharing (tests/fixtures/sets/sharing): every optional field, redirects from old slugs, a draft;
 *   read by tests/build/sharing.test.ts and tests/browser/{sharing,print}.test.ts. It must build.
 * - corrections (tests/fixtures/sets/corrections): updated and corrected articles and a redirect, built
 *   under BASE_PATH=/news/ as of a fixed BUILD_TIME; read by tests/build/corrections.test.ts,
 *   tests/build/redirects-nginx.test.ts and tests/browser/corrections.test.ts.
 * - render-errors (tests/fixtures/sets/render-errors): valid entries whose bodies fail to render, beside
 *   a good one; the build must fail and name them all (tests/build/render-errors.test.ts).
 * - awkward (tests/fixtures/sets/awkward): careless input that must still publish whole, one entry
 *   per class (control characters in every field, a table wider than a phone, headlines in other
 *   scripts); read by tests/build/awkward-input.test.ts and tests/browser/wide-table.test.ts. It must build.
 * - seed (tests/fixtures/sets/seed): a copy of the seed article, for the tests that know its exact words
 *   (checked against tests/fixtures/source-article.txt), so editors may change content/ freely. It must build.
 * - newsroom (tests/fixtures/sets/newsroom): articles of every shape (dated, undated, byline/section/tags,
 *   a renamed one, a rich body, a draft, a scheduled one); the site invariants (tests/support/site-builds.ts)
 *   run over it as over content/. It must build.
 * - images, images-invalid (tests/fixtures/sets/images, images-invalid): photos with camera metadata that must not
 *   reach dist/, and image paths and URLs the build must refuse (tests/build/images.test.ts). images-outside is no
 *   set: it holds the files that images-invalid's entries reach out of their folders for.
 * dev-problems (tests/fixtures/sets/dev-problems) is not built here: tests/build/dev-drafts.test.ts serves it with
 * `astro dev`. Nor is equivalence (tests/fixtures/sets/equivalence): tests/build/incremental-equivalence.test.ts
 * builds it, edits it and builds it again in a copy of the project (tests/support/project-copy.ts).
 * - generated (tests/.output/generated-articles, written by the global setup: tests/support/generated-fixture.ts):
 *   300 generated articles in five sections, long reads among them, as of a fixed BUILD_TIME; read by the tests of
 *   bounded feeds and sitemaps and of search. It must build.
 * - listings (tests/.output/listings-articles, written by the global setup: tests/support/listings-fixture.ts):
 *   300 generated articles over two years, with tags and authors, a few undated, as of a fixed BUILD_TIME; read by
 *   the tests of the listing pages, the archive and onward links (tests/support/listings-build.ts). It must build.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, type BuildResult } from '../../scripts/lib/astro-build.ts';
import { OUTPUT, TEST_SITE_URL } from './paths.ts';
import { GENERATED_ARTICLES_DIR, GENERATED_BUILD_TIME } from './generated-fixture.ts';
import { LISTINGS_ARTICLES_DIR, LISTINGS_BUILD_TIME } from './listings-fixture.ts';

/** Every fixture set is an articles folder, `tests/fixtures/sets/<name>/`, built with ARTICLES_DIR pointing at it. */
const SETS = 'tests/fixtures/sets';

/** The sets the global setup builds, by name (the folder's name). */
export const FIXTURE_SETS = {
  editorial: `${SETS}/editorial`,
  invalid: `${SETS}/invalid`,
  sharing: `${SETS}/sharing`,
  corrections: `${SETS}/corrections`,
  'render-errors': `${SETS}/render-errors`,
  awkward: `${SETS}/awkward`,
  seed: `${SETS}/seed`,
  newsroom: `${SETS}/newsroom`,
  // Lead and body photos with camera metadata; it must build (tests/build/images.test.ts).
  images: `${SETS}/images`,
  // Image paths and body URLs the build must refuse (tests/build/images.test.ts).
  'images-invalid': `${SETS}/images-invalid`,
  // Generated into tests/.output/ by the global setup (tests/support/generated-fixture.ts).
  generated: GENERATED_ARTICLES_DIR,
  // A generated newsroom of a few hundred articles over two years, with tags and authors (written by the global
  // setup: tests/support/listings-fixture.ts): listing pages, archive, onward links and their budgets. It must build.
  listings: LISTINGS_ARTICLES_DIR,
} as const;
export type FixtureSet = keyof typeof FIXTURE_SETS;

/**
 * Build settings other than the defaults (BASE_PATH=/, the clock as build time, 4,000 articles per search shard).
 * Small search shards where a search index of several shards is tested: one per month (corrections, in Chromium:
 * tests/browser/search.test.ts), several months each (listings).
 */
const FIXTURE_ENV: Partial<Record<FixtureSet, Record<string, string>>> = {
  corrections: { BASE_PATH: '/news/', BUILD_TIME: '2026-11-29T12:00:00Z', SEARCH_SHARD_SIZE: '1' },
  generated: { BUILD_TIME: GENERATED_BUILD_TIME },
  listings: { BUILD_TIME: LISTINGS_BUILD_TIME, SEARCH_SHARD_SIZE: '100' },
};

export const fixtureSiteDir = (name: FixtureSet) => path.join(OUTPUT, 'fixtures', name);
const resultFile = (name: FixtureSet) => path.join(OUTPUT, 'fixtures', `${name}.json`);

export function buildFixtureSets(): void {
  for (const name of Object.keys(FIXTURE_SETS) as FixtureSet[]) {
    rmSync(fixtureSiteDir(name), { recursive: true, force: true });
    mkdirSync(path.dirname(resultFile(name)), { recursive: true });
    // Not silent: the warnings (headline length) are part of what is tested.
    const result = astroBuild(
      fixtureSiteDir(name),
      { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', ARTICLES_DIR: FIXTURE_SETS[name], ...FIXTURE_ENV[name] },
      undefined,
      { silent: false },
    );
    writeFileSync(resultFile(name), JSON.stringify(result));
    console.log(`[site] built fixture set "${name}" (exit ${result.status}) in ${Math.round(result.ms)} ms`);
  }
}

/** The build's exit status and everything it printed, with colour codes removed. */
export function fixtureBuild(name: FixtureSet): BuildResult {
  const result = JSON.parse(readFileSync(resultFile(name), 'utf8')) as BuildResult;
  // eslint-disable-next-line no-control-regex
  return { ...result, output: result.output.replace(/\x1b\[[0-9;]*m/g, '') };
}
