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
