import { describe, expect, it } from 'vitest';
import {
  archivePath,
  authorPath,
  latestPath,
  nameSlug,
  searchPath,
  sectionFeedPath,
  sectionPath,
  topicPath,
} from '../../src/lib/listing-urls.ts';
import { SLUG_PATTERN } from '../../src/lib/slug.ts';

describe('nameSlug: the one slug of a section, topic or author', () => {
  it.each([
    ['Politics', 'politics'],
    ['politics', 'politics'],
    ['POLITICS', 'politics'],
    ['  Politics ', 'politics'],
    ['Économie & Finance', 'economie-finance'],
    ['Jane O’Neil', 'jane-oneil'],
    ["Jane O'Neil", 'jane-oneil'],
    ['Straße', 'strasse'],
    ['COVID-19', 'covid-19'],
    ['日本', 'u65e5u672c'],
    ['Café 日本', 'cafe-u65e5u672c'],
    ['!!', 'u21u21'],
    ['<iframe src="javascript:x">', 'iframe-src-javascript-x'],
  ])('%j → %j', (name, slug) => {
    expect(nameSlug(name)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it('is idempotent: a slug is its own slug', () => {
    for (const name of ['Politics', 'Économie & Finance', '日本', '!!']) expect(nameSlug(nameSlug(name))).toBe(nameSlug(name));
  });

  it('cuts a long name at a word, at 80 characters', () => {
    const slug = nameSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)+$/);
  });

  it('refuses a name with nothing visible', () => {
    expect(() => nameSlug('   ')).toThrow(/no visible character/);
  });
});

describe('listing paths', () => {
  it('page 1 is the bare path, page n a path segment; never /1/', () => {
    expect(latestPath('/')).toBe('/latest/');
    expect(latestPath('/', 1)).toBe('/latest/');
    expect(latestPath('/', 2)).toBe('/latest/2/');
    expect(sectionPath('Politics', '/')).toBe('/sections/politics/');
    expect(sectionPath('Politics', '/', 7)).toBe('/sections/politics/7/');
    expect(topicPath('Climate Change', '/', 3)).toBe('/topics/climate-change/3/');
    expect(authorPath('Jane O’Neil', '/')).toBe('/authors/jane-oneil/');
    expect(archivePath('/', 2026, 11, 2)).toBe('/archive/2026/11/2/');
  });

  it('respects the base path', () => {
    expect(latestPath('/news/', 2)).toBe('/news/latest/2/');
    expect(sectionPath('politics', '/news/')).toBe('/news/sections/politics/');
    expect(sectionFeedPath('Politics', 'rss', '/news/')).toBe('/news/sections/politics/rss.xml');
    expect(sectionFeedPath('Politics', 'json', '/news')).toBe('/news/sections/politics/feed.json');
    expect(topicPath('Budget', 'news')).toBe('/news/topics/budget/');
    expect(authorPath('Alex Example', '/news/', 2)).toBe('/news/authors/alex-example/2/');
    expect(archivePath('/news/')).toBe('/news/archive/');
    expect(archivePath('/news/', 2026)).toBe('/news/archive/2026/');
    expect(archivePath('/news/', 2026, 3)).toBe('/news/archive/2026/03/');
    expect(searchPath('/news/')).toBe('/news/search/');
  });

  it('one section, whatever the spelling', () => {
    expect(sectionPath('POLITICS', '/')).toBe(sectionPath('politics', '/'));
  });

  it('refuses page numbers and dates that are not', () => {
    for (const page of [0, -1, 1.5, Number.NaN]) expect(() => latestPath('/', page)).toThrow(/page number/);
    expect(() => archivePath('/', 2026, 13)).toThrow(/month/);
    expect(() => archivePath('/', 0)).toThrow(/year/);
  });
});
