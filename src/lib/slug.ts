/** Slugs for new entries: the URL part `/articles/<slug>/`, made from a headline. Pure functions. */
import { SLUG_PATTERN } from './urls.ts';

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
