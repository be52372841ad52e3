/**
 * Slugs: the URL part `/articles/<slug>/`. The one rule (what a slug is, and that it is the entry's folder
 * name), and how new entries get one from a headline. Pure functions.
 */

/** The slug rule: lowercase letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug of an entry path relative to the articles folder (`foo/index.md` → `foo`), or a problem.
 * The slug is the folder name: lowercase words and digits joined by single hyphens.
 */
export function slugOf(entry: string): { slug: string } | { problem: string } {
  const slug = entry.replace(/\/index\.md$/, '');
  if (!entry.endsWith('/index.md') || slug.includes('/') || !SLUG_PATTERN.test(slug)) {
    return {
      problem: `expected <articles folder>/<slug>/index.md with <slug> in lowercase words and hyphens (e.g. "budget-vote-delayed"), got "${entry}"`,
    };
  }
  return { slug };
}

/** Longest slug we make, in characters; cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80;

/**
 * `"Trump’s memoir: 5 things — in 2022!"` → `"trumps-memoir-5-things-in-2022"`: accents folded
 * (é → e), apostrophes dropped inside words, everything else that is not a letter or digit
 * becomes a hyphen. Returns "" when the headline has no letters or digits at all.
 */
export function slugify(headline: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/** The first of `slug`, `slug-2`, `slug-3`, … that is not taken. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!SLUG_PATTERN.test(slug)) throw new Error(`not a slug: "${slug}"`);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
