/**
 * Every published article is at most 4 clicks from the front page, whatever the number of articles: a reader's
 * walk (tests/support/click-depth.ts: breadth-first from the front page over <a href> only, reading the built
 * files) over the listings fixture of a few hundred articles (tests/support/listings-fixture.ts) and over
 * every site build (tests/support/site-builds.ts). Every listing page is reached too, and no link leads
 * nowhere.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { clickDepths } from '../support/click-depth.ts';
import { listingsBuild } from '../support/listings-build.ts';
import { pathOf, siteBuilds } from '../support/site-builds.ts';

const MAX_CLICKS = 4;

describe.each([listingsBuild(), ...siteBuilds()].map((b) => [b.name, b] as const))(
  '%s: a reader’s clicks from the front page',
  (_, build) => {
    const { depth, broken } = clickDepths(build.siteDir, build.siteUrl, build.base);

    it(`reaches every published article in at most ${MAX_CLICKS} clicks`, () => {
      expect(build.published.length).toBeGreaterThan(0);
      const far = build.published
        .map((e) => [e.slug, depth.get(pathOf(build, e.slug))] as const)
        .filter(([, d]) => d === undefined || d > MAX_CLICKS);
      expect(far).toEqual([]);
      const deepest = Math.max(...build.published.map((e) => depth.get(pathOf(build, e.slug))!));
      console.log(`[clicks] ${build.name}: ${build.published.length} articles, the farthest ${deepest} clicks from the front page`);
    });

    it('reaches every page of the build (old URLs of renamed articles aside), through links that all lead somewhere', () => {
      expect(broken).toEqual([]);
      const stubs = new Set(build.published.flatMap((e) => e.data.redirectFrom.map((old) => pathOf(build, old))));
      const pages = readdirSync(build.siteDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('index.html'))
        .map((f) => build.base + f.replace(/index\.html$/, ''))
        .filter((p) => !stubs.has(p));
      expect(pages.filter((p) => !depth.has(p))).toEqual([]);
    });
  },
);

describe('the walk would notice', () => {
  it('an article that is linked from nowhere', () => {
    const build = listingsBuild();
    const { depth } = clickDepths(build.siteDir, build.siteUrl, build.base);
    expect(depth.has(pathOf(build, 'no-such-article'))).toBe(false);
    expect(depth.get(build.base)).toBe(0);
    // And it measures real distances: the archive is one click away, a month two.
    expect(depth.get(`${build.base}archive/`)).toBe(1);
    expect(depth.get(`${build.base}archive/2026/03/`)).toBe(2);
  });
});
