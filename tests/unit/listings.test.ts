import { describe, expect, it } from 'vitest';
import {
  archiveMonths,
  authorUrl,
  authorsOf,
  byDay,
  earlierInSection,
  frontPage,
  groupByName,
  sectionOf,
  sectionsInOrder,
  spellingClashes,
  topicsOf,
  unlistedSections,
  type Listable,
} from '../../src/lib/listings.ts';
import { archiveYears, monthName } from '../../src/lib/archive.ts';
import { pageWindow, listingTitle } from '../../src/lib/pager.ts';
import { sortNewestFirst } from '../../src/content-model/articles.ts';

let n = 0;
const art = (data: Partial<Omit<Listable['data'], 'published'>> & { published?: string }, id = `a${++n}`): Listable => ({
  id,
  data: { title: `Story ${id}`, tags: [], byline: [], ...data, published: data.published ? new Date(data.published) : undefined },
});

describe('groupByName', () => {
  it('makes one group per slug, newest article first, shown in the spelling most articles use', () => {
    const list = sortNewestFirst([
      art({ section: 'politics', published: '2026-03-03T00:00:00Z' }, 'new'),
      art({ section: 'Politics', published: '2026-03-02T00:00:00Z' }, 'mid'),
      art({ section: 'Politics', published: '2026-03-01T00:00:00Z' }, 'old'),
      art({ section: 'World', published: '2026-02-01T00:00:00Z' }, 'w'),
    ]);
    const groups = groupByName(list, sectionOf);
    expect(groups.map((g) => [g.slug, g.name, g.articles.map((a) => a.id)])).toEqual([
      ['politics', 'Politics', ['new', 'mid', 'old']],
      ['world', 'World', ['w']],
    ]);
    expect(spellingClashes(groups).map((g) => g.spellings)).toEqual([['Politics', 'politics']]);
  });

  it('a tie goes to the newest article’s spelling; a configured name wins over both', () => {
    const list = [art({ tags: ['budget'] }, 'x'), art({ tags: ['Budget'] }, 'y')];
    expect(groupByName(list, topicsOf)[0]!.name).toBe('budget');
    expect(groupByName(list, topicsOf, ['BUDGET'])[0]!.name).toBe('BUDGET');
  });

  it('lists an article once per group even if it names it twice', () => {
    const groups = groupByName([art({ tags: ['Budget', 'budget', 'Council'] }, 'z')], topicsOf);
    expect(groups.map((g) => [g.slug, g.articles.length])).toEqual([
      ['budget', 1],
      ['council', 1],
    ]);
  });

  it('groups authors by name, and finds the profile URL of their newest byline that has one', () => {
    const list = [
      art({ byline: [{ name: 'Jane Doe' }] }, 'n1'),
      art({ byline: [{ name: 'jane doe', url: 'https://example.com/new' }, { name: 'Sam' }] }, 'n2'),
      art({ byline: [{ name: 'Jane Doe', url: 'https://example.com/old' }] }, 'n3'),
    ];
    const [jane, sam] = groupByName(list, authorsOf);
    expect(jane!.articles.map((a) => a.id)).toEqual(['n1', 'n2', 'n3']);
    expect(authorUrl(jane!)).toBe('https://example.com/new');
    expect(authorUrl(sam!)).toBeUndefined();
  });
});

describe('sections in editorial order', () => {
  const groups = groupByName(
    [art({ section: 'Zoo' }), art({ section: 'World' }), art({ section: 'Arts' }), art({ section: 'politics' })],
    sectionOf,
    ['Politics', 'World'],
  );
  it('puts the configured ones first, in their order, then the rest alphabetically', () => {
    expect(sectionsInOrder(groups, ['Politics', 'Business', 'World']).map((g) => g.name)).toEqual(['Politics', 'World', 'Arts', 'Zoo']);
  });
  it('names the sections the order does not list', () => {
    expect(
      unlistedSections(groups, ['Politics', 'World'])
        .map((g) => g.name)
        .sort(),
    ).toEqual(['Arts', 'Zoo']);
  });
});

describe('the date archive', () => {
  const list = sortNewestFirst([
    art({ published: '2026-11-02T09:00:00Z' }, 'nov2'),
    art({ published: '2026-11-01T23:30:00Z' }, 'nov1-late'),
    art({ published: '2026-11-01T08:00:00Z' }, 'nov1'),
    art({ published: '2026-10-31T23:59:00Z' }, 'oct'),
    art({ published: '2025-01-15T12:00:00Z' }, 'jan'),
    art({}, 'undated'),
  ]);

  it('lists months newest first, each oldest first, and leaves undated articles out', () => {
    const months = archiveMonths(list, 'UTC');
    expect(months.map((m) => [m.year, m.month, m.articles.map((a) => a.id)])).toEqual([
      [2026, 11, ['nov1', 'nov1-late', 'nov2']],
      [2026, 10, ['oct']],
      [2025, 1, ['jan']],
    ]);
    expect(archiveYears(months).map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([
      [2026, [11, 10]],
      [2025, [1]],
    ]);
  });

  it('files an article under the month and day of the site’s time zone', () => {
    const months = archiveMonths(list, 'Asia/Tokyo'); // UTC+9: 31 October 23:59 UTC is 1 November there
    expect(months[0]!.articles.map((a) => a.id)).toEqual(['oct', 'nov1', 'nov1-late', 'nov2']);
    expect(byDay(months[0]!.articles, 'Asia/Tokyo').map((d) => [d.day, d.articles.map((a) => a.id)])).toEqual([
      [1, ['oct', 'nov1']],
      [2, ['nov1-late', 'nov2']],
    ]);
  });

  it('a new article only ever adds to the end of its month', () => {
    const before = archiveMonths(list, 'UTC')[0]!.articles.map((a) => a.id);
    const after = archiveMonths([art({ published: '2026-11-03T00:00:00Z' }, 'newer'), ...list], 'UTC')[0]!.articles.map((a) => a.id);
    expect(after).toEqual([...before, 'newer']);
  });

  it('names months in the site’s language', () => {
    expect(monthName(11, 'en')).toBe('November');
    expect(monthName(3, 'fr')).toBe('mars');
    expect(() => monthName(13, 'en')).toThrow();
  });
});

describe('Earlier in <section>', () => {
  const list = sortNewestFirst([
    art({ section: 'Politics', published: '2026-01-05T00:00:00Z' }, 'p5'),
    art({ section: 'World', published: '2026-01-04T12:00:00Z' }, 'w4'),
    art({ section: 'politics', published: '2026-01-04T00:00:00Z' }, 'p4'),
    art({ section: 'Politics', published: '2026-01-03T00:00:00Z' }, 'p3'),
    art({ section: 'Politics', published: '2026-01-02T00:00:00Z' }, 'p2'),
    art({ section: 'Politics', published: '2026-01-01T00:00:00Z' }, 'p1'),
    art({ published: '2026-01-02T00:00:00Z' }, 'x2'),
    art({ published: '2026-01-01T00:00:00Z' }, 'x1'),
    art({ section: 'Politics' }, 'undated'),
  ]);
  const ids = (m: Map<string, Listable[]>, id: string) => m.get(id)?.map((a) => a.id);

  it('lists the few published just before, newest of them first, within the section (any spelling)', () => {
    const earlier = earlierInSection(list, 3);
    expect(ids(earlier, 'p5')).toEqual(['p4', 'p3', 'p2']);
    expect(ids(earlier, 'p3')).toEqual(['p2', 'p1']);
    expect(ids(earlier, 'p1')).toEqual([]);
    expect(ids(earlier, 'w4')).toEqual([]);
    // Without a section: among the articles without one.
    expect(ids(earlier, 'x2')).toEqual(['x1']);
    // Undated: no place in time, no list.
    expect(ids(earlier, 'undated')).toBeUndefined();
  });

  it('does not change when a newer article is published', () => {
    const before = earlierInSection(list, 3);
    const after = earlierInSection([art({ section: 'Politics', published: '2026-02-01T00:00:00Z' }, 'p6'), ...list], 3);
    for (const a of list) expect(ids(after, a.id), a.id).toEqual(ids(before, a.id));
    expect(ids(after, 'p6')).toEqual(['p5', 'p4', 'p3']);
  });
});

describe('the front page', () => {
  const many = (count: number) =>
    sortNewestFirst(
      Array.from({ length: count }, (_, i) =>
        art(
          { section: ['Politics', 'World', 'Arts'][i % 3], published: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString() },
          `f${i}`,
        ),
      ),
    );

  it('has the same number of slots whatever the number of articles', () => {
    const sizes = [20, 200, 2000].map((count) => {
      const list = many(count);
      const page = frontPage(list, groupByName(list, sectionOf), { top: 6, perSection: 3, maxSections: 10 });
      return 1 + page.top.length + page.blocks.reduce((s, b) => s + b.articles.length, 0);
    });
    expect(sizes).toEqual([16, 16, 16]);
  });

  it('leads with the newest article and repeats no article in the section blocks', () => {
    const list = many(12);
    const page = frontPage(list, groupByName(list, sectionOf), { top: 3, perSection: 2, maxSections: 2 });
    expect(page.lead!.id).toBe('f11');
    expect(page.top.map((a) => a.id)).toEqual(['f10', 'f9', 'f8']);
    expect(page.blocks.map((b) => [b.section.name, b.articles.map((a) => a.id)])).toEqual([
      ['Arts', ['f5', 'f2']],
      ['World', ['f7', 'f4']],
    ]);
  });

  it('is empty without articles', () => {
    expect(frontPage([], [], { top: 6, perSection: 3, maxSections: 10 })).toEqual({ lead: undefined, top: [], blocks: [] });
  });
});

describe('pager', () => {
  it.each([
    [1, 1, [1]],
    [3, 7, [1, 2, 3, 4, 5, 6, 7]],
    [1, 40, [1, 2, 3, undefined, 40]],
    [10, 40, [1, undefined, 8, 9, 10, 11, 12, undefined, 40]],
    [4, 40, [1, 2, 3, 4, 5, 6, undefined, 40]],
    [40, 40, [1, undefined, 38, 39, 40]],
  ])('page %i of %i: %j', (current, last, expected) => {
    expect(pageWindow(current, last)).toEqual(expected);
  });
  it('shows every page when asked (an archive month)', () => {
    expect(pageWindow(5, 12, true)).toHaveLength(12);
  });
  it('titles pages after the first with their number', () => {
    expect(listingTitle('Politics', 1, 7)).toBe('Politics');
    expect(listingTitle('Politics', 2, 7)).toBe('Politics — page 2 of 7');
  });
});
