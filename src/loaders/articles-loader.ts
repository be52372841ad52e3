/**
 * The articles loader: Astro's glob loader, preceded by a validation pass over every entry.
 *
 * Astro stops at the first invalid entry and prints the field apart from the file; a missing
 * image is reported without naming the entry at all. This pass reads every entry first and
 * reports every problem at once, one line each: `<file>: <field>: <problem>` (see
 * src/lib/entry-checks.ts). Errors stop `astro build`, `astro sync`, `astro check` and
 * `astro dev`; warnings (a headline too long for link previews) are printed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { articleSchema } from '../lib/article-schema.ts';
import { articleFileProblems } from '../lib/image-files.ts';
import {
  bodyProblems,
  duplicateSlugs,
  formatProblems,
  headlineWarnings,
  schemaProblems,
  slugOf,
  type EntryProblem,
} from '../lib/entry-checks.ts';

export interface Options {
  /** The articles folder as given (relative to the project root, or absolute); used in messages. */
  dir: string;
  /** Project root, to resolve a relative `dir`. */
  root: string;
}

/** The schema with the image field checked as a path; the file itself is checked below. */
const pathSchema = articleSchema(z.string({ error: 'expected a path such as ./photo.jpg' }).trim().min(1, { error: 'must not be empty' }));

/** Every problem of every entry under `dir`. */
export async function checkArticles({ dir, root }: Options): Promise<EntryProblem[]> {
  const absolute = path.resolve(root, dir);
  const names = (await readdir(absolute, { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  const problems: EntryProblem[] = [];
  const slugs: { file: string; slug: string }[] = [];
  await Promise.all(
    names.map(async (name) => {
      const entry = name.split(path.sep).join('/');
      const file = `${dir.replace(/\/+$/, '')}/${entry}`;
      const absoluteFile = path.join(absolute, name);
      const slug = slugOf(entry);
      if ('problem' in slug) problems.push({ file, field: 'slug', problem: slug.problem, level: 'error' });
      else slugs.push({ file, slug: slug.slug });

      let frontmatter: Record<string, unknown>;
      let body: string;
      try {
        const parsed = parseFrontmatter(await readFile(absoluteFile, 'utf8'));
        frontmatter = parsed.frontmatter ?? {};
        body = parsed.content;
      } catch (error) {
        const message = (error as Error).message.split('\n')[0];
        problems.push({ file, field: 'frontmatter', problem: `cannot be read as YAML (${message})`, level: 'error' });
        return;
      }
      const result = pathSchema.safeParse(frontmatter);
      if (!result.success) problems.push(...schemaProblems(file, frontmatter, result.error.issues));
      problems.push(...bodyProblems(file, body), ...headlineWarnings(file, frontmatter.title));

      // The entry's folder, lead photo, body images and body URLs (src/lib/image-files.ts).
      const imageSrc = (frontmatter.image as { src?: unknown } | undefined)?.src;
      problems.push(...(await articleFileProblems({ file, entryFile: absoluteFile, articlesDir: absolute, imageSrc, body })));
    }),
  );
  problems.push(...duplicateSlugs(slugs));
  // Stable order: by file, then as found.
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => a.file.localeCompare(b.file, 'en') || i - j).map(([p]) => p);
}

/** A fingerprint of what a schema accepts and fills in (fields, types, defaults), via its JSON Schema. */
export function schemaDigest(schema: z.ZodType): string {
  return createHash('sha256').update(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))).digest('hex');
}

export class ArticleValidationError extends Error {
  override name = 'ArticleValidationError';
}

/** Runs the checks, prints warnings, and throws one error listing every problem. */
async function validate(options: Options, logger: LoaderContext['logger']): Promise<EntryProblem[]> {
  const problems = await checkArticles(options);
  for (const w of problems.filter((p) => p.level === 'warning')) logger.warn(formatProblems([w]));
  return problems.filter((p) => p.level === 'error');
}

export function articlesLoader({ dir, generateId }: { dir: string; generateId: (opts: { entry: string }) => string }): Loader {
  const base = path.isAbsolute(dir) ? dir : `./${dir}`;
  const inner = glob({ pattern: '**/*.md', base, generateId });
  return {
    name: 'articles-loader',
    async load(context) {
      const options: Options = { dir, root: fileURLToPath(context.config.root) };
      const errors = await validate(options, context.logger);
      if (errors.length) {
        const error = new ArticleValidationError(formatProblems(errors));
        error.stack = `${error.name}: ${error.message}`; // the stack says nothing an editor needs
        throw error;
      }
      // Astro keeps parsed entries between builds and re-parses only changed files; it forgets them when
      // content.config.ts changes, but not when the schema (imported from src/lib/article-schema.ts) does.
      // Entries parsed under an older schema would lack its new fields and defaults: start afresh instead.
      const digest = schemaDigest(pathSchema);
      if (context.meta.get('schema-digest') !== digest) {
        context.store.clear();
        context.meta.set('schema-digest', digest);
      }
      await inner.load(context);
      // In `astro dev`, re-check on every change and print what is wrong (the server keeps running).
      context.watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(path.resolve(options.root, options.dir))) return;
        void validate(options, context.logger).then((found) => {
          if (found.length) context.logger.error(formatProblems(found));
        });
      });
    },
  };
}
