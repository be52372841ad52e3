/**
 * The "generated" fixture set: GENERATED_COUNT generated articles (scripts/lib/article-generator.ts: own headlines,
 * five sections of which one holds long reads of 2,500 words, one article every 3 hours back from just before the
 * build time), plus a draft and a scheduled one. Written into tests/.output/ by the global setup (never committed)
 * and built like the other fixture sets (tests/support/fixture-builds.ts) as of GENERATED_BUILD_TIME. Read by the
 * tests of bounded feeds and sitemaps (tests/build/feeds-sitemaps.test.ts) and of search (tests/build/search.test.ts,
 * tests/browser/search.test.ts).
 */
import path from 'node:path';
import { generateArticles, writeArticles, type GeneratedArticle } from '../../scripts/lib/article-generator.ts';
import { OUTPUT, ROOT } from './paths.ts';

export const GENERATED_COUNT = 300;
export const GENERATED_BUILD_TIME = '2026-11-29T12:00:00Z';
/** Where the entries are written; relative to the project, as ARTICLES_DIR is given. */
export const GENERATED_ARTICLES_DIR = path.relative(ROOT, path.join(OUTPUT, 'generated-articles'));

let cached: GeneratedArticle[] | undefined;

/** The published articles of the set, newest first (the order of the feeds), as the generator makes them. */
export function generatedArticles(): GeneratedArticle[] {
  cached ??= generateArticles({ count: GENERATED_COUNT, newest: new Date(Date.parse(GENERATED_BUILD_TIME) - 30 * 60_000).toISOString() });
  return cached;
}

export async function writeGeneratedFixture(): Promise<void> {
  await writeArticles(path.resolve(ROOT, GENERATED_ARTICLES_DIR), generatedArticles(), new Date(GENERATED_BUILD_TIME));
}
