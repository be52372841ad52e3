import { describe, expect, it } from 'vitest';
import { groupBySection, sectionFeedPaths, sectionPagePath, sectionSlug } from '../../src/lib/sections.ts';
import { SLUG_PATTERN } from '../../src/lib/slug.ts';

describe('sectionSlug', () => {
  it('makes lowercase words joined by hyphens, like article slugs', () => {
    expect(sectionSlug('Politics')).toBe('politics');
    expect(sectionSlug('Arts & Culture')).toBe('arts-culture');
    expect(sectionSlug('  Économie  ')).toBe('economie');
    expect(sectionSlug('U.S.')).toBe('u-s');
    for (const name of ['World News', 'Sport — live', 'Cities/Towns', '2026 Election']) expect(sectionSlug(name)).toMatch(SLUG_PATTERN);
  });
  it('is the one slug rule of every name (nameSlug): a name without a Latin letter or digit keeps its code points', () => {
    expect(sectionSlug('—')).toBe('u2014');
    expect(sectionSlug('日本')).toBe('u65e5u672c');
  });
});

describe('section paths', () => {
  it('respect the base path', () => {
    expect(sectionPagePath('politics', '/')).toBe('/sections/politics/');
    expect(sectionFeedPaths('politics', '/news/')).toEqual({
      rss: '/news/sections/politics/rss.xml',
      json: '/news/sections/politics/feed.json',
    });
  });
});

describe('groupBySection', () => {
  const a = (id: string, section?: string) => ({ id, data: { section } });
  it('groups by slug in order of first appearance, keeping the order of articles, and leaves out the unsectioned', () => {
    const groups = groupBySection([a('1', 'Politics'), a('2'), a('3', 'Sport'), a('4', 'politics'), a('5', 'Sport'), a('6', '—')]);
    expect(groups.map((g) => [g.slug, g.name, g.articles.map((x) => x.id)])).toEqual([
      ['politics', 'Politics', ['1', '4']],
      ['sport', 'Sport', ['3', '5']],
      ['u2014', '—', ['6']],
    ]);
  });
});
