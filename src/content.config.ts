import { defineCollection } from 'astro:content';
import { articleSchema } from './content-model/article-schema.ts';
import { SLUG_PATTERN } from './lib/urls.ts';
import { articlesLoader, problemBoard } from './content-model/articles-loader.ts';

/**
 * Where the entries live, relative to the project root. `ARTICLES_DIR` switches it (tests build
 * fixture sets this way; benchmarks can point it at generated entries).
 */
const ARTICLES_DIR = (process.env.ARTICLES_DIR ?? 'content/articles').replace(/\/+$/, '');

/** The slug is the entry's folder name: `content/articles/<slug>/index.md`. */
function slugFromEntry({ entry }: { entry: string }): string {
  const slug = entry.replace(/\/index\.md$/, '');
  if (slug.includes('/') || !SLUG_PATTERN.test(slug)) {
    throw new Error(
      `${ARTICLES_DIR}/${entry}: slug: expected content/articles/<slug>/index.md with <slug> in lowercase words and hyphens (e.g. "budget-vote-delayed"), got "${slug}"`,
    );
  }
  return slug;
}

/** In `astro dev`, the entries left out for their problems, which their URLs show instead. */
const problems = problemBoard();

const articles = defineCollection({
  // Astro's glob loader, after a pass that reports every problem of every entry at once.
  loader: articlesLoader({ dir: ARTICLES_DIR, generateId: slugFromEntry, problems }),
  schema: ({ image }) => articleSchema(image()),
});

/** Dev only (empty in builds, which stop at any problem): `{ file, problems: [{ field, problem }] }` per broken entry. */
const articleProblems = defineCollection({ loader: problems.loader });

export const collections = { articles, articleProblems };
