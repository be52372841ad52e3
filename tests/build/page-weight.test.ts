/**
 * Every article page's weight before images (every published article of every site build: content/ and the
 * newsroom fixture, tests/support/site-builds.ts), as DESIGN.md budgets it: HTML + CSS + JS at most 14,600 bytes
 * gzip (one TCP round trip), JavaScript at most 2 KiB gzip. Measured the way the site is served: each file
 * gzip-compressed on its own (level 9, as the build's pre-compressed .gz files), external CSS and JS
 * (and the modules they import) included.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { BUDGET_JS, BUDGET_TOTAL, measure } from '../support/page-weight.ts';
import { pathOf, siteBuilds } from '../support/site-builds.ts';

const articlePages = siteBuilds().flatMap((build) =>
  build.published.map(
    (entry) => [`${build.name}: ${entry.slug}`, build.siteDir, path.join(build.siteDir, pathOf(build, entry.slug), 'index.html')] as const,
  ),
);

/** The search page, before the reader searches (Pagefind's script and WebAssembly load then: README "Search"). */
const searchPages = siteBuilds().map((build) => [build.name, build.siteDir, path.join(build.siteDir, 'search', 'index.html')] as const);

describe.each(searchPages)('search page weight, %s', (name, siteDir, file) => {
  it(`HTML + CSS + JS is at most ${BUDGET_TOTAL} bytes gzip`, () => {
    const weight = measure(siteDir, file);
    console.log(`[weight] ${name}: search page ${JSON.stringify(weight)}`);
    expect(weight.js).toBeGreaterThan(500); // its script was measured
    expect(weight.total).toBeLessThanOrEqual(BUDGET_TOTAL);
  });
});

describe.each(articlePages)('article page weight, %s', (name, siteDir, file) => {
  const weight = measure(siteDir, file);

  it(`HTML + CSS + JS is at most ${BUDGET_TOTAL} bytes gzip before images`, () => {
    console.log(`[weight] ${name}: ${JSON.stringify(weight)}`);
    expect(weight.html).toBeGreaterThan(1_000); // measured something real
    expect(weight.total).toBeLessThanOrEqual(BUDGET_TOTAL);
  });

  it(`JavaScript is at most ${BUDGET_JS} bytes gzip`, () => {
    expect(weight.js).toBeLessThanOrEqual(BUDGET_JS);
  });
});
