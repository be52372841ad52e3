/**
 * Corrections and updates, on the corrections fixture (tests/fixtures/sets/corrections, built with
 * BASE_PATH=/news/ as of BUILD_TIME 2026-11-29T12:00:00Z), read by the consumers the rest of the suite uses:
 * the HTML parser, open-graph-scraper, feedsmith, Readability, html-validate. Also the redirect rules and the
 * redirect page of a build under a base path.
 *
 * The fixture: harbour-bridge-reopens (published 20 Nov, updated 27 Nov, corrected 21 and 28 Nov, renamed from
 * harbour-bridge-to-reopen), library-hours-extended (updated in October), school-survey-results (corrected in
 * September), market-opens-new-hall (published the morning of the build, never revised).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ogs from 'open-graph-scraper';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { isListingUrl, sitemapUrls } from '../support/sitemaps.ts';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { HtmlValidate, formatterFactory } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { TEST_SITE_URL } from '../support/paths.ts';
import { fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';

const DIR = fixtureSiteDir('corrections');
const BASE = '/news/';
const CORRECTED = 'harbour-bridge-reopens';
const url = (slug: string) => `${TEST_SITE_URL}${BASE}articles/${slug}/`;
const page = (slug: string) => readPage(`/articles/${slug}/`, DIR);
const html = (slug: string) => readFileSync(path.join(DIR, 'articles', slug, 'index.html'), 'utf8');
const FIRST = 'An earlier version of this article misspelled the name of the engineering firm.';
const SECOND = 'An earlier version of this article gave the wrong day for the reopening. The bridge reopened on Friday, not Thursday.';

describe('the corrections fixture', () => {
  it('builds', () => {
    const build = fixtureBuild('corrections');
    expect(build.status, build.output).toBe(0);
  });
});

describe('the corrected article page', () => {
  const tree = page(CORRECTED);

  it('ends its body with the notices: a headed section, one dated notice per correction, oldest first', () => {
    const section = select('.article-body > section.corrections#corrections', tree);
    expect(section).toBeDefined();
    expect(selectAll('.article-body > *', tree).at(-1)).toBe(section);
    expect(text(select('h2', section))).toBe('Corrections');
    expect(attr(section, 'ariaLabelledBy')).toBe(attr(select('h2', section), 'id'));
    const notices = selectAll('p.correction', section);
    expect(notices.map((n) => text(n))).toEqual([`Correction, November 21, 2026: ${FIRST}`, `Correction, November 28, 2026: ${SECOND}`]);
    expect(notices.map((n) => attr(select('strong time', n), 'dateTime'))).toEqual([
      '2026-11-21T12:00:00.000Z',
      '2026-11-28T16:30:00.000Z',
    ]);
  });

  it('signals the update and the latest correction by the byline, linking to the notices', () => {
    const meta = select('.byline-meta', tree);
    expect(text(meta)).toBe('November 20, 2026 · Updated November 27, 2026 · Corrected November 28, 2026 · 1 min read');
    const link = select('a[href="#corrections"]', meta);
    expect(text(link)).toBe('Corrected November 28, 2026');
    expect(attr(select('time', link), 'dateTime')).toBe('2026-11-28T16:30:00.000Z');
    expect(attr(select('.dateline-updated time', meta), 'dateTime')).toBe('2026-11-27T08:00:00.000Z');
  });

  it('says "Updated" alone when there is no correction, and "Corrected" alone when there is no update', () => {
    expect(text(select('.byline-meta', page('library-hours-extended')))).toBe('October 1, 2026 · Updated October 2, 2026 · 1 min read');
    expect(select('.corrections, a[href="#corrections"]', page('library-hours-extended'))).toBeUndefined();
    const survey = page('school-survey-results');
    expect(text(select('.byline-meta', survey))).toBe('September 1, 2026 · Corrected September 3, 2026 · 1 min read');
    expect(text(select('.corrections h2', survey))).toBe('Correction');
    expect(selectAll('.corrections p', survey)).toHaveLength(1);
  });

  it('carries the corrections in its structured data, dated by the latest change', () => {
    const [article] = selectAll('script[type="application/ld+json"]', tree).map((s) => JSON.parse(text(s)) as Record<string, unknown>);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2026-11-20T07:00:00.000Z',
      dateModified: '2026-11-28T16:30:00.000Z',
      correction: [
        { '@type': 'CorrectionComment', text: FIRST, datePublished: '2026-11-21T12:00:00.000Z' },
        { '@type': 'CorrectionComment', text: SECOND, datePublished: '2026-11-28T16:30:00.000Z' },
      ],
    });
  });

  it('tells link previews when it was last modified (open-graph-scraper)', async () => {
    const modified = async (slug: string) => {
      const { result, error } = await ogs({ html: html(slug) });
      expect(error).toBe(false);
      return result.articleModifiedTime;
    };
    expect(await modified(CORRECTED)).toBe('2026-11-28T16:30:00.000Z');
    expect(await modified('library-hours-extended')).toBe('2026-10-02T10:00:00.000Z');
    expect(await modified('school-survey-results')).toBe('2026-09-03T15:00:00.000Z');
    expect(await modified('market-opens-new-hall')).toBe('2026-11-29T08:00:00.000Z');
  });

  it('keeps the notices in reader views (Readability)', () => {
    const dom = new JSDOM(html(CORRECTED), { url: url(CORRECTED) });
    const parsed = new Readability(dom.window.document).parse();
    const content = parsed!.textContent!.replace(/\s+/g, ' ');
    expect(content).toContain('Buses return to their usual routes on Monday, the transport office said.');
    expect(content.indexOf(FIRST)).toBeGreaterThan(content.indexOf('the transport office said'));
    expect(content).toContain(SECOND);
  });

  it('is valid HTML and within the page-weight budget', async () => {
    const validator = new HtmlValidate(config);
    for (const file of [
      `articles/${CORRECTED}/index.html`,
      'articles/school-survey-results/index.html',
      'index.html',
      'articles/harbour-bridge-to-reopen/index.html',
    ]) {
      const report = await validator.validateFile(path.join(DIR, file));
      const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2));
      expect(errors.length ? formatterFactory('text')(report.results) : '', file).toBe('');
    }
    expect(gzipSync(html(CORRECTED), { level: 9 }).length).toBeLessThanOrEqual(14_600);
  });
});

describe('feeds of corrected articles (feedsmith)', () => {
  const rss = parseRssFeed(readFileSync(path.join(DIR, 'rss.xml'), 'utf8'));
  const json = parseJsonFeed(JSON.parse(readFileSync(path.join(DIR, 'feed.json'), 'utf8')));
  const rssItem = (slug: string) => rss.items!.find((i) => i.link === url(slug))!;
  const jsonItem = (slug: string) => json.items!.find((i) => i.url === url(slug))!;

  it('RSS dates each revised item with atom:updated, the latest update or correction; unrevised items have none', () => {
    expect(rss.items!.map((i) => i.link)).toEqual(
      ['market-opens-new-hall', CORRECTED, 'library-hours-extended', 'school-survey-results'].map(url),
    );
    expect(rssItem(CORRECTED).atom?.updated).toBe('2026-11-28T16:30:00.000Z');
    expect(rssItem('library-hours-extended').atom?.updated).toBe('2026-10-02T10:00:00.000Z');
    expect(rssItem('school-survey-results').atom?.updated).toBe('2026-09-03T15:00:00.000Z');
    expect(rssItem('market-opens-new-hall').atom?.updated).toBeUndefined();
  });

  it('JSON Feed says the same with date_modified', () => {
    expect(jsonItem(CORRECTED)).toMatchObject({ date_published: '2026-11-20T07:00:00.000Z', date_modified: '2026-11-28T16:30:00.000Z' });
    expect(jsonItem('library-hours-extended').date_modified).toBe('2026-10-02T10:00:00.000Z');
    expect(jsonItem('market-opens-new-hall')).not.toHaveProperty('date_modified');
  });

  it('both carry the notices at the end of the item content, so readers see the corrected item', () => {
    const content = rssItem(CORRECTED).content?.encoded ?? '';
    expect(jsonItem(CORRECTED).content_html).toBe(content);
    const notices = [`Correction, November 21, 2026: ${FIRST}`, `Correction, November 28, 2026: ${SECOND}`];
    const plain = content.replace(/<[^>]+>/g, '');
    expect(plain.indexOf(notices[0]!)).toBeGreaterThan(plain.indexOf('the transport office said'));
    expect(plain.indexOf(notices[1]!)).toBeGreaterThan(plain.indexOf(notices[0]!));
    expect(rssItem('market-opens-new-hall').content?.encoded).not.toContain('Correction');
  });
});

describe('sitemap and front page', () => {
  it('the sitemap’s lastmod is the last modification of each article, and the newest for the front page', () => {
    // Through the sitemap index (sitemap.xml), under the base path.
    const entries = sitemapUrls(DIR, BASE).filter((e) => !isListingUrl(e.loc, BASE));
    expect(Object.fromEntries(entries.map((e) => [e.loc, e.lastmod]))).toEqual({
      [`${TEST_SITE_URL}${BASE}`]: '2026-11-29T08:00:00.000Z',
      [url('market-opens-new-hall')]: '2026-11-29T08:00:00.000Z',
      [url(CORRECTED)]: '2026-11-28T16:30:00.000Z',
      [url('library-hours-extended')]: '2026-10-02T10:00:00.000Z',
      [url('school-survey-results')]: '2026-09-03T15:00:00.000Z',
    });
  });

  it('cards say "Updated" for an article updated or corrected in the 48 hours before the build, and only then', () => {
    const cards = selectAll('.card', readPage('/', DIR));
    const dates = Object.fromEntries(cards.map((c) => [attr(select('.card-headline a', c), 'href'), text(select('.card-date', c))]));
    expect(dates).toEqual({
      [`${BASE}articles/market-opens-new-hall/`]: 'November 29, 2026',
      [`${BASE}articles/${CORRECTED}/`]: 'November 20, 2026 · Updated November 28, 2026',
      [`${BASE}articles/library-hours-extended/`]: 'October 1, 2026',
      [`${BASE}articles/school-survey-results/`]: 'September 1, 2026',
    });
    const updated = select(`.card:has(a[href="${BASE}articles/${CORRECTED}/"]) .card-updated time`, readPage('/', DIR));
    expect(attr(updated, 'dateTime')).toBe('2026-11-28T16:30:00.000Z');
  });
});

describe('redirect rules and the redirect page, under a base path', () => {
  const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

  it('writes _redirects and the nginx include with the base, and removes the rules list it made them from', () => {
    const lines = (file: string) =>
      readFileSync(path.join(DIR, file), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'));
    expect(lines('_redirects')).toEqual([
      '/news/articles/harbour-bridge-to-reopen /news/articles/harbour-bridge-reopens/ 301',
      '/news/articles/harbour-bridge-to-reopen/ /news/articles/harbour-bridge-reopens/ 301',
    ]);
    expect(lines('_redirects.nginx.conf')).toEqual([
      'location = /news/articles/harbour-bridge-to-reopen { return 301 /news/articles/harbour-bridge-reopens/$is_args$args; }',
      'location = /news/articles/harbour-bridge-to-reopen/ { return 301 /news/articles/harbour-bridge-reopens/$is_args$args; }',
    ]);
    expect(existsSync(path.join(DIR, 'host-redirects.json'))).toBe(false);
    expect(readFileSync(path.join(fixtureSiteDir('sharing'), '_redirects'), 'utf8')).toContain(
      '/articles/budget-vote-postponed/ /articles/council-budget-vote-delayed/ 301',
    );
  });

  it('keeps the meta refresh page, whose fragment-keeping script the CSP allows by hash', () => {
    const tree = readPage('/articles/harbour-bridge-to-reopen/', DIR);
    expect(attr(select('meta[http-equiv=refresh]', tree), 'content')).toBe(`0; url=${BASE}articles/${CORRECTED}/`);
    expect(attr(select('a[data-moved-to]', tree), 'href')).toBe(`${BASE}articles/${CORRECTED}/`);
    const scripts = selectAll('script:not([src])', tree).filter((s) => !/json/.test(String(s.properties.type ?? '')));
    expect(scripts.map((s) => text(s)).join()).toContain('location.hash');
    const csp = attr(select('meta[http-equiv="content-security-policy" i]', tree), 'content')!;
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    for (const script of scripts)
      expect(scriptSrc).toContain(sha256(String((script.children[0] as { value?: string } | undefined)?.value ?? '')));
  });
});
