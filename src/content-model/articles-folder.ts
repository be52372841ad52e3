/**
 * Where the entries live, relative to the project root (or absolute): `content/articles`, unless ARTICLES_DIR
 * says otherwise (the tests build fixture sets this way; the benchmark points it at generated entries). One
 * answer for the collection, the build's integrations and the authoring scripts.
 */
export const DEFAULT_ARTICLES_DIR = 'content/articles';

/** The articles folder of this process: ARTICLES_DIR, else the default, without a trailing slash. */
export function articlesDir(env: Record<string, string | undefined> = process.env): string {
  return (env.ARTICLES_DIR || DEFAULT_ARTICLES_DIR).replace(/\/+$/, '');
}

/**
 * The cache folder (Astro's `cacheDir`) of a build of `articles`: Astro's default (`node_modules/.astro`) for the
 * real articles, a folder of its own in it for any other (test fixtures, benchmarks), so that builds of different
 * folders never share a content data store or incremental manifest, even when run side by side.
 */
export function contentCacheDir(articles: string): string | undefined {
  return articles === DEFAULT_ARTICLES_DIR ? undefined : `./node_modules/.astro/content-${articles.replace(/[^a-z0-9]+/gi, '-')}`;
}
