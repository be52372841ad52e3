/**
 * Output identical either way (issue 12): a rebuild from warm caches after the newsroom changes something
 * produces exactly the dist/ a cold build of the same content produces — every file, byte for byte (pages,
 * .br and .gz, the Pagefind index, link-preview cards, feeds, sitemaps, redirects, images). Whatever an
 * incremental build skips or takes from a cache must never leave a stale page, listing, feed or card behind.
 *
 * One copy of the project (tests/support/project-copy.ts: the working tree, with caches of its own), its articles
 * at the default place (content/articles), so the site's own configuration is what is tested. In it:
 * 1. state A (tests/fixtures/sets/equivalence) built cold, as of BUILD_TIME_A;
 * 2. rebuilt a day later (BUILD_TIME_B) with nothing edited, as a scheduled rebuild would: a scheduled article
 *    comes out, the first of its section, so every page's navigation gains a link; a card's "Updated" expires;
 * 3. the newsroom's edits made (EDITS below: state B) and rebuilt: the warm rebuild that is compared;
 * 4. every cache emptied, and state B built again in the same place, as of the same time: the cold build.
 * Same folder, same paths, same time, same content: 3 and 4 must be the same files.
 *
 * Two warm steps, not one: a change that re-renders every page (2: the navigation) would hide, in the same
 * rebuild, a cache key that misses the edits (3); a page left stale by step 2 and untouched by the edits still
 * shows (ferry-fares-frozen is such a page).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { DEFAULT_ARTICLES_DIR } from '../../src/content-model/articles-folder.ts';
import { copyProject, resetBuildCaches } from '../support/project-copy.ts';
import { diffTrees, formatDifferences, listFiles } from '../support/tree-diff.ts';
import { OUTPUT, ROOT, TEST_SITE_URL } from '../support/paths.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/sets/equivalence');
const WORK = path.join(OUTPUT, 'equivalence');
const PROJECT = path.join(WORK, 'project');
const ARTICLES = path.join(PROJECT, DEFAULT_ARTICLES_DIR);
const DIST = path.join(PROJECT, 'dist');
/** Where the warm rebuild's output is kept while the cold build writes dist/. */
const WARM = path.join(WORK, 'warm');

/** State A is first built as of A's time; everything after that a day later (the scheduled article is out by then). */
const BUILD_TIME_A = '2026-11-28T12:00:00Z';
const BUILD_TIME_B = '2026-11-29T12:00:00Z';

/** Replace `from` by `to` in an entry, or stop: an edit that no longer applies must not pass unnoticed. */
function edit(slug: string, from: string, to: string): void {
  const file = path.join(ARTICLES, slug, 'index.md');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: the fixture no longer has ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** What the newsroom does between the builds of state A and state B. */
const EDITS: { what: string; apply: () => void }[] = [
  {
    what: 'a new article is published, dated before the newest of its section (whose "Earlier in Local" gains it)',
    apply: () => {
      const folder = path.join(ARTICLES, 'bakery-wins-city-prize');
      cpSync(path.join(ARTICLES, 'council-approves-park-plan/photo.jpg'), path.join(folder, 'photo.jpg'));
      writeFileSync(
        path.join(folder, 'index.md'),
        [
          '---',
          'title: "Bakery wins the city prize for its rye bread"',
          'standfirst: "A fictional test article, published in state B only, dated between two articles of its section."',
          'summary:',
          '  - "The prize is awarded every year by the market traders."',
          'image:',
          '  src: ./photo.jpg',
          '  alt: "A test photo: a soft gradient from blue to orange."',
          'byline:',
          '  - name: "Riley Example"',
          'published: 2026-11-26T09:00:00Z',
          'section: "Local"',
          'tags:',
          '  - "Markets"',
          '---',
          'A bakery in the old town won the city prize for its rye bread on Wednesday.',
          '',
          'The prize is awarded every year by the market traders.',
          '',
        ].join('\n'),
      );
    },
  },
  {
    what: "an article's body is rewritten (nothing else of it changes)",
    apply: () =>
      edit(
        'library-extends-opening-hours',
        "The new hours were posted on the library's notice board on Monday.",
        "The new hours were posted on the library's notice board on Monday, and on its website on Tuesday.\n\nThe library will also open on Sunday afternoons from January.",
      ),
  },
  {
    what: "an article's headline changes (its page, card, redirect page and its section's later articles show it)",
    apply: () =>
      edit(
        'harbour-bridge-reopens',
        'title: "Harbour bridge to reopen after repairs"',
        'title: "Harbour bridge reopens to traffic after repairs"',
      ),
  },
  {
    what: 'an article is withdrawn (made a draft): its page, card, photo, topic and author pages go',
    apply: () => edit('tram-survey-begins', 'section: "Transport"\n', 'section: "Transport"\ndraft: true\n'),
  },
  {
    what: 'a lead photo is replaced by another file of the same name (the entry itself is unchanged)',
    apply: () => cpSync(path.join(ARTICLES, 'market-opens-new-hall/new-photo.jpg'), path.join(ARTICLES, 'market-opens-new-hall/photo.jpg')),
  },
];

function build(which: string, time: string): void {
  const result = astroBuild(DIST, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', BUILD_TIME: time }, PROJECT);
  if (result.status !== 0) throw new Error(`${which} (BUILD_TIME=${time}) failed (exit ${result.status}):\n${result.output}`);
  console.log(`[equivalence] ${which} as of ${time} in ${Math.round(result.ms)} ms`);
}

const hashes = (dir: string) =>
  new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );

describe('a warm rebuild after changes produces the same dist/ as a cold build', () => {
  /** Hashes of every file built in steps 1 and 2, to show that each change reached the output. */
  let first: Map<string, string>;
  let dayLater: Map<string, string>;

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    copyProject(PROJECT, { skip: [DEFAULT_ARTICLES_DIR] });
    cpSync(FIXTURE, ARTICLES, { recursive: true });
    build('the cold build of state A', BUILD_TIME_A);
    first = hashes(DIST);
    build('the warm rebuild of state A a day later', BUILD_TIME_B);
    dayLater = hashes(DIST);
    for (const change of EDITS) change.apply();
    build('the warm rebuild of state B', BUILD_TIME_B);
    renameSync(DIST, WARM);
    resetBuildCaches(PROJECT);
    build('the cold build of state B', BUILD_TIME_B);
  }, 600_000);

  /** Files of the cold build of state B that are not in `before`, or not the same. */
  const changedSince = (before: Map<string, string>) => {
    const cold = hashes(DIST);
    return (file: string) => cold.has(file) !== before.has(file) || cold.get(file) !== before.get(file);
  };

  it('a day later, the scheduled article is out and every page shows its section', () => {
    const changed = changedSince(first);
    const mustChange = [
      'articles/city-marathon-route-announced/index.html',
      'sections/sport/index.html',
      'index.html',
      'rss.xml',
      'news-sitemap.xml',
      // Nothing else changes on this page: only the navigation.
      'articles/ferry-fares-frozen/index.html',
    ];
    expect(mustChange.filter((file) => !changed(file))).toEqual([]);
  });

  it('state B differs from the day-later state A wherever an edit shows', () => {
    const changed = changedSince(dayLater);
    const mustChange = [
      // The new article, and the listings, feeds and sitemaps that include it.
      'articles/bakery-wins-city-prize/index.html',
      'articles/bakery-wins-city-prize/card.jpg',
      'index.html',
      'latest/index.html',
      'sections/local/index.html',
      'sections/local/rss.xml',
      'sections/local/feed.json',
      'rss.xml',
      'feed.json',
      'sitemap-0.xml',
      'archive/2026/11/index.html',
      'topics/markets/index.html',
      'authors/riley-example/index.html',
      'pagefind/pagefind-entry.json',
      // Its section's newer article lists it under "Earlier in Local".
      'articles/council-approves-park-plan/index.html',
      // The rewritten body, and its compressed copies.
      'articles/library-extends-opening-hours/index.html',
      'articles/library-extends-opening-hours/index.html.br',
      'articles/library-extends-opening-hours/index.html.gz',
      // The new headline: the page, its card, its redirect page, and "Earlier in Transport" of the next one.
      'articles/harbour-bridge-reopens/index.html',
      'articles/harbour-bridge-reopens/card.jpg',
      'articles/harbour-bridge-repairs/index.html',
      'articles/night-buses-return/index.html',
      // The withdrawn article, with its topic and author pages.
      'articles/tram-survey-begins/index.html',
      'articles/tram-survey-begins/card.jpg',
      'topics/trams/index.html',
      'authors/sam-sample/index.html',
      // The replaced photo: the page's pictures and the card.
      'articles/market-opens-new-hall/index.html',
      'articles/market-opens-new-hall/card.jpg',
    ];
    expect(mustChange.filter((file) => !changed(file))).toEqual([]);
    expect(listFiles(DIST)).not.toContain('articles/tram-survey-begins/index.html');
  });

  it('the warm rebuild wrote exactly the files of the cold build, byte for byte', () => {
    const files = listFiles(DIST);
    // Everything is compared: pages and their .br/.gz, cards, images, feeds, sitemaps, redirects, the search index.
    for (const part of ['index.html.br', 'index.html.gz', 'rss.xml', 'sitemap.xml', '_redirects', 'pagefind/pagefind-entry.json']) {
      expect(files).toContain(part);
    }
    expect(files.some((f) => f.startsWith('_astro/') && f.endsWith('.avif'))).toBe(true);
    const differences = diffTrees(DIST, WARM, { expected: 'cold build', actual: 'warm rebuild' });
    expect(
      differences.map((d) => d.file),
      formatDifferences(differences),
    ).toEqual([]);
  });
});
