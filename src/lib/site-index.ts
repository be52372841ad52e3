/**
 * The site's listings, computed ONCE per build from the one getArticles() call and shared by every page:
 * sections (editorial order), topics, authors, archive months, the front page's slots and each article's
 * "Earlier in <section>" list. A page looks its part up here; none walks the whole collection itself.
 */
import { getArticles, type Article } from '../content-model/collection.ts';
import {
  archiveMonths,
  authorsOf,
  earlierInSection,
  frontPage,
  groupByName,
  sectionOf,
  sectionsInOrder,
  spellingClashes,
  topicsOf,
  unlistedSections,
  type ArchiveMonth,
  type FrontPage,
  type Group,
} from './listings.ts';
import { nameSlug } from './listing-urls.ts';
import { SITE } from '../site.config.ts';

export interface SiteIndex {
  /** Every article of the build, newest first (undated last). */
  articles: Article[];
  /** Sections with articles, in editorial order (src/site.config.ts), then unlisted ones alphabetically. */
  sections: Group<Article>[];
  topics: Group<Article>[];
  authors: Group<Article>[];
  /** Months with dated articles, newest first; each month's articles oldest first. */
  months: ArchiveMonth<Article>[];
  front: FrontPage<Article>;
  /** Article id → the articles published just before it in its section. */
  earlier: Map<string, Article[]>;
  /** Section name (any spelling) → its group. */
  sectionNamed(name: string): Group<Article> | undefined;
  /** Topic name (any spelling) → its group. */
  topicNamed(name: string): Group<Article> | undefined;
}

/** Which link of the site navigation (src/components/SiteNav.astro) a page belongs to. */
export interface NavCurrent {
  /** The href of that nav link. */
  href: string;
  /** Whether this page is that link's page itself (`aria-current="page"`), or within it (`"true"`). */
  page: boolean;
}

let cached: Promise<SiteIndex> | undefined;

export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= getArticles().then((articles) => {
    const sections = sectionsInOrder(groupByName(articles, sectionOf, SITE.sections), SITE.sections);
    const topics = groupByName(articles, topicsOf).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const authors = groupByName(articles, authorsOf).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    warnAbout(sections, topics, authors);
    const sectionBySlug = new Map(sections.map((s) => [s.slug, s]));
    const topicBySlug = new Map(topics.map((t) => [t.slug, t]));
    return {
      articles,
      sections,
      topics,
      authors,
      months: archiveMonths(articles, SITE.timeZone),
      front: frontPage(articles, sections, {
        top: SITE.frontPage.topStories,
        perSection: SITE.frontPage.perSection,
        maxSections: SITE.frontPage.maxSections,
      }),
      earlier: earlierInSection(articles, SITE.onwardCount),
      sectionNamed: (name: string) => sectionBySlug.get(nameSlug(name)),
      topicNamed: (name: string) => topicBySlug.get(nameSlug(name)),
    };
  });
  return cached;
}

/** Build warnings (once per build): spellings that share a page, sections missing from the editorial order. */
function warnAbout(sections: Group<Article>[], topics: Group<Article>[], authors: Group<Article>[]): void {
  const file = (a: Article) => a.filePath ?? a.id;
  for (const [field, groups, namesOf] of [
    ['section', sections, sectionOf],
    ['tags', topics, topicsOf],
    ['byline', authors, authorsOf],
  ] as const) {
    for (const group of spellingClashes(groups)) {
      const odd = group.articles.find((a) => namesOf(a).some((n) => n !== group.name && nameSlug(n) === group.slug));
      console.warn(
        `warning: ${odd ? file(odd) : group.slug}: ${field}: ${group.spellings.map((s) => `"${s}"`).join(' and ')} are one page (shown as "${group.name}"); use one spelling`,
      );
    }
  }
  for (const section of unlistedSections(sections, SITE.sections)) {
    console.warn(
      `warning: ${file(section.articles[0]!)}: section: "${section.name}" is not in the editorial order (sections in src/site.config.ts); it is shown after the others: add it there, or correct the spelling`,
    );
  }
}
