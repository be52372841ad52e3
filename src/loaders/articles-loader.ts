/**
 * The articles loader: Astro's glob loader, preceded by a validation pass over every entry.
 *
 * Astro stops at the first invalid entry and prints the field apart from the file; a missing
 * image is reported without naming the entry at all. This pass reads every entry first and
 * reports every problem at once, one line each: `<file>: <field>: <problem>` (see
 * src/lib/entry-checks.ts). Errors stop `astro build`, `astro sync`, `astro check` and
 * `astro dev`; warnings (a headline too long for link previews) are printed. Template placeholders
 * and the stand-in lead photo in a non-draft entry are errors in production builds and warnings in
 * `astro dev`, where unfinished articles are expected.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderer, type RehypePlugin } from '@astrojs/markdown-remark';
import { load as loadYaml, CORE_SCHEMA, mergeTag } from 'js-yaml';
import sharp, { type Metadata } from 'sharp';
import { articleSchema } from '../lib/article-schema.ts';
import {
  IMAGE_FORMATS,
  bodyImageProblems,
  bodyProblems,
  duplicateSlugs,
  fieldPaths,
  formatProblems,
  headlineWarnings,
  imagePathProblem,
  placeholderProblems,
  redirectProblems,
  schemaProblems,
  slugOf,
  standinProblems,
  type EntryProblem,
} from '../lib/entry-checks.ts';
import { isStandinExif } from '../lib/standin.ts';
import { bodyRehypePlugins } from '../plugins/body-plugins.ts';
import rehypeImageAlt, { imagesWithoutAlt } from '../plugins/rehype-image-alt.ts';

export interface Options {
  /** The articles folder as given (relative to the project root, or absolute); used in messages. */
  dir: string;
  /** Project root, to resolve a relative `dir`. */
  root: string;
  /**
   * A production build (default), where template placeholders and an unmarked stand-in photo in a
   * non-draft entry are errors; in `astro dev` they are warnings.
   */
  production?: boolean;
}

/** The schema with the image field checked as a path; the file itself is checked below. */
const pathSchema = articleSchema(z.string({ error: 'expected a path such as ./photo.jpg' }).trim().min(1, { error: 'must not be empty' }));
/** Every field the schema knows, for "did you mean …?" on unknown ones. */
const KNOWN_FIELDS = fieldPaths(pathSchema);

/** The lead image: a problem, or whether it is the project's stand-in. */
async function inspectImage(entryFile: string, src: string): Promise<{ problem: string } | { standin: boolean }> {
  const file = path.resolve(path.dirname(entryFile), src);
  let metadata: Metadata;
  try {
    metadata = await sharp(file).metadata();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || /missing|does not exist/i.test(String(error))) return { problem: `file "${src}" not found beside the entry` };
    return { problem: `file "${src}" cannot be read as an image (${(error as Error).message.split('\n')[0]})` };
  }
  const { format } = metadata;
  if (!IMAGE_FORMATS.includes(format as (typeof IMAGE_FORMATS)[number])) {
    return { problem: `file "${src}" is ${format ?? 'an unknown format'}; expected JPEG, PNG, WebP or AVIF` };
  }
  return { standin: isStandinExif(metadata.exif) };
}

/** YAML's core schema (timestamps stay text), with merge keys (`<<: *anchor`) as Astro's parser reads them. */
const AS_WRITTEN = CORE_SCHEMA.withTags(mergeTag);

/**
 * The frontmatter with dates as written. Astro's YAML parser turns an unquoted `2026-02-30` into a
 * Date of 2 March before any schema sees it; YAML's core schema leaves timestamps as text, so the
 * date check sees what the editor typed. Falls back to Astro's reading if the two parsers disagree.
 */
function frontmatterAsWritten(raw: string, parsed: Record<string, unknown>): Record<string, unknown> {
  try {
    const data = loadYaml(raw, { schema: AS_WRITTEN });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : parsed;
  } catch {
    return parsed;
  }
}

/**
 * The `src` of body images without alt text, from the article's own markdown and rehype chain
 * (src/plugins/body-plugins.ts, minus the check that throws), without rendering anything else.
 * Only bodies that can hold an image are parsed.
 */
function bodyImageChecker(): (body: string) => Promise<string[]> {
  let renderer: Promise<MarkdownRenderer> | undefined;
  const collect: RehypePlugin = () => (tree, file) => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    ((data.astro ??= {}).frontmatter ??= {}).imagesWithoutAlt = imagesWithoutAlt(tree as Parameters<typeof imagesWithoutAlt>[0]);
  };
  return async (body) => {
    if (!/!\[|<img/i.test(body)) return [];
    renderer ??= createMarkdownProcessor({
      gfm: true,
      smartypants: false,
      syntaxHighlight: false,
      rehypePlugins: [...bodyRehypePlugins.filter((p) => p !== (rehypeImageAlt as RehypePlugin)), collect],
    });
    try {
      const { metadata } = await (await renderer).render(body);
      return (metadata.frontmatter.imagesWithoutAlt as string[] | undefined) ?? [];
    } catch {
      return []; // a body the chain cannot render fails when Astro renders it, with that error
    }
  };
}

/** Every problem of every entry under `dir`. */
export async function checkArticles({ dir, root, production = true }: Options): Promise<EntryProblem[]> {
  const absolute = path.resolve(root, dir);
  const names = (await readdir(absolute, { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  const problems: EntryProblem[] = [];
  const slugs: { file: string; slug: string; redirectFrom: unknown }[] = [];
  const unfinished: EntryProblem['level'] = production ? 'error' : 'warning';
  const imagesWithoutAltIn = bodyImageChecker();
  await Promise.all(
    names.map(async (name) => {
      const entry = name.split(path.sep).join('/');
      const file = `${dir.replace(/\/+$/, '')}/${entry}`;
      const absoluteFile = path.join(absolute, name);
      const slug = slugOf(entry);
      // Named for the slug checks (duplicates, redirects) even when its frontmatter cannot be read.
      const named = 'problem' in slug ? undefined : { file, slug: slug.slug, redirectFrom: undefined as unknown };
      if (named) slugs.push(named);
      if ('problem' in slug) problems.push({ file, field: 'slug', problem: slug.problem, level: 'error' });

      let frontmatter: Record<string, unknown>;
      let body: string;
      try {
        const parsed = parseFrontmatter(await readFile(absoluteFile, 'utf8'));
        frontmatter = frontmatterAsWritten(parsed.rawFrontmatter, parsed.frontmatter ?? {});
        body = parsed.content;
      } catch (error) {
        const message = (error as Error).message.split('\n')[0];
        problems.push({ file, field: 'frontmatter', problem: `cannot be read as YAML (${message})`, level: 'error' });
        return;
      }
      if (named) named.redirectFrom = frontmatter.redirectFrom;
      const result = pathSchema.safeParse(frontmatter);
      if (!result.success) problems.push(...schemaProblems(file, frontmatter, result.error.issues, KNOWN_FIELDS));
      problems.push(...bodyProblems(file, body), ...headlineWarnings(file, frontmatter.title));
      problems.push(...bodyImageProblems(file, await imagesWithoutAltIn(body)));
      const draft = frontmatter.draft === true;
      if (!draft) problems.push(...placeholderProblems(file, frontmatter, body, unfinished));

      const image = frontmatter.image as { src?: unknown; alt?: unknown; standIn?: unknown } | undefined;
      const src = image?.src;
      const pathProblem = imagePathProblem(src);
      if (pathProblem) problems.push({ file, field: 'image.src', problem: pathProblem, level: 'error' });
      else if (typeof src === 'string' && src.trim() !== '') {
        const inspected = await inspectImage(absoluteFile, src);
        if ('problem' in inspected) problems.push({ file, field: 'image.src', problem: inspected.problem, level: 'error' });
        else if (!draft) problems.push(...standinProblems(file, { ...image, src }, inspected.standin, unfinished));
      }
    }),
  );
  problems.push(...duplicateSlugs(slugs), ...redirectProblems(slugs));
  // Stable order: by file, then as found.
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => a.file.localeCompare(b.file, 'en') || i - j).map(([p]) => p);
}

/**
 * The build's one error for every problem. Astro prints a thrown error's message as it is (its own
 * AstroError's message would be read as markdown, mangling `![alt](src)` examples), then a
 * "Stack trace:" heading whenever `stack` is set (core/messages/runtime.js, formatErrorMessage):
 * an editor needs no stack, so it is empty.
 */
export class ArticleValidationError extends Error {
  override name = 'ArticleValidationError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
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
      // Only `astro dev` has a watcher. (Not import.meta.env.DEV: Astro lets a DEV variable in the
      // environment override it, and a stray one must not relax a production build.)
      const options: Options = { dir, root: fileURLToPath(context.config.root), production: !context.watcher };
      const errors = await validate(options, context.logger);
      if (errors.length) {
        throw new ArticleValidationError(formatProblems(errors));
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
