import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/article-schema.ts';
import { SLUG_PATTERN } from './lib/urls.ts';

const ARTICLES_DIR = 'content/articles';

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

const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: `./${ARTICLES_DIR}`, generateId: slugFromEntry }),
  schema: ({ image }) => articleSchema(image()),
});

export const collections = { articles };
