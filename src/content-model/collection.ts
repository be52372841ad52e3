/**
 * The one place pages read the articles collection. `getCollection()` re-walks the store on
 * every call, so the result is fetched once per build and shared.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortNewestFirst } from './articles.ts';
import { buildTime } from './build-time.ts';

export type Article = CollectionEntry<'articles'>;

/** True in `astro dev` only, by the command (src/integrations/dev-server-flag.ts), whatever the environment says. */
declare const __DEV_SERVER__: boolean;

let cached: Promise<Article[]> | undefined;

/** Articles for this build, newest first: everything in `astro dev`, only published ones in a production build. */
export function getArticles(): Promise<Article[]> {
  cached ??= getCollection('articles').then((all) => {
    const now = buildTime();
    const visible = __DEV_SERVER__ ? all : all.filter((a) => isPublished(a, now));
    return sortNewestFirst(visible);
  });
  return cached;
}

export type ArticleProblems = CollectionEntry<'articleProblems'>;

/**
 * In `astro dev`: the entries left out for their problems (see src/content-model/articles-loader.ts), shown at
 * their article URLs. Always empty in a production build, which stops at any problem instead.
 */
export async function getArticleProblems(): Promise<ArticleProblems[]> {
  return __DEV_SERVER__ ? getCollection('articleProblems') : [];
}
