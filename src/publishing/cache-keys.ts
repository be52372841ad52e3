/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs). A page that
 * getStaticPaths() returns with a `cacheKey` is copied from the previous build, not rendered again, when its key
 * and the code it is built from (Astro hashes the page's module graph, the config and the lockfile) are unchanged.
 *
 * So a key must cover everything the page shows that does not come from code: the entries it shows (their file's
 * digest, their data as loaded, their lead photo's content), the site navigation (the sections with articles),
 * its place in a list (page n of m, neighbours), and anything that depends on the build's "now" (the
 * "Updated" mark of a card). tests/build/incremental-equivalence.test.ts checks that a warm rebuild after changes
 * gives byte for byte the output of a cold build.
 */
import { createHash } from 'node:crypto';
import type { PaginateFunction } from 'astro';
import type { Article } from '../content-model/collection.ts';
import { isRecentlyRevised } from '../content-model/articles.ts';
import type { SiteIndex } from '../lib/site-index.ts';
import type { Group } from '../lib/listings.ts';
import { SITE } from '../site.config.ts';
import { imageKey } from './imported-image.ts';

/** A short key from any JSON-able parts. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/**
 * An entry as a page can show it: its id, the digest of its file (frontmatter and body), and its data as the
 * schema produced it, with the lead photo by content (the digest covers the file's text, not the photo's bytes).
 */
export function entryKey(article: Article): unknown[] {
  return [article.id, article.digest, dataKey(article)];
}

/** An entry's data as loaded, with the lead photo by content. */
function dataKey({ data }: Article): unknown {
  return { ...data, image: { ...data.image, src: imageKey(data.image.src) } };
}

/**
 * An entry as a card in a list shows it: its data (a card shows no body, so a corrected sentence does not render
 * the lists again), and whether it is marked "Updated" at `now`.
 */
function cardKey(article: Article, now: Date): unknown[] {
  return [article.id, dataKey(article), isRecentlyRevised(article.data, now)];
}

/** What every page shows of the site besides its own content: the navigation's sections. */
export function chromeKey(index: Pick<SiteIndex, 'sections'>): unknown[] {
  return index.sections.map((s) => [s.slug, s.name]);
}

/** One page of a paginated list (paginate()'s `page`): its place in the list and its cards at `now`. */
function listPageKey(page: { currentPage: number; lastPage: number; data: Article[] }, now: Date): unknown[] {
  return [page.currentPage, page.lastPage, page.data.map((a) => cardKey(a, now))];
}

/** paginate()'s paths, each with a cache key: its list page, the site navigation and what else the page shows. */
export function withListKeys<P extends { props: { page: { currentPage: number; lastPage: number; data: Article[] } } }>(
  paths: P[],
  now: Date,
  index: Pick<SiteIndex, 'sections'>,
  ...parts: unknown[]
): (P & { cacheKey: string })[] {
  const chrome = chromeKey(index);
  return paths.map((p) => ({ ...p, cacheKey: cacheKey(listPageKey(p.props.page, now), chrome, ...parts) }));
}

/**
 * The pages of each group's list (a section's, a topic's or an author's, `param` naming the route's parameter):
 * paginate() over the group's articles, each page keyed by its cards, the navigation and the group's name.
 */
export function groupListPaths<K extends 'section' | 'topic' | 'author'>(
  paginate: PaginateFunction,
  groups: readonly Group<Article>[],
  param: K,
  index: Pick<SiteIndex, 'sections'>,
  now: Date,
) {
  return groups.flatMap((group) =>
    withListKeys(
      paginate(group.articles, {
        params: { [param]: group.slug },
        props: { [param]: group } as Record<K, Group<Article>>,
        pageSize: SITE.listingPageSize,
      }),
      now,
      index,
      param,
      group.name,
    ),
  );
}
