/**
 * Finding any article among hundreds, on the listings fixture (tests/support/listings-fixture.ts: 300
 * articles over five sections and two years, with tags and authors, a few undated, one busy month): the
 * front page's hierarchy, the paginated lists (latest, sections, topics, authors: page 1 at the bare path,
 * a number past the end is a 404, titles "Politics — page 2 of 3", rel prev/next, a pager, their own
 * canonical), the date archive, the site navigation, and the article page's kicker, topics, byline links
 * and "Earlier in <section>". Every expectation is worked out here from the entries themselves.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import { HtmlValidate, formatterFactory } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { listingsBuild } from '../support/listings-build.ts';
import { fixtureBuild } from '../support/fixture-builds.ts';
import { LISTINGS_SECTIONS, LISTINGS_UNDATED } from '../support/listings-fixture.ts';
import type { Entry } from '../support/site-builds.ts';
import { pathOf } from '../support/site-builds.ts';
import { isListingUrl, sitemapUrls } from '../support/sitemaps.ts';
import { archivePath, authorPath, latestPath, nameSlug, sectionPath, topicPath } from '../../src/lib/listing-urls.ts';
import { SITE } from '../../src/site.config.ts';

const build = listingsBuild();
const { siteDir, published } = build;
const PAGE_SIZE = SITE.listingPageSize;
const page = (urlPath: string) => readPage(urlPath, siteDir);
const exists = (urlPath: string) => existsSync(path.join(siteDir, urlPath, 'index.html'));
const hrefs = (nodes: ReturnType<typeof selectAll>) => nodes.map((a) => attr(a, 'href'));
const articleLinks = (tree: Root) => hrefs(selectAll('main .card-headline a', tree));
const canonical = (tree: Root) => attr(select('link[rel=canonical]', tree), 'href');
const abs = (p: string) => new URL(p, build.siteUrl).href;
const slugsOf = (entries: Entry[]) => entries.map((e) => pathOf(build, e.slug));
/** The one spelling a page shows for names that share a slug: as src/lib/listings.ts chooses it. */
const bySlug = <K extends (e: Entry) => string[]>(namesOf: K) => {
  const groups = new Map<string, Entry[]>();
  for (const e of published) for (const slug of new Set(namesOf(e).map(nameSlug))) groups.set(slug, [...(groups.get(slug) ?? []), e]);
  return groups;
};

/**
 * Walk a paginated list from its first page: every page's title, canonical, rel prev/next and pager, and the
 * articles it lists, in order. Returns every article link of every page.
 */
function walkPages(name: string, pathOf: (n: number) => string, expectedCount: number): (string | undefined)[] {
  const last = Math.max(1, Math.ceil(expectedCount / PAGE_SIZE));
  const links: (string | undefined)[] = [];
  for (let n = 1; n <= last; n += 1) {
    const p = pathOf(n);
    expect(exists(p), p).toBe(true);
    const tree = page(p);
    expect(text(select('title', tree)), p).toBe(`${n === 1 ? name : `${name} — page ${n} of ${last}`} | ${SITE.name}`);
    expect(canonical(tree), p).toBe(abs(p));
    expect(attr(select('link[rel=prev]', tree), 'href'), p).toBe(n > 1 ? pathOf(n - 1) : undefined);
    expect(attr(select('link[rel=next]', tree), 'href'), p).toBe(n < last ? pathOf(n + 1) : undefined);
    const pager = select('main nav[aria-label=Pages]', tree);
    if (last === 1) expect(pager, p).toBeUndefined();
    else {
      expect(text(select('a[aria-current=page]', pager)), p).toBe(`Page ${n}`);
      expect(attr(select('a[rel=prev]', pager), 'href'), p).toBe(n > 1 ? pathOf(n - 1) : undefined);
      expect(attr(select('a[rel=next]', pager), 'href'), p).toBe(n < last ? pathOf(n + 1) : undefined);
      // The first and the last page are always one click away.
      expect(hrefs(selectAll('a', pager)), p).toEqual(expect.arrayContaining([pathOf(1), pathOf(last)]));
    }
    const onPage = articleLinks(tree);
    expect(onPage.length, p).toBe(n < last ? PAGE_SIZE : expectedCount - PAGE_SIZE * (last - 1));
    links.push(...onPage);
  }
  // Page 1 lives at the bare path only; past the last page there is nothing (the host's 404).
  expect(exists(`${pathOf(1)}1/`), `${pathOf(1)}1/`).toBe(false);
  expect(exists(pathOf(last + 1)), pathOf(last + 1)).toBe(false);
  return links;
}

describe('the listings fixture', () => {
  it('built every article, with warnings for the spellings that share a page', () => {
    expect(published).toHaveLength(build.entries.length);
    expect(published.filter((e) => !e.data.published)).toHaveLength(LISTINGS_UNDATED);
    const output = fixtureBuild('listings').output;
    expect(output).toMatch(
      /warning: \S+\/story-010\/index\.md: section: "Politics" and "politics" are one page \(shown as "Politics"\); use one spelling/,
    );
    expect(output).toMatch(/warning: \S+\/index\.md: tags: "Budget" and "budget" are one page \(shown as "Budget"\); use one spelling/);
  });
});

describe('latest news: /latest/, /latest/2/, …', () => {
  it('lists every published article, newest first (undated last), 20 to a page', () => {
    const links = walkPages('Latest news', (n) => latestPath('/', n), published.length);
    expect(links).toEqual(slugsOf(published));
    expect(Math.ceil(published.length / PAGE_SIZE)).toBeGreaterThanOrEqual(10); // really paginated
  });

  it('shows a window of page numbers on a long list, with the first and the last', () => {
    const pager = select('nav[aria-label=Pages]', page(latestPath('/', 8)))!;
    const last = Math.ceil(published.length / PAGE_SIZE);
    expect(selectAll('li', pager).map((li) => text(li))).toEqual([
      'Page 1',
      '…',
      'Page 6',
      'Page 7',
      'Page 8',
      'Page 9',
      'Page 10',
      '…',
      `Page ${last}`,
    ]);
  });

  it('loads only the first cards’ pictures at once', () => {
    const imgs = selectAll('main img', page('/latest/'));
    expect(imgs.map((i) => attr(i, 'loading'))).toEqual(imgs.map((_, i) => (i < 3 ? 'eager' : 'lazy')));
    expect(selectAll('main img', page('/latest/2/')).every((i) => attr(i, 'loading') === 'lazy')).toBe(true);
  });
});

describe('sections: /sections/<section>/…', () => {
  const sections = bySlug((e) => (e.data.section ? [e.data.section] : []));

  it('one page per section, whatever the spelling ("politics" is Politics)', () => {
    expect([...sections.keys()].sort()).toEqual(LISTINGS_SECTIONS.map(nameSlug).sort());
    const built = readdirSync(path.join(siteDir, 'sections'));
    expect(built.sort()).toEqual([...sections.keys()].sort());
    expect(text(select('h1', page('/sections/politics/')))).toBe('Politics');
  });

  it.each(LISTINGS_SECTIONS.map((s) => [s]))('%s lists its articles, newest first', (name) => {
    const entries = sections.get(nameSlug(name))!;
    expect(entries.length).toBeGreaterThan(PAGE_SIZE); // more than one page
    const links = walkPages(name, (n) => sectionPath(name, '/', n), entries.length);
    expect(links).toEqual(slugsOf(entries));
  });

  it('links its own feeds, on the page and in the head, and they exist', () => {
    const tree = page('/sections/politics/');
    expect(hrefs(selectAll('main .listing-intro a', tree))).toEqual(['/sections/politics/rss.xml', '/sections/politics/feed.json']);
    expect(selectAll('link[rel=alternate][href*="/sections/politics/"]', tree).map((l) => attr(l, 'href'))).toEqual([
      abs('/sections/politics/rss.xml'),
      abs('/sections/politics/feed.json'),
    ]);
    for (const file of ['rss.xml', 'feed.json']) expect(existsSync(path.join(siteDir, 'sections/politics', file)), file).toBe(true);
  });
});

describe('topics and authors', () => {
  const topics = bySlug((e) => e.data.tags);
  const authors = bySlug((e) => e.data.byline.map((b) => b.name));

  it('one page per topic ("budget" is Budget), listing its articles newest first', () => {
    expect(readdirSync(path.join(siteDir, 'topics')).sort()).toEqual([...topics.keys()].sort());
    for (const [slug, entries] of topics) {
      const name = `Topic: ${slug === 'budget' ? 'Budget' : entries[0]!.data.tags.find((t) => nameSlug(t) === slug)}`;
      expect(
        walkPages(name, (n) => topicPath(slug, '/', n), entries.length),
        slug,
      ).toEqual(slugsOf(entries));
    }
  });

  it('one page per author, listing their articles newest first; the profile URL is linked from it', () => {
    expect(readdirSync(path.join(siteDir, 'authors')).sort()).toEqual([...authors.keys()].sort());
    for (const [slug, entries] of authors) {
      const name = entries[0]!.data.byline.find((b) => nameSlug(b.name) === slug)!.name;
      expect(
        walkPages(name, (n) => authorPath(slug, '/', n), entries.length),
        slug,
      ).toEqual(slugsOf(entries));
      const url = entries.flatMap((e) => e.data.byline).find((b) => nameSlug(b.name) === slug && b.url)?.url;
      expect(hrefs(selectAll('main a[rel=author]', page(authorPath(slug, '/')))), slug).toEqual(url ? [url] : []);
    }
  });
});

describe('the date archive: /archive/ → /archive/2026/ → /archive/2026/11/', () => {
  const dated = published.filter((e) => e.data.published);
  const monthKey = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1] as const;
  const months = new Map<string, Entry[]>();
  for (const e of [...dated].sort(
    (a, b) => a.data.published!.getTime() - b.data.published!.getTime() || a.data.title.localeCompare(b.data.title, 'en'),
  )) {
    const key = monthKey(e.data.published!).join('/');
    months.set(key, [...(months.get(key) ?? []), e]);
  }

  it('the archive links every year and every month with articles, newest first', () => {
    const tree = page('/archive/');
    expect(canonical(tree)).toBe(abs('/archive/'));
    const years = [...new Set([...months.keys()].map((k) => Number(k.split('/')[0])))].sort((a, b) => b - a);
    expect(hrefs(selectAll('main h2 a', tree))).toEqual(years.map((y) => archivePath('/', y)));
    const monthLinks = [...months.keys()]
      .map((k) => k.split('/').map(Number) as [number, number])
      .sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(hrefs(selectAll('main .archive-months a', tree))).toEqual(monthLinks.map(([y, m]) => archivePath('/', y, m)));
    for (const y of years) {
      const yearPage = page(archivePath('/', y));
      expect(hrefs(selectAll('main .archive-months a', yearPage))).toEqual(
        monthLinks.filter(([yy]) => yy === y).map(([yy, m]) => archivePath('/', yy, m)),
      );
    }
  });

  it('a month lists all its articles, oldest first, under a heading per day; a big month has pages', () => {
    const listed: (string | undefined)[] = [];
    for (const [key, entries] of months) {
      const [y, m] = key.split('/').map(Number) as [number, number];
      const last = Math.ceil(entries.length / SITE.archivePageSize);
      const links: (string | undefined)[] = [];
      for (let n = 1; n <= last; n += 1) {
        const p = archivePath('/', y, m, n);
        const tree = page(p);
        expect(canonical(tree), p).toBe(abs(p));
        expect(text(select('title', tree)), p).toMatch(
          n > 1 ? new RegExp(` — page ${n} of ${last} \\| Archive \\| `) : /^\w+ \d{4} \| Archive \| /,
        );
        for (const day of selectAll('main .archive-day', tree)) {
          const heading = text(select('h2', day));
          for (const time of selectAll('time', day)) {
            const date = new Date(attr(time, 'dateTime')!);
            expect(heading, p).toContain(
              `${new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(date)} ${date.getUTCDate()}`,
            );
          }
        }
        // Every page of the month is one click away from every other.
        if (last > 1)
          expect(hrefs(selectAll('nav[aria-label=Pages] ol a', tree)), p).toEqual(
            Array.from({ length: last }, (_, i) => archivePath('/', y, m, i + 1)),
          );
        links.push(...hrefs(selectAll('main .archive-list a', tree)));
      }
      expect(exists(archivePath('/', y, m, last + 1))).toBe(false);
      expect(links, key).toEqual(slugsOf(entries));
      listed.push(...links);
    }
    expect(Math.max(...[...months.values()].map((e) => e.length))).toBeGreaterThan(SITE.archivePageSize);
    // Every dated article is in the archive once; undated ones are not.
    expect(listed.sort()).toEqual(slugsOf(dated).sort());
  });
});

describe('the site navigation', () => {
  const nav = (tree: Root) => select('header nav[aria-label=Site]', tree)!;
  const current = (tree: Root) => selectAll('a[aria-current]', nav(tree)).map((a) => [attr(a, 'href'), attr(a, 'ariaCurrent')]);

  it('lists latest, the sections in the editorial order of src/site.config.ts, the archive and search', () => {
    const order = SITE.sections.filter((s) => (LISTINGS_SECTIONS as readonly string[]).includes(s));
    expect(order).toEqual(['Politics', 'Business', 'World', 'Science', 'Culture']);
    for (const p of ['/', '/latest/2/', '/sections/world/', '/archive/', pathOf(build, published[5]!.slug)]) {
      const links = selectAll('a', nav(page(p)));
      expect(
        links.map((a) => [attr(a, 'href'), text(a)]),
        p,
      ).toEqual([['/latest/', 'Latest'], ...order.map((s) => [sectionPath(s, '/'), s]), ['/archive/', 'Archive'], ['/search/', 'Search']]);
    }
  });

  it('marks where the reader is: the section’s page, within a section, an article of a section', () => {
    expect(current(page('/'))).toEqual([]);
    expect(current(page('/sections/world/'))).toEqual([['/sections/world/', 'page']]);
    expect(current(page('/sections/world/2/'))).toEqual([['/sections/world/', 'true']]);
    expect(current(page('/latest/'))).toEqual([['/latest/', 'page']]);
    expect(current(page('/archive/'))).toEqual([['/archive/', 'page']]);
    expect(current(page('/archive/2026/'))).toEqual([['/archive/', 'true']]);
    const politics = published.find((e) => e.data.section === 'politics')!;
    expect(current(page(pathOf(build, politics.slug)))).toEqual([['/sections/politics/', 'true']]);
  });
});

describe('the front page', () => {
  const front = page('/');
  const shown = (sel: string) => hrefs(selectAll(sel, front));

  it('leads with the newest article, then the next six as cards', () => {
    expect(shown('main .card-lead .card-headline a')).toEqual(slugsOf(published.slice(0, 1)));
    expect(shown('main .card-top .card-headline a')).toEqual(slugsOf(published.slice(1, 7)));
    expect(text(select('main .card-lead .card-teaser', front))).toBe(published[0]!.data.standfirst);
  });

  it('then a block per section, in editorial order: its newest three not shown above, and a link to it', () => {
    const above = new Set(slugsOf(published.slice(0, 7)));
    const blocks = selectAll('main .section-block', front);
    expect(blocks.map((b) => text(select('h2', b)))).toEqual(['Politics', 'Business', 'World', 'Science', 'Culture']);
    for (const block of blocks) {
      const name = text(select('h2', block));
      const expected = slugsOf(published.filter((e) => nameSlug(e.data.section ?? '') === nameSlug(name)))
        .filter((p) => !above.has(p))
        .slice(0, 3);
      expect(hrefs(selectAll('.headline-list a', block)), name).toEqual(expected);
      expect(hrefs(selectAll('a', block)), name).toContain(sectionPath(name, '/'));
    }
  });

  it('links the full chronological list and the archive', () => {
    expect(shown('main a')).toEqual(expect.arrayContaining(['/latest/', '/archive/']));
  });

  it('loads the lead picture first and every other lazily', () => {
    const imgs = selectAll('main img', front);
    expect(imgs.length).toBe(7);
    expect([attr(imgs[0], 'loading'), attr(imgs[0], 'fetchPriority')]).toEqual(['eager', 'high']);
    for (const img of imgs.slice(1)) expect(attr(img, 'loading')).toBe('lazy');
  });
});

describe('the article page', () => {
  /** The dated articles of the same section published just before, newest first (ties: headline, slug). */
  const earlier = (entry: Entry) => {
    if (!entry.data.published) return [];
    const same = published.filter(
      (e) => e.data.published && nameSlug(e.data.section ?? '') === nameSlug(entry.data.section ?? '') && e !== entry,
    );
    const order = (a: Entry, b: Entry) =>
      b.data.published!.getTime() - a.data.published!.getTime() ||
      a.data.title.localeCompare(b.data.title, 'en') ||
      (a.slug < b.slug ? -1 : 1);
    return same
      .filter((e) => order(entry, e) < 0)
      .sort(order)
      .slice(0, SITE.onwardCount);
  };

  it.each(published.map((e) => [e.slug, e] as const))('%s: kicker, byline links, topics, Earlier in its section', (slug, entry) => {
    const tree = page(pathOf(build, slug));
    const section = nameSlug(entry.data.section!) === 'politics' ? 'Politics' : entry.data.section!;
    const kicker = select('main article header .kicker a', tree);
    expect([attr(kicker, 'href'), text(kicker)]).toEqual([sectionPath(section, '/'), section]);
    expect(hrefs(selectAll('.byline-authors a[rel=author]', tree))).toEqual(entry.data.byline.map((b) => authorPath(b.name, '/')));
    const topics = [...new Map(entry.data.tags.map((t) => [nameSlug(t), nameSlug(t) === 'budget' ? 'Budget' : t])).values()];
    const links = selectAll('main article .topics a', tree);
    expect(links.map((a) => [attr(a, 'href'), text(a)])).toEqual(topics.map((t) => [topicPath(t, '/'), t]));
    const onward = select('main .onward', tree);
    const expected = earlier(entry);
    if (expected.length === 0) expect(onward).toBeUndefined();
    else {
      expect(text(select('h2', onward))).toBe(`Earlier in ${section}`);
      expect(hrefs(selectAll('.headline-list a', onward))).toEqual(slugsOf(expected));
    }
  });
});

describe('the 404 page', () => {
  const notFound = readPage('/404.html', siteDir);
  it('offers search, the sections, the newest articles, the latest list and the archive', () => {
    const links = hrefs(selectAll('main a', notFound));
    expect(links).toEqual(
      expect.arrayContaining([
        '/',
        '/latest/',
        '/archive/',
        ...LISTINGS_SECTIONS.map((s) => sectionPath(s, '/')),
        ...slugsOf(published.slice(0, 5)),
      ]),
    );
    const search = select('main form[role=search]', notFound)!;
    expect([attr(search, 'action'), attr(search, 'method'), attr(select('input[type=search]', search), 'name')]).toEqual([
      '/search/',
      'get',
      'q',
    ]);
    expect(existsSync(path.join(siteDir, 'search/index.html'))).toBe(true);
  });
});

describe('html-validate: every listing page, the front page and the 404', () => {
  const validator = new HtmlValidate(config);
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('articles/'))
    .sort();
  it('finds them', () => {
    expect(pages.length).toBeGreaterThan(60);
  });
  it.each(pages)('%s', async (file) => {
    const report = await validator.validateFile(path.join(siteDir, file));
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2));
    expect(errors.length ? formatterFactory('text')(report.results) : '').toBe('');
  });
});

describe('the sitemap lists the listing pages', () => {
  it('the first page of latest and of every section, topic and author, the archive, every year and every page of every month', () => {
    const listed = sitemapUrls(siteDir).filter((u) => isListingUrl(u.loc));
    const built = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .filter((p) => /^\/(latest|sections|topics|authors)\/([^/]+\/)?$/.test(p) || /^\/archive\//.test(p))
      .filter((p) => !/^\/latest\/\d+\/$/.test(p));
    expect(listed.map((u) => new URL(u.loc).pathname).sort()).toEqual(built.sort());
    expect(built.length).toBeGreaterThan(40);
    // Each with the newest last modification of what it shows: the latest list's is the newest article's.
    expect(listed.find((u) => u.loc === abs('/latest/'))?.lastmod).toBe(published[0]!.data.published!.toISOString());
    for (const u of listed) expect(u.lastmod, u.loc).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
