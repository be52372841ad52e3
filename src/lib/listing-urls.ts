/**
 * URLs of the listing pages, beside articlePath() (src/lib/urls.ts) and built the same way: directories
 * ending in "/", under the base path. Every link to a section, topic, author, archive or latest page is
 * built here and nowhere else.
 *
 * Pagination is a path segment (static hosts cannot read query strings): page 1 is the bare path,
 * page n > 1 is `<path><n>/`. There is never a `/1/`.
 */
import { withBase } from './urls.ts';

/** Longest name slug we make, in characters (cut at a word boundary). */
const MAX_NAME_SLUG_LENGTH = 80;

/**
 * The one slug of a section, topic or author name, for its URL: `"Politics"` → `politics`,
 * `"Économie & Finance"` → `economie-finance`, `"Jane O’Neil"` → `jane-oneil`. Accents are folded, case is
 * dropped, apostrophes inside words vanish, anything else that is not a letter or digit separates words.
 * A letter with no Latin form is written as its code point (`"日本"` → `u65e5u672c`), so no name is ever
 * empty or confused with another; a name with no letter or digit at all is written wholly so (`"!!"` →
 * `u21u21`).
 *
 * Names with the same slug ("Politics", "politics", "POLITICS") are one section, topic or author: one page
 * (see src/lib/listings.ts for which spelling it shows). Idempotent: a slug is its own slug.
 */
export function nameSlug(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  const codePoints = (s: string) => [...s].map((c) => (/[a-z0-9]/.test(c) ? c : `u${c.codePointAt(0)!.toString(16)}`)).join('');
  let words = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(codePoints);
  if (words.length === 0) words = [codePoints([...folded].filter((c) => c.trim() !== '').join(''))].filter(Boolean);
  if (words.length === 0) throw new Error(`cannot make a URL slug of the name "${name}": it has no visible character`);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_NAME_SLUG_LENGTH) {
      if (!slug) slug = word.slice(0, MAX_NAME_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug;
}

/** `<dir>` for page 1, `<dir><n>/` for page n; `dir` ends in "/". */
function paged(dir: string, page: number, base: string): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`page number must be a whole number from 1, got ${page}`);
  return withBase(page === 1 ? dir : `${dir}${page}/`, base);
}

/** The chronological list of every article, newest first: `/latest/`, `/latest/2/`, … */
export function latestPath(base: string, page = 1): string {
  return paged('latest/', page, base);
}

/** A section's pages: `/sections/<slug>/`, `/sections/<slug>/2/`, … (`name` may be the name or its slug). */
export function sectionPath(name: string, base: string, page = 1): string {
  return paged(`sections/${nameSlug(name)}/`, page, base);
}

/** A section's own feeds: `/sections/<slug>/rss.xml` and `/sections/<slug>/feed.json`. */
export function sectionFeedPath(name: string, kind: 'rss' | 'json', base: string): string {
  return `${sectionPath(name, base)}${kind === 'rss' ? 'rss.xml' : 'feed.json'}`;
}

/** A topic's (tag's) pages: `/topics/<slug>/`, `/topics/<slug>/2/`, … */
export function topicPath(name: string, base: string, page = 1): string {
  return paged(`topics/${nameSlug(name)}/`, page, base);
}

/** An author's pages: `/authors/<slug>/`, `/authors/<slug>/2/`, … */
export function authorPath(name: string, base: string, page = 1): string {
  return paged(`authors/${nameSlug(name)}/`, page, base);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The date archive: `/archive/`, a year `/archive/2026/`, a month `/archive/2026/11/` (and its further pages
 * `/archive/2026/11/2/`, …). These URLs never change: a month's pages list its articles oldest first, so
 * articles published later only ever add to its last page.
 */
export function archivePath(base: string, year?: number, month?: number, page = 1): string {
  if (year === undefined) return withBase('archive/', base);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new Error(`archive year must be a year, got ${year}`);
  if (month === undefined) return withBase(`archive/${year}/`, base);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`archive month must be 1 to 12, got ${month}`);
  return paged(`archive/${year}/${twoDigits(month)}/`, page, base);
}

/** The search page: `/search/`. */
export function searchPath(base: string): string {
  return withBase('search/', base);
}
