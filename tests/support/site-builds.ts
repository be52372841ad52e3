/**
 * The builds the site invariants run over, and what their entries say.
 *
 * The invariants (tests/build/site-invariants.test.ts, csp, html-validate, page-weight, nothing-lost,
 * reader-view, deploy-nginx, tests/browser/quality and pages) hold for ANY valid content, so they run over:
 * - "content": the real content/articles, whatever a newsroom has put there (drafts, renames, …);
 * - "newsroom fixture": tests/fixtures/sets/newsroom, articles of every shape, proving the same checks hold
 *   for arbitrary content.
 * Exact assertions about one article's words belong to fixture sets (the seed: tests/fixtures/sets/seed).
 *
 * Which entries a build published is decided the way the site decides it (src/content-model/articles.ts isPublished:
 * not a draft, not dated in the future), at the time the build ran.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isPublished, sortNewestFirst } from '../../src/content-model/articles.ts';
import { DEFAULT_ARTICLES_DIR } from '../../src/content-model/articles-folder.ts';
import { articlePath } from '../../src/lib/urls.ts';
import type { BuildResult } from '../../scripts/lib/astro-build.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from './fixture-builds.ts';
import { OUTPUT, ROOT, SITE_DIR, TEST_SITE_URL } from './paths.ts';

/** Where the global setup records the content build's result (its start time and duration). */
export const SITE_BUILD_RESULT = path.join(OUTPUT, 'site.json');

/** An entry's frontmatter as the site reads it (dates as dates), its body and where it is. */
export interface Entry {
  /** The folder name: the article's URL slug. */
  slug: string;
  /** The entry file as the build names it in messages, e.g. "content/articles/x/index.md". */
  file: string;
  /** Absolute path of index.md. */
  abs: string;
  /** The markdown body (after the frontmatter). */
  body: string;
  data: {
    title: string;
    standfirst?: string;
    summary: string[];
    image: { src: string; alt: string; caption?: string; credit?: string };
    byline: { name: string; url?: string }[];
    published?: Date;
    updated?: Date;
    section?: string;
    tags: string[];
    draft: boolean;
    redirectFrom: string[];
  };
}

export interface SiteBuild {
  /** Shown in test names. */
  name: string;
  /** The built site (dist/). */
  siteDir: string;
  /** The articles folder it was built from, as given to ARTICLES_DIR (relative to the project). */
  articlesDir: string;
  /** Built for this origin, at "/". */
  siteUrl: string;
  base: string;
  /** Every entry of the articles folder. */
  entries: Entry[];
  /** The entries the build published, newest first (the order of the front page and the feeds). */
  published: Entry[];
  /** Drafts and entries scheduled after the build: no page, no mention anywhere. */
  hidden: Entry[];
}

const asDate = (value: unknown): Date | undefined => (value === undefined || value === null ? undefined : new Date(value as string));

/** Every entry under an articles folder (`<dir>/<slug>/index.md`), read as the site reads it. */
export function readEntries(articlesDir: string): Entry[] {
  const absolute = path.resolve(ROOT, articlesDir);
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const entry = name.split(path.sep).join('/');
      const abs = path.join(absolute, name);
      const { frontmatter, content } = parseFrontmatter(readFileSync(abs, 'utf8'));
      const fm = (frontmatter ?? {}) as Record<string, any>;
      return {
        slug: entry.replace(/\/index\.md$/, ''),
        file: `${articlesDir.replace(/\/+$/, '')}/${entry}`,
        abs,
        body: content,
        data: {
          ...fm,
          title: String(fm.title),
          summary: fm.summary ?? [],
          byline: fm.byline ?? [],
          published: asDate(fm.published),
          updated: asDate(fm.updated),
          tags: fm.tags ?? [],
          draft: fm.draft === true,
          redirectFrom: fm.redirectFrom ?? [],
        },
      } as Entry;
    });
}

/**
 * Split entries by what a build that ran from `startedAt` for `ms` published. The site decides once,
 * at some moment in that window: an entry published at its start was published; one still unpublished
 * at its end was not; one scheduled inside the window is left out of both (it could go either way).
 */
export function publishedAndHidden(
  entries: Entry[],
  build: Pick<BuildResult, 'startedAt' | 'ms'>,
): { published: Entry[]; hidden: Entry[] } {
  const start = new Date(build.startedAt);
  const end = new Date(build.startedAt + build.ms);
  return {
    published: sortNewestFirst(entries.filter((e) => isPublished(e, start))),
    hidden: entries.filter((e) => !isPublished(e, end)),
  };
}

function siteBuild(name: string, siteDir: string, articlesDir: string, result: BuildResult): SiteBuild {
  const entries = readEntries(articlesDir);
  return { name, siteDir, articlesDir, siteUrl: TEST_SITE_URL, base: '/', entries, ...publishedAndHidden(entries, result) };
}

let cached: SiteBuild[] | undefined;

/** The builds of the global setup that every invariant runs over: content/ and the newsroom fixture. */
export function siteBuilds(): SiteBuild[] {
  cached ??= [
    siteBuild('content', SITE_DIR, DEFAULT_ARTICLES_DIR, JSON.parse(readFileSync(SITE_BUILD_RESULT, 'utf8')) as BuildResult),
    siteBuild('newsroom fixture', fixtureSiteDir('newsroom'), FIXTURE_SETS.newsroom, fixtureBuild('newsroom')),
  ];
  return cached;
}

/** The site path of an article in a build: "/articles/<slug>/" (through the site's one URL function). */
export const pathOf = (build: SiteBuild, slug: string) => articlePath(slug, build.base);
/** The canonical URL of an article in a build. */
export const urlOf = (build: SiteBuild, slug: string) => new URL(pathOf(build, slug), build.siteUrl).href;

/** Old slugs that redirect to a published article, with the article they go to. */
export function redirectsOf(build: SiteBuild): { old: string; to: Entry }[] {
  return build.published.flatMap((to) => to.data.redirectFrom.map((old) => ({ old, to })));
}
