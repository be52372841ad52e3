/**
 * The listings fixture's build (tests/support/listings-fixture.ts), read like the site builds of
 * tests/support/site-builds.ts: its entries and which of them it published. Not one of siteBuilds(): with a
 * few hundred articles, axe over every page would take too long, so the tests sample its pages instead.
 */
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from './fixture-builds.ts';
import { LISTINGS_BUILD_TIME } from './listings-fixture.ts';
import { publishedAndHidden, readEntries, type SiteBuild } from './site-builds.ts';
import { TEST_SITE_URL } from './paths.ts';

let cached: SiteBuild | undefined;

export function listingsBuild(): SiteBuild {
  if (!cached) {
    const result = fixtureBuild('listings');
    if (result.status !== 0) throw new Error(`the listings fixture did not build (exit ${result.status}):\n${result.output.slice(-4000)}`);
    const entries = readEntries(FIXTURE_SETS.listings);
    // Built as of BUILD_TIME, not the clock: what it published is decided at that moment.
    const asOf = { startedAt: Date.parse(LISTINGS_BUILD_TIME), ms: 0 };
    cached = {
      name: 'listings fixture',
      siteDir: fixtureSiteDir('listings'),
      articlesDir: FIXTURE_SETS.listings,
      siteUrl: TEST_SITE_URL,
      base: '/',
      entries,
      ...publishedAndHidden(entries, asOf),
    };
  }
  return cached;
}
