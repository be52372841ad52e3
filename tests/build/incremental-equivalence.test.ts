/**
 * Output identical either way (issue 12): a rebuild from warm caches after the newsroom changes something
 * produces exactly the dist/ a cold build of the same content produces — every file, byte for byte (pages,
 * .br and .gz, the Pagefind index, link-preview cards, feeds, sitemaps, redirects, images). Whatever an
 * incremental build skips or takes from a cache must never leave a stale page, listing, feed or card behind.
 *
 * One copy of the project (tests/support/project-copy.ts: the working tree, with caches of its own), its articles
 * at the default place (content/articles), so the site's own configuration is what is tested. In it:
 * 1. state A (tests/fixtures/sets/equivalence) built cold, as of BUILD_TIME_A;
 * 2. rebuilt a day later (BUILD_TIME_DAY_LATER) with nothing edited, as a scheduled rebuild would: a scheduled
 *    article comes out, the first of its section, so every page's navigation gains a link;
 * 3. the newsroom's edits made (EDITS below: state B) and rebuilt half a day later (BUILD_TIME_B, when one
 *    article's "Updated" on the cards has expired): the warm rebuild that is compared;
 * 4. every cache emptied, and state B built again in the same place, as of the same time: the cold build.
 * Same folder, same paths, same time, same content: 3 and 4 must be the same files.
 *
 * Each change has a page that no other change touches, so a cache key that misses it cannot be hidden by
 * another change re-rendering that page: the navigation (step 2; ferry-fares-frozen's page), the expired
 * "Updated" (/topics/ferries/), the new article in an "Earlier in" list (council-approves-park-plan), the
 * withdrawn one leaving it (market-opens-new-hall), a new headline in one (night-buses-return) and on a listing
 * (/topics/bridges/), the body in a section feed (Culture's), the replaced photo on its page, card and listings
 * (city-marathon-route-announced, /topics/running/), a topic's spelling taken from a newer article
 * (ferry-fares-frozen again). That is also why step 2 is a rebuild of its own: the
 * navigation changes every page. One article (port-handles-record-cargo) is from an earlier month and no change
 * touches it, so the warm rebuild takes its search index shard from the cache.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The first build; the scheduled rebuild a day later (the scheduled article is out); state B's builds after that. */
const BUILD_TIME_A = '2026-11-28T12:00:00Z';
const BUILD_TIME_DAY_LATER = '2026-11-29T12:00:00Z';
const BUILD_TIME_B = '2026-11-30T00:00:00Z';

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
    what: "an article's body is rewritten (nothing else of it changes): its page and its section's feeds",
    apply: () =>
      edit(
        'library-extends-opening-hours',
        "The new hours were posted on the library's notice board on Monday.",
        "The new hours were posted on the library's notice board on Monday, and on its website on Tuesday.\n\nThe library will also open on Sunday afternoons from January.",
      ),
  },
  {
    what: 'an article\'s headline changes: its page, card, redirect page, listings and the next article\'s "Earlier in"',
    apply: () =>
      edit(
        'harbour-bridge-reopens',
        'title: "Harbour bridge to reopen after repairs"',
        'title: "Harbour bridge reopens to traffic after repairs"',
      ),
  },
  {
    what: 'an article is withdrawn (made a draft): its page, card, photo, topic and author pages go, and the next article\'s "Earlier in" drops it',
    apply: () => edit('tram-survey-begins', 'published: 2026-11-18T07:00:00Z\n', 'published: 2026-11-18T07:00:00Z\ndraft: true\n'),
  },
  {
    what: 'a newer article spells a topic of an older one differently: the older article shows the newer spelling',
    apply: () => edit('harbour-bridge-reopens', 'tags:\n  - "Bridges"\n', 'tags:\n  - "Bridges"\n  - "harbour"\n'),
  },
  {
    what: 'a lead photo is replaced by another file of the same name (the entry itself is unchanged): its page, card and listings',
    apply: () =>
      cpSync(
        path.join(ARTICLES, 'city-marathon-route-announced/new-photo.jpg'),
        path.join(ARTICLES, 'city-marathon-route-announced/photo.jpg'),
      ),
  },
];

/** What a build took from its caches instead of making again. */
interface Reused {
  /** The files Astro's incremental build kept or copied from its cache instead of rendering them. */
  pages: string[];
  /** The search index's shards, and those linked from the cache (src/integrations/search-index.ts). */
  shards: number;
  shardsReused: number;
  /** Whether the previous output was kept in place (src/integrations/output-folder.ts) rather than emptied. */
  inPlace: boolean;
}

/** Runs a build; returns what it reused. */
function build(which: string, time: string): Reused {
  // One search index shard per month, so that one of them (August's) is reused.
  const env = { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', BUILD_TIME: time, SEARCH_SHARD_SIZE: '1' };
  const result = astroBuild(DIST, env, PROJECT, { silent: false });
  if (result.status !== 0) throw new Error(`${which} (BUILD_TIME=${time}) failed (exit ${result.status}):\n${result.output}`);
  console.log(`[equivalence] ${which} as of ${time} in ${Math.round(result.ms)} ms`);
  // Each build's log stays beside the project, for when the comparison fails.
  writeFileSync(path.join(WORK, `${which.replace(/\W+/g, '-')}.log`), result.output);
  // eslint-disable-next-line no-control-regex -- the log's colours
  const log = result.output.replace(/\x1b\[[0-9;]*m/g, '');
  const search = /search index \(pagefind\/, (\d+) shards?, (\d+) unchanged, from the cache\)/.exec(log);
  if (!search) throw new Error(`${which}: the log does not say what the search index reused`);
  return {
    pages: [...log.matchAll(/[├└]─ \/(\S+)(?:\s*\(\+\S+\))?\s*\((?:cached|restored)\)/g)].map((m) => m[1]!),
    shards: Number(search[1]),
    shardsReused: Number(search[2]),
    inPlace: log.includes('[output-folder] the previous output is kept in place'),
  };
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
  /** What the warm rebuild of state B copied from the incremental cache; what it left of the previous dist/. */
  let reused: Reused;
  let leftovers: string[];

  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    copyProject(PROJECT, { skip: [DEFAULT_ARTICLES_DIR] });
    cpSync(FIXTURE, ARTICLES, { recursive: true });
    build('the cold build of state A', BUILD_TIME_A);
    first = hashes(DIST);
    build('the warm rebuild of state A a day later', BUILD_TIME_DAY_LATER);
    dayLater = hashes(DIST);
    for (const change of EDITS) change.apply();
    reused = build('the warm rebuild of state B', BUILD_TIME_B);
    leftovers = readdirSync(PROJECT).filter((name) => name.startsWith('dist.old-'));
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

  it('state B differs from state A a day later wherever a change shows', () => {
    const changed = changedSince(dayLater);
    const mustChange = [
      // The new article, and the listings, feeds and sitemaps that include it.
      'articles/bakery-wins-city-prize/index.html',
      'articles/bakery-wins-city-prize/card.jpg',
      'index.html',
      'latest/index.html',
      'sections/local/index.html',
      'sections/local/rss.xml',
      'rss.xml',
      'feed.json',
      'sitemap-0.xml',
      'archive/2026/11/index.html',
      'topics/markets/index.html',
      'authors/riley-example/index.html',
      'pagefind/2026-11/pagefind-entry.json',
      // Its section's newer article lists it under "Earlier in Local".
      'articles/council-approves-park-plan/index.html',
      // The rewritten body: the page, its compressed copies, its section's feeds.
      'articles/library-extends-opening-hours/index.html',
      'articles/library-extends-opening-hours/index.html.br',
      'articles/library-extends-opening-hours/index.html.gz',
      'sections/culture/rss.xml',
      'sections/culture/feed.json',
      // The new headline: the page, its card, its redirect page, its topic, and "Earlier in Transport" of the next one.
      'articles/harbour-bridge-reopens/index.html',
      'articles/harbour-bridge-reopens/card.jpg',
      'articles/harbour-bridge-repairs/index.html',
      'topics/bridges/index.html',
      'articles/night-buses-return/index.html',
      // The withdrawn article, its topic and author pages, and "Earlier in Local" of the next one.
      'articles/tram-survey-begins/index.html',
      'articles/tram-survey-begins/card.jpg',
      'topics/trams/index.html',
      'authors/sam-sample/index.html',
      'articles/market-opens-new-hall/index.html',
      // The replaced photo: the page's pictures, the card, the listings.
      'articles/city-marathon-route-announced/index.html',
      'articles/city-marathon-route-announced/card.jpg',
      'topics/running/index.html',
      'sections/sport/index.html',
      // Half a day later: the ferry article's "Updated" has expired on its cards.
      'topics/ferries/index.html',
      // A newer article's spelling of a topic names it on the older article's page (and the topic's page).
      'articles/ferry-fares-frozen/index.html',
      'topics/harbour/index.html',
    ];
    expect(mustChange.filter((file) => !changed(file))).toEqual([]);
    expect(listFiles(DIST)).not.toContain('articles/tram-survey-begins/index.html');
  });

  it('the warm rebuild was incremental: what no change touched was kept or copied, not rendered again', () => {
    // The comparison below would pass just as well if every page were rendered again.
    expect(reused.pages).toEqual(
      expect.arrayContaining([
        // Cards whose headline and photo no change touched.
        'articles/ferry-fares-frozen/card.jpg',
        'articles/library-extends-opening-hours/card.jpg',
        'articles/council-approves-park-plan/card.jpg',
        'apple-touch-icon.png',
      ]),
    );
    expect(reused.pages).not.toContain('articles/harbour-bridge-reopens/card.jpg'); // its headline changed
    // The search index: November's shard was indexed again; August's (port-handles-record-cargo alone, untouched)
    // was linked from the cache.
    expect(reused).toMatchObject({ shards: 2, shardsReused: 1 });
    // The previous output was kept in place (src/integrations/output-folder.ts): the pages no change touched stayed
    // where they were, and what state B no longer has (the withdrawn article, the replaced photo's files) was removed.
    expect(reused.inPlace).toBe(true);
    expect(leftovers).toEqual([]);
  });

  it('the warm rebuild wrote exactly the files of the cold build, byte for byte', () => {
    const files = listFiles(DIST);
    // Everything is compared: pages and their .br/.gz, cards, images, feeds, sitemaps, redirects, the search index.
    for (const part of [
      'index.html.br',
      'index.html.gz',
      'rss.xml',
      'sitemap.xml',
      '_redirects',
      'pagefind/shards.json',
      'pagefind/2026-11/pagefind-entry.json',
      'pagefind/2026-08/pagefind-entry.json',
    ]) {
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
