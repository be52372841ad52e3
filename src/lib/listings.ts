/**
 * What the listing pages list, worked out once per build from the articles (newest first, as
 * getArticles() gives them): sections in editorial order, topics, authors, the date archive, the
 * front page's slots and each article's "Earlier in <section>" list. Pure functions over plain data.
 */
import { nameSlug } from './listing-urls.ts';

/** What these functions read of an article. */
export interface Listable {
  id: string;
  data: {
    title: string;
    published?: Date | undefined;
    section?: string | undefined;
    tags?: readonly string[] | undefined;
    byline?: readonly { name: string; url?: string | undefined }[] | undefined;
  };
}

/** A section, topic or author: one slug, the name shown, and its articles, newest first. */
export interface Group<T> {
  slug: string;
  /** The spelling shown (see groupByName). */
  name: string;
  /** Every spelling found in the entries, most used first. */
  spellings: string[];
  articles: T[];
}

/**
 * Articles grouped by the names `namesOf` gives each (its section, its tags, its authors), one group per
 * slug (nameSlug): "Politics" and "politics" are one group. The name shown is the `preferred` spelling when
 * one has that slug (the configured section names), else the spelling most articles use, ties going to the
 * newest article's. Groups come in order of their newest article; articles keep the input order.
 */
export function groupByName<T extends Listable>(
  articles: readonly T[],
  namesOf: (a: T) => readonly string[],
  preferred: readonly string[] = [],
): Group<T>[] {
  const groups = new Map<string, { articles: T[]; counts: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const slug = nameSlug(name);
      if (seen.has(slug)) continue; // "Budget" and "budget" on one article: listed once
      seen.add(slug);
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { articles: [], counts: new Map() }));
      group.articles.push(article);
      group.counts.set(name, (group.counts.get(name) ?? 0) + 1);
    }
  }
  const preferredBySlug = new Map(preferred.map((name) => [nameSlug(name), name]));
  return [...groups].map(([slug, { articles: list, counts }]) => {
    // Map order is first-seen order, i.e. newest article first; a stable sort keeps it for ties.
    const spellings = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
    return { slug, name: preferredBySlug.get(slug) ?? spellings[0]!, spellings, articles: list };
  });
}

/** Groups with more than one spelling: the build warns about each (a typo, usually). */
export function spellingClashes<T>(groups: readonly Group<T>[]): Group<T>[] {
  return groups.filter((g) => g.spellings.length > 1);
}

/**
 * Sections in the editorial order of `order` (src/site.config.ts), then any section not listed there,
 * alphabetically. Only sections with articles are returned.
 */
export function sectionsInOrder<T>(groups: readonly Group<T>[], order: readonly string[]): Group<T>[] {
  const rank = new Map(order.map((name, i) => [nameSlug(name), i]));
  return [...groups].sort((a, b) => {
    const ra = rank.get(a.slug) ?? Infinity;
    const rb = rank.get(b.slug) ?? Infinity;
    if (ra !== rb) return ra - rb;
    return a.name.localeCompare(b.name, 'en');
  });
}

/** Sections with articles that `order` does not list (they are shown after the listed ones). */
export function unlistedSections<T>(groups: readonly Group<T>[], order: readonly string[]): Group<T>[] {
  const listed = new Set(order.map(nameSlug));
  return groups.filter((g) => !listed.has(g.slug));
}

/** The sections of an article, its topics, its authors: the names groupByName reads. */
export const sectionOf = (a: Listable): string[] => (a.data.section ? [a.data.section] : []);
export const topicsOf = (a: Listable): string[] => [...(a.data.tags ?? [])];
export const authorsOf = (a: Listable): string[] => (a.data.byline ?? []).map((b) => b.name);

/**
 * An author's profile URL as the entries give it: the `url` of their newest byline that has one (the caller
 * makes it safe to publish, safeHttpUrl()).
 */
export function authorUrl<T extends Listable>(group: Group<T>): string | undefined {
  for (const article of group.articles) {
    const byline = (article.data.byline ?? []).find((b) => nameSlug(b.name) === group.slug && b.url);
    if (byline) return byline.url;
  }
  return undefined;
}

/** Year, month (1–12) and day of a moment in a time zone. */
function dateParts(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = partsFormatter(timeZone).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  return f;
}

/** One month of the archive: its articles oldest first. */
export interface ArchiveMonth<T> {
  year: number;
  month: number;
  articles: T[];
}

/**
 * The date archive: every month that has a dated article, newest month first, each with its articles
 * OLDEST first (so a month's pages only grow at the end, and their URLs keep their articles). Undated
 * articles have no place in a date archive: they are in /latest/ and their section instead.
 */
export function archiveMonths<T extends Listable>(articles: readonly T[], timeZone: string): ArchiveMonth<T>[] {
  const months = new Map<string, ArchiveMonth<T>>();
  const dated = articles.filter((a) => a.data.published !== undefined);
  // Oldest first; ties by headline, then slug, so the order never depends on the file system.
  dated.sort(
    (a, b) =>
      a.data.published!.getTime() - b.data.published!.getTime() || a.data.title.localeCompare(b.data.title, 'en') || (a.id < b.id ? -1 : 1),
  );
  for (const article of dated) {
    const { year, month } = dateParts(article.data.published!, timeZone);
    const key = `${year}-${month}`;
    let entry = months.get(key);
    if (!entry) months.set(key, (entry = { year, month, articles: [] }));
    entry.articles.push(article);
  }
  return [...months.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}

/** Consecutive runs of articles published on the same day (in `timeZone`), for the archive's day headings. */
export function byDay<T extends Listable>(articles: readonly T[], timeZone: string): { day: number; date: Date; articles: T[] }[] {
  const days: { day: number; date: Date; articles: T[] }[] = [];
  for (const article of articles) {
    const date = article.data.published!;
    const { day } = dateParts(date, timeZone);
    const last = days.at(-1);
    if (last && last.day === day) last.articles.push(article);
    else days.push({ day, date, articles: [article] });
  }
  return days;
}

/**
 * "Earlier in <section>": for each dated article, the `count` dated articles of its section published just
 * before it (newest of them first). Articles without a section get the ones published just before them among
 * the articles without a section. A newer article never changes an older article's list, so publishing one
 * does not touch every page (incremental builds). Undated articles get none (they have no place in time).
 * Computed once for all articles: `articles` newest first, as getArticles() gives them.
 */
export function earlierInSection<T extends Listable>(articles: readonly T[], count: number): Map<string, T[]> {
  const bySection = new Map<string, T[]>();
  for (const article of articles) {
    if (article.data.published === undefined) continue;
    const key = article.data.section === undefined ? '' : `s:${nameSlug(article.data.section)}`;
    let list = bySection.get(key);
    if (!list) bySection.set(key, (list = []));
    list.push(article);
  }
  const earlier = new Map<string, T[]>();
  for (const list of bySection.values()) {
    // Newest first by date, ties by headline and slug: "before" is well defined.
    list.sort(
      (a, b) =>
        b.data.published!.getTime() - a.data.published!.getTime() ||
        a.data.title.localeCompare(b.data.title, 'en') ||
        (a.id < b.id ? -1 : 1),
    );
    list.forEach((article, i) => earlier.set(article.id, list.slice(i + 1, i + 1 + count)));
  }
  return earlier;
}

/** What the front page shows: the lead, the next stories, then a block per section. */
export interface FrontPage<T> {
  lead: T | undefined;
  top: T[];
  blocks: { section: Group<T>; articles: T[] }[];
}

/**
 * The front page's slots, the same size whatever the number of articles: the newest article as the lead,
 * the next `top` as cards, then for each of the first `maxSections` sections its `perSection` newest
 * articles not already shown above (a section with nothing left is left out).
 */
export function frontPage<T extends Listable>(
  articles: readonly T[],
  sections: readonly Group<T>[],
  { top, perSection, maxSections }: { top: number; perSection: number; maxSections: number },
): FrontPage<T> {
  const [lead, ...rest] = articles;
  const topStories = rest.slice(0, top);
  const shown = new Set([lead, ...topStories].filter(Boolean).map((a) => a!.id));
  const blocks = sections
    .slice(0, maxSections)
    .map((section) => ({ section, articles: section.articles.filter((a) => !shown.has(a.id)).slice(0, perSection) }))
    .filter((b) => b.articles.length > 0);
  return { lead, top: topStories, blocks };
}
