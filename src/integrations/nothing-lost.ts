/**
 * Nothing lost, after every production build: each published article's page must hold every text of
 * its entry (headline, standfirst, caption, credit, key points, body), or the build fails naming the
 * file and the first missing text (`<file>: <field>: "…" is missing from the built page …`).
 *
 * The entries are read from the articles folder itself (ARTICLES_DIR), not from the content store, so
 * an entry the pipeline dropped or emptied is caught too. The gate is the site's own: `isPublished()`
 * from src/content-model/articles.ts, at the time the build started (a page rendered after that saw at least
 * as many articles published). The comparison is src/publishing/nothing-lost.ts.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { articleSchema } from '../content-model/article-schema.ts';
import { isPublished } from '../content-model/articles.ts';
import { parseBuildTime } from '../content-model/build-time.ts';
import { formatProblems, type EntryProblem } from '../content-model/entry-checks.ts';
import { slugOf } from '../lib/slug.ts';
import { nothingLostProblems, type ShownFields } from '../publishing/nothing-lost.ts';
import { articlePath } from '../lib/urls.ts';

/** The schema with the image as a plain path: only the shown text fields and the gate are needed here. */
const schema = articleSchema(z.string());

export interface EntrySource {
  /** The entry's file as editors know it (`content/articles/<slug>/index.md`). */
  file: string;
  slug: string;
  /** Validated frontmatter. */
  data: z.infer<typeof schema>;
  /** The markdown body, as the glob loader takes it. */
  body: string;
}

/**
 * The valid entries under `dir` (relative to `root`, or absolute), by slug. Entries that do not validate
 * are left out: the build has already stopped on them (src/content-model/articles-loader.ts).
 */
export async function readEntries(dir: string, root: string): Promise<EntrySource[]> {
  const absolute = path.resolve(root, dir);
  const names = (await readdir(absolute, { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  const entries: EntrySource[] = [];
  for (const name of names) {
    const entry = name.split(path.sep).join('/');
    const slug = slugOf(entry);
    if (!('slug' in slug)) continue;
    const { frontmatter, content } = parseFrontmatter(await readFile(path.join(absolute, name), 'utf8'));
    const parsed = schema.safeParse(frontmatter ?? {});
    if (!parsed.success) continue;
    entries.push({ file: `${dir.replace(/\/+$/, '')}/${entry}`, slug: slug.slug, data: parsed.data, body: content.trim() });
  }
  return entries;
}

/** The entries a production build publishes at `now`, through the same gate as the pages. */
export async function readPublishedEntries(dir: string, root: string, now: Date): Promise<EntrySource[]> {
  return (await readEntries(dir, root)).filter((e) => isPublished(e, now));
}

/** The page file of an article in a build's output directory (`articles/<slug>/index.html`). */
export function pageFile(outDir: string, slug: string): string {
  return path.join(outDir, articlePath(slug, '/'), 'index.html');
}

/** Every published entry checked against its page in `outDir`; the problems found. */
export async function checkBuild(entries: readonly EntrySource[], outDir: string): Promise<EntryProblem[]> {
  const problems: EntryProblem[] = [];
  for (const entry of entries) {
    const file = pageFile(outDir, entry.slug);
    const html = await readFile(file, 'utf8').catch(() => undefined);
    const fields: ShownFields = entry.data;
    problems.push(...nothingLostProblems({ file: entry.file, page: path.relative(outDir, file), fields, body: entry.body, html }));
  }
  return problems;
}

class NothingLostError extends Error {
  override name = 'NothingLostError';
  constructor(message: string) {
    super(message);
    this.stack = ''; // Astro prints "Stack trace:" and the stack when there is one: an editor needs neither
  }
}

export default function nothingLost({ dir }: { dir: string }): AstroIntegration {
  let root = process.cwd();
  let started = new Date();
  return {
    name: 'nothing-lost',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        // The build's own "now" (BUILD_TIME when given), so the gate matches the pages'.
        started = parseBuildTime(process.env.BUILD_TIME);
      },
      'astro:build:done': async ({ dir: outDir, logger }) => {
        const entries = await readPublishedEntries(dir, root, started);
        const problems = await checkBuild(entries, fileURLToPath(outDir));
        if (problems.length) {
          throw new NothingLostError(formatProblems(problems));
        }
        logger.info(`${entries.length} published ${entries.length === 1 ? 'article' : 'articles'}: every text of the entry is on its page`);
      },
    },
  };
}
