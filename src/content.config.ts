import { defineCollection } from 'astro:content';
import { articleSchema } from './content-model/article-schema.ts';
import { articlesDir } from './content-model/articles-folder.ts';
import { slugOf } from './lib/slug.ts';
import { articlesLoader, problemBoard } from './content-model/articles-loader.ts';

/** Where the entries live: content/articles, or ARTICLES_DIR (src/content-model/articles-folder.ts). */
const ARTICLES_DIR = articlesDir();

/** The entry's id is its slug, the folder name (src/lib/slug.ts); the loader has already refused any other. */
function slugFromEntry({ entry }: { entry: string }): string {
  const slug = slugOf(entry);
  if ('problem' in slug) throw new Error(`${ARTICLES_DIR}/${entry}: slug: ${slug.problem}`);
  return slug.slug;
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
