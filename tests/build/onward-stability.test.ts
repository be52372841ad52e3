/**
 * Publishing a new article changes no existing article page: the onward list is "Earlier in <section>" (the
 * articles published just BEFORE each one), never "latest" or "newer", so the pages an incremental build
 * would have to re-render are the new article's and the listings', not every article's.
 *
 * The newsroom fixture (built by the global setup) is copied with one new article, newer than all the
 * others and in a section they use, and built again here: every article page of the first build is
 * byte-for-byte the same in the second.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, type BuildResult } from '../../scripts/lib/astro-build.ts';
import { FIXTURE_SETS, fixtureSiteDir } from '../support/fixture-builds.ts';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { OUTPUT, ROOT, TEST_SITE_URL } from '../support/paths.ts';

const WORK = path.join(OUTPUT, 'onward-stability');
const ARTICLES = path.join(WORK, 'articles');
const SITE = path.join(WORK, 'site');
const BEFORE = fixtureSiteDir('newsroom');
const NEW_SLUG = 'council-publishes-spending-plan';

const articlePages = (dir: string) =>
  readdirSync(path.join(dir, 'articles'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .sort();

describe('a new article leaves every existing article page as it was', () => {
  let build: BuildResult;
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    cpSync(path.join(ROOT, FIXTURE_SETS.newsroom), ARTICLES, { recursive: true });
    const folder = path.join(ARTICLES, NEW_SLUG);
    mkdirSync(folder);
    cpSync(path.join(ARTICLES, 'bridge-repairs-finish-early/photo.jpg'), path.join(folder, 'photo.jpg'));
    writeFileSync(
      path.join(folder, 'index.md'),
      [
        '---',
        'title: "Council publishes its spending plan"',
        'summary:',
        '  - "The plan covers the next three years."',
        'image:',
        '  standIn: true',
        '  src: ./photo.jpg',
        '  alt: "Stand-in illustration: an abstract city skyline of dark blue blocks."',
        'published: 2026-06-01T09:00:00Z',
        'section: "Local"',
        'tags:',
        '  - "Budget"',
        'byline:',
        '  - name: "Sam Sample"',
        '---',
        'A fictional test article, newer than every other article of the newsroom fixture.',
        '',
      ].join('\n'),
    );
    build = astroBuild(SITE, { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', ARTICLES_DIR: ARTICLES });
    if (build.status !== 0) throw new Error(`the newsroom with one new article did not build:\n${build.output}`);
  }, 300_000);

  it('publishes the new article, with the older one of its section as "Earlier in Local"', () => {
    const page = readPage(`/articles/${NEW_SLUG}/`, SITE);
    expect(text(select('.onward h2', page))).toBe('Earlier in Local');
    expect(selectAll('.onward .headline-list a', page).map((a) => attr(a, 'href'))).toEqual([
      '/articles/council-approves-budget-after-long-debate/',
    ]);
    // The listings did change: the section lists it first.
    expect(attr(select('main .card-headline a', readPage('/sections/local/', SITE)), 'href')).toBe(`/articles/${NEW_SLUG}/`);
  });

  it('every article page of the build before is byte-for-byte the same after', () => {
    const before = articlePages(BEFORE);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(articlePages(SITE)).toEqual([...before, `${NEW_SLUG}/index.html`].sort());
    const changed = before.filter(
      (f) => !readFileSync(path.join(BEFORE, 'articles', f)).equals(readFileSync(path.join(SITE, 'articles', f))),
    );
    expect(changed).toEqual([]);
  });
});
