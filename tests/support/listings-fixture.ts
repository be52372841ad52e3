/**
 * The "listings" fixture set, a generated newsroom for the listing pages: a few hundred articles over five
 * sections and two years, with tags and authors, written by the global setup into
 * tests/.output/listings-articles/ (never committed) and built like any fixture set
 * (tests/support/fixture-builds.ts). The listing pages, the archive, the onward links and their budgets are
 * checked on it (tests/build/navigation.test.ts, listing-weight.test.ts, reachability.test.ts,
 * tests/browser/listings.test.ts). (The "generated" set, tests/support/generated-fixture.ts, is the one for
 * feeds and search: long reads, a month of articles, no tags or authors.)
 *
 * Deterministic: the same articles, words and dates every run (a seeded generator), one small photo for all
 * (the stand-in, so the image cache serves every copy), and a fixed BUILD_TIME.
 *
 * On purpose, beside the regular ones:
 * - UNDATED articles (no `published`): in /latest/ and their section, not in the archive;
 * - one article whose section is spelled "politics" and two whose tag is "budget": they share the pages of
 *   "Politics" and "Budget" (one slug, one page);
 * - an author with a profile `url`, and a day with many articles (one busy month is paginated).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT, ROOT } from './paths.ts';

/** Where the entries are written; relative to the project, as ARTICLES_DIR is given. */
export const LISTINGS_ARTICLES_DIR = path.relative(ROOT, path.join(OUTPUT, 'listings-articles'));
/** The moment the generated site is built as of (BUILD_TIME). */
export const LISTINGS_BUILD_TIME = '2026-11-29T12:00:00Z';
export const LISTINGS_COUNT = 300;
/** How many of them carry no date. */
export const LISTINGS_UNDATED = 4;
/** How many are published in the first week of March 2026 (more than one archive page holds). */
const BUSY = 110;
/** Sections in the editorial order of src/site.config.ts. */
export const LISTINGS_SECTIONS = ['Politics', 'Business', 'World', 'Science', 'Culture'] as const;
const TAGS = ['Budget', 'Elections', 'Climate', 'Health', 'Energy', 'Housing', 'Trade', 'Space', 'Music', 'Film', 'Courts', 'Transport'];
const AUTHORS = [
  'Alex Example',
  'Sam Sample',
  'Jo Tester',
  'Riley Placeholder',
  'Chris Fixture',
  'Morgan Mock',
  'Taylor Draft',
  'Jordan Proof',
];
const PROFILE = { 'Alex Example': 'https://example.com/staff/alex' } as Record<string, string>;
const SUBJECTS = [
  'Council',
  'Minister',
  'Court',
  'Museum',
  'Orchestra',
  'Port authority',
  'Observatory',
  'Union',
  'Regulator',
  'Hospital',
  'Festival',
  'Airline',
];
const VERBS = ['approves', 'delays', 'rejects', 'announces', 'reviews', 'opens', 'cuts', 'expands', 'defends', 'questions'];
const OBJECTS = [
  'new plan',
  'late amendment',
  'annual report',
  'summer programme',
  'pay offer',
  'harbour project',
  'research grant',
  'ticket prices',
  'night service',
  'safety rules',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ListingsArticle {
  slug: string;
  title: string;
  section: string;
  tags: string[];
  authors: string[];
  published?: Date;
}

/** The articles, in no particular order (slugs are `story-001` … in generation order). */
function listingsArticles(): ListingsArticle[] {
  const rand = random(20261129);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const end = Date.parse(LISTINGS_BUILD_TIME) - 3_600_000;
  const span = 2 * 365 * 86_400_000;
  const articles: ListingsArticle[] = [];
  for (let i = 1; i <= LISTINGS_COUNT; i += 1) {
    const slug = `story-${String(i).padStart(3, '0')}`;
    const undated = i <= LISTINGS_UNDATED;
    // A busy month: BUSY articles in the first week of March 2026 (the month's archive listing gets a second page).
    const busy = i > LISTINGS_UNDATED && i <= LISTINGS_UNDATED + BUSY;
    const minute = 60_000;
    const published = undated
      ? undefined
      : busy
        ? new Date(Date.parse('2026-03-01T06:00:00Z') + Math.floor((rand() * 7 * 86_400_000) / minute) * minute)
        : new Date(end - Math.floor((rand() * span) / minute) * minute);
    const section = i === 10 ? 'politics' : LISTINGS_SECTIONS[i % LISTINGS_SECTIONS.length]!;
    const tags = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(TAGS)))];
    if (i === 11 || i === 12) tags.push('budget');
    const authors = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(AUTHORS)))];
    const title = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, story ${i}`;
    articles.push({ slug, title, section, tags, authors, ...(published && { published }) });
  }
  return articles;
}

const yamlString = (s: string) => JSON.stringify(s);

function entry(a: ListingsArticle): string {
  const lines = [
    '---',
    `title: ${yamlString(a.title)}`,
    `standfirst: ${yamlString(`A generated test article in ${a.section}, number ${a.slug.slice(6)}.`)}`,
    'summary:',
    `  - ${yamlString(`The first key point of ${a.slug}.`)}`,
    `  - ${yamlString('A second key point.')}`,
    'image:',
    '  src: ./photo.jpg',
    '  standIn: true',
    `  alt: ${yamlString('Stand-in illustration: an abstract city skyline of dark blue blocks.')}`,
    ...(a.published ? [`published: ${a.published.toISOString()}`] : []),
    `section: ${yamlString(a.section)}`,
    ...(a.tags.length ? ['tags:', ...a.tags.map((t) => `  - ${yamlString(t)}`)] : []),
    ...(a.authors.length
      ? [
          'byline:',
          ...a.authors.flatMap((n) => [`  - name: ${yamlString(n)}`, ...(PROFILE[n] ? [`    url: ${yamlString(PROFILE[n])}`] : [])]),
        ]
      : []),
    '---',
    `Generated article ${a.slug}: ${a.title}.`,
    '',
    'A second paragraph, so the body reads like an article and not a stub.',
    '',
  ];
  return lines.join('\n');
}

/** Write the generated articles folder afresh (each entry with its own copy of the one stand-in photo). */
export function writeListingsArticles(dir = path.resolve(ROOT, LISTINGS_ARTICLES_DIR)): void {
  rmSync(dir, { recursive: true, force: true });
  const photo = path.join(ROOT, 'tests/fixtures/sets/newsroom/bridge-repairs-finish-early/photo.jpg');
  for (const article of listingsArticles()) {
    const folder = path.join(dir, article.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.md'), entry(article));
    copyFileSync(photo, path.join(folder, 'photo.jpg'));
  }
}
