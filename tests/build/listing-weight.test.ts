/**
 * Every page other than an article — the front page, every listing page (latest, sections, topics, authors),
 * the archive and the 404 — weighs at most 14,600 bytes gzip (HTML + CSS + JS, before images) and carries no
 * more than 2 KiB of JavaScript, on the listings fixture of a few hundred articles
 * (tests/support/listings-fixture.ts) and on every site build. Their size depends on the page size, never on
 * the number of articles. Article pages of the listings fixture (which carry the kicker, topics and the
 * "Earlier in" list) are held to the article budget too (tests/build/page-weight.test.ts does the site builds).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { SITE } from '../../src/site.config.ts';
import { BUDGET_JS, BUDGET_TOTAL, measure } from '../support/page-weight.ts';
import { listingsBuild } from '../support/listings-build.ts';
import { siteBuilds } from '../support/site-builds.ts';

const builds = [listingsBuild(), ...siteBuilds()];
const pages = builds.flatMap((build) =>
  readdirSync(build.siteDir, { recursive: true, encoding: 'utf8' })
    // The search page (its own 2.5 KiB script, before the reader searches) is held to its budget by page-weight.test.ts.
    .filter((f) => f.endsWith('.html') && f !== 'search/index.html' && (build.name === 'listings fixture' || !f.startsWith('articles/')))
    .sort()
    .map((f) => [`${build.name}: ${f}`, build.siteDir, path.join(build.siteDir, f)] as const),
);

describe('page weight of every page but the site builds’ articles', () => {
  it('measures the pages of every kind', () => {
    const files = pages.map(([name]) => name);
    for (const kind of [
      'index.html',
      '404.html',
      'latest/index.html',
      'latest/2/index.html',
      'sections/politics/2/index.html',
      'topics/budget/index.html',
      'archive/2026/03/2/index.html',
      'articles/story-001/index.html',
    ]) {
      expect(files, kind).toContain(`listings fixture: ${kind}`);
    }
  });

  it.each(pages)(`%s: HTML + CSS + JS at most ${BUDGET_TOTAL} bytes gzip, JavaScript at most ${BUDGET_JS}`, (_, siteDir, file) => {
    const weight = measure(siteDir, file);
    expect(weight.html).toBeGreaterThan(1_000);
    expect(weight.total).toBeLessThanOrEqual(BUDGET_TOTAL);
    expect(weight.js).toBeLessThanOrEqual(BUDGET_JS);
  });

  it('no page links more articles than its slots: the front page, a listing page and an archive month are bounded', () => {
    const build = builds[0]!;
    const articleLinks = (file: string) =>
      new Set(
        selectAll('main a[href^="/articles/"]', fromHtml(readFileSync(path.join(build.siteDir, file), 'utf8'))).map((a) =>
          String(a.properties.href),
        ),
      ).size;
    const { topStories, perSection, maxSections } = SITE.frontPage;
    expect(build.published.length).toBeGreaterThan(5 * (1 + topStories + perSection * maxSections)); // far more than fit
    expect(articleLinks('index.html')).toBeLessThanOrEqual(1 + topStories + perSection * maxSections);
    for (const file of ['latest/index.html', 'latest/2/index.html', 'sections/politics/index.html', 'topics/budget/index.html']) {
      expect(articleLinks(file), file).toBeLessThanOrEqual(SITE.listingPageSize);
    }
    expect(articleLinks('archive/2026/03/index.html')).toBe(SITE.archivePageSize);
  });

  it('the heaviest of each kind, for the README', () => {
    const kinds = new Map<string, number>();
    for (const [name, siteDir, file] of pages) {
      if (!name.startsWith('listings fixture')) continue;
      const kind = name
        .replace(/^listings fixture: /, '')
        .replace(/^archive\/\d{4}\/\d{2}\//, 'archive/yyyy/mm/')
        .replace(/^archive\/\d{4}\//, 'archive/yyyy/')
        .replace(/^(sections|topics|authors|articles)\/[^/]+\//, '$1/x/')
        .replace(/\/\d+\//, '/n/');
      kinds.set(kind, Math.max(kinds.get(kind) ?? 0, measure(siteDir, file).total));
    }
    console.log(
      `[weight] listings fixture, heaviest page of each kind (bytes gzip): ${JSON.stringify(Object.fromEntries([...kinds].sort()))}`,
    );
    expect(kinds.size).toBeGreaterThan(8);
  });
});
