/**
 * The articles loader: Astro's glob loader, preceded by a validation pass over every entry.
 *
 * Astro stops at the first invalid entry and prints the field apart from the file; a missing
 * image is reported without naming the entry at all. This pass reads every entry first and
 * reports every problem at once, one line each: `<file>: <field>: <problem>` (see
 * src/content-model/entry-checks.ts). Then Astro's glob loader renders the entries; an error while rendering
 * one (which Astro would only log, storing the entry without its body) is a problem too
 * (`<file>: body: …`, src/content-model/render-problems.ts).
 *
 * Errors stop `astro build`, `astro sync` and `astro check`. In `astro dev` they do not stop the
 * server: the entries with problems are left out, the others are served, and each broken entry's URL
 * shows its problems (the `articleProblems` collection, see problemBoard); every change under the
 * articles folder checks and loads again. Warnings (a headline too long for link previews) are printed.
 *
 * Template placeholders and the stand-in lead photo in a non-draft entry are errors in production
 * builds and warnings in `astro dev`, where unfinished articles are expected.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseFrontmatter, type MarkdownRenderer, type RehypePlugin } from '@astrojs/markdown-remark';
import { load as loadYaml, CORE_SCHEMA, mergeTag } from 'js-yaml';
import { articleSchema } from './article-schema.ts';
import { articleFileProblems, metadataReader, type MetadataReader } from './image-files.ts';
import { checkCache, sha256, type CheckCache } from './check-cache.ts';
import { siteCodeDigest } from './code-digest.ts';
import { parseRenderError, renderProblem, unrenderedProblem } from './render-problems.ts';
import { parseBody, readBody, type BodyFacts } from './body-checks.ts';
import { remoteImageProblems } from './remote-images.ts';
import {
  bodyImageProblems,
  bodyProblems,
  duplicateSlugs,
  fieldPaths,
  formatProblems,
  headlineWarnings,
  placeholderProblems,
  redirectProblems,
  schemaProblems,
  standinProblems,
  type EntryProblem,
} from './entry-checks.ts';
import { isStandinExif } from '../authoring/standin.ts';
import { slugOf } from '../lib/slug.ts';
import { emptyBodyProblem, showsNothing } from './empty-body.ts';
import { emptyBodyChecker } from './empty-body-check.ts';
import { bodyLimitProblems } from './body-limits.ts';
import { unreadEntryProblems } from './unread-entries.ts';
import { encodingProblem } from './text-encoding.ts';
import { bodyProcessor, bodyRehypePlugins } from '../plugins/body-plugins.ts';
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

/** Whether the lead image (already checked by src/content-model/image-files.ts) is the project's stand-in. */
async function isStandinImage(entryFile: string, src: string, metadataOf: MetadataReader): Promise<boolean> {
  try {
    return isStandinExif((await metadataOf(path.resolve(path.dirname(entryFile), src))).exif);
  } catch {
    return false;
  }
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
    renderer ??= bodyProcessor([...bodyRehypePlugins.filter((p) => p !== (rehypeImageAlt as RehypePlugin)), collect]);
    try {
      const { metadata } = await (await renderer).render(body);
      return (metadata.frontmatter.imagesWithoutAlt as string[] | undefined) ?? [];
    } catch {
      return []; // a body the chain cannot render fails when Astro renders it, with that error
    }
  };
}

/** What checkEntry needs besides the entry itself: shared by every entry of one pass. */
interface EntryCheckers {
  /** The articles folder, absolute. */
  articlesDir: string;
  unfinished: EntryProblem['level'];
  imagesWithoutAltIn: (body: string) => Promise<string[]>;
  rendersNothing: ReturnType<typeof emptyBodyChecker>;
  metadataOf: MetadataReader;
  /** Called with the image paths the entry names (lead photo, local body images) before any file is opened. */
  beforeFiles: (images: string[]) => Promise<void>;
}

/** One entry's problems, and what the checks across entries need of it. */
interface EntryOutcome {
  problems: EntryProblem[];
  /** The frontmatter's `redirectFrom` (when the frontmatter could be read). */
  frontmatter?: { redirectFrom: unknown };
}

/** Every problem of one entry file (`bytes`, read from `absoluteFile`), in the order they are found. */
async function checkEntry(file: string, absoluteFile: string, bytes: Buffer, c: EntryCheckers): Promise<EntryOutcome> {
  const problems: EntryProblem[] = [];
  let frontmatter: Record<string, unknown>;
  let body: string;
  /** The line of the file where the body starts. */
  let firstLine: number;
  // Not UTF-8 (src/content-model/text-encoding.ts): named; a UTF-16 file is not read further.
  const encoding = encodingProblem(file, bytes);
  if (encoding) problems.push(encoding);
  if (encoding?.field === 'file') {
    await c.beforeFiles([]);
    return { problems };
  }
  try {
    const parsed = parseFrontmatter(bytes.toString('utf8'));
    frontmatter = frontmatterAsWritten(parsed.rawFrontmatter, parsed.frontmatter ?? {});
    body = parsed.content;
    firstLine = 1 + (parsed.rawFrontmatter.match(/\n/g)?.length ?? 0);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    problems.push({ file, field: 'frontmatter', problem: `cannot be read as YAML (${message})`, level: 'error' });
    await c.beforeFiles([]);
    return { problems };
  }
  const result = pathSchema.safeParse(frontmatter);
  if (!result.success) problems.push(...schemaProblems(file, frontmatter, result.error.issues, KNOWN_FIELDS));
  problems.push(...bodyProblems(file, body), ...headlineWarnings(file, frontmatter.title));
  // A body past the limits (src/content-model/body-limits.ts) is not parsed by the checks below.
  const limits = bodyLimitProblems(file, body, firstLine);
  problems.push(...limits);
  let parsable = limits.length ? '' : body;
  /** The body's images and URLs (src/content-model/body-checks.ts), from the one parse of it. */
  let facts: BodyFacts | undefined;
  try {
    // One parse for the checks below; remoteImageProblems rewrites the tree, so it reads it last.
    const tree = parseBody(parsable);
    let unreadable: unknown;
    try {
      facts = readBody(tree);
    } catch (error) {
      unreadable = error; // reported after the checks before it, as when each parsed the body itself
    }
    problems.push(...(await c.rendersNothing(file, parsable, tree)));
    problems.push(...remoteImageProblems(file, parsable, tree));
    problems.push(...bodyImageProblems(file, await c.imagesWithoutAltIn(parsable)));
    if (unreadable) throw unreadable;
  } catch (error) {
    // Markup the checks cannot parse either (HTML nested thousands deep): the render error's message.
    problems.push(renderProblem(file, (error as Error).message));
    parsable = '';
    facts = undefined;
  }
  const draft = frontmatter.draft === true;
  if (!draft) problems.push(...placeholderProblems(file, frontmatter, body, c.unfinished));

  // The entry's folder, lead photo, body images and body URLs (src/content-model/image-files.ts).
  const image = frontmatter.image as { src?: unknown; alt?: unknown; standIn?: unknown } | undefined;
  const src = image?.src;
  const named = [
    ...(typeof src === 'string' && src.trim() !== '' ? [src.trim()] : []),
    ...(facts?.images ?? []).flatMap((i) => (i.kind === 'local' && i.path !== undefined ? [i.path] : [])),
  ];
  await c.beforeFiles([...new Set(named)]);
  const fileProblems = await articleFileProblems({
    file,
    entryFile: absoluteFile,
    articlesDir: c.articlesDir,
    imageSrc: src,
    body: parsable,
    ...(facts && { facts }),
    metadataOf: c.metadataOf,
  });
  problems.push(...fileProblems);
  if (!draft && typeof src === 'string' && !fileProblems.some((p) => p.field === 'image.src')) {
    problems.push(...standinProblems(file, { ...image, src }, await isStandinImage(absoluteFile, src, c.metadataOf), c.unfinished));
  }
  return { problems, frontmatter: { redirectFrom: frontmatter.redirectFrom } };
}

/**
 * How many entries are checked at once. All at once, 10,000 entries held their parsed bodies and image
 * readers together: the build's memory was 600 MB higher when the checks ended (1.4 GB against 0.8 GB, its
 * peak 2.5 GB against 2.1 GB), for a pass about as fast (within 10 % at 1,000 entries): the file system and
 * sharp work through a pool of four threads anyway.
 */
const CONCURRENT_CHECKS = 16;

/** Runs `task` on every item, at most `limit` at a time, starting them in order. */
async function inTurn<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Every problem of every entry under `dir`. With `cache` (src/content-model/check-cache.ts), an entry whose file
 * and images are as they were when last checked is not checked again: its earlier problems are reused.
 */
export async function checkArticles({ dir, root, production = true, cache }: Options & { cache?: CheckCache }): Promise<EntryProblem[]> {
  const absolute = path.resolve(root, dir);
  const listing = await readdir(absolute, { recursive: true });
  // Files and folders that look like entries but would not be published (src/content-model/unread-entries.ts): not checked further.
  const unread = unreadEntryProblems(
    dir,
    listing.map((n) => n.split(path.sep).join('/')),
  );
  const skipped = new Set(unread.map((p) => p.file));
  const names = listing
    .filter((n) => n.endsWith('.md') && !skipped.has(`${dir.replace(/\/+$/, '')}/${n.split(path.sep).join('/')}`))
    .sort();
  const problems: EntryProblem[] = [...unread];
  const slugs: { file: string; slug: string; redirectFrom: unknown }[] = [];
  const shared = {
    articlesDir: absolute,
    unfinished: production ? 'error' : 'warning',
    imagesWithoutAltIn: bodyImageChecker(),
    rendersNothing: emptyBodyChecker(),
    metadataOf: metadataReader(),
  } as const;
  await inTurn(names, CONCURRENT_CHECKS, async (name) => {
    const entry = name.split(path.sep).join('/');
    const file = `${dir.replace(/\/+$/, '')}/${entry}`;
    const absoluteFile = path.join(absolute, name);
    const slug = slugOf(entry);
    // Named for the slug checks (duplicates, redirects) even when its frontmatter cannot be read.
    const named = 'problem' in slug ? undefined : { file, slug: slug.slug, redirectFrom: undefined as unknown };
    if (named) slugs.push(named);
    if ('problem' in slug) problems.push({ file, field: 'slug', problem: slug.problem, level: 'error' });

    const bytes = await readFile(absoluteFile);
    const earlier = await cache?.reuse(file, bytes, absoluteFile);
    if (earlier) {
      problems.push(...earlier.problems);
      if (named && 'redirectFrom' in earlier) named.redirectFrom = earlier.redirectFrom;
      return;
    }
    let signed: { images: string[]; files: string } | undefined;
    const outcome = await checkEntry(file, absoluteFile, bytes, {
      ...shared,
      beforeFiles: async (images) => {
        if (cache) signed = { images, files: await cache.sign(absoluteFile, images) };
      },
    });
    problems.push(...outcome.problems);
    if (named && outcome.frontmatter) named.redirectFrom = outcome.frontmatter.redirectFrom;
    if (cache && signed) {
      cache.record(file, {
        bytes: sha256(bytes),
        ...signed,
        problems: outcome.problems,
        ...(outcome.frontmatter && { redirectFrom: outcome.frontmatter.redirectFrom }),
      });
    }
  });
  problems.push(...duplicateSlugs(slugs), ...redirectProblems(slugs));
  // Stable order: by file, then as found.
  return problems
    .map((p, i) => [p, i] as const)
    .sort(([a, i], [b, j]) => a.file.localeCompare(b.file, 'en') || i - j)
    .map(([p]) => p);
}

/** A fingerprint of what a schema accepts and fills in (fields, types, defaults), via its JSON Schema. */
export function schemaDigest(schema: z.ZodType): string {
  return createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' })))
    .digest('hex');
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

/**
 * Runs the checks, prints warnings, and returns the errors. Each entry's outcome is kept in the loader's meta
 * store (src/content-model/check-cache.ts) by `save()`: the next run checks only the entries that changed.
 * (Every change to Astro's data store writes all of it again, half a second at 10,000 entries, unless another
 * change follows within half a second: a build saves once Astro's loader has run, with its changes.)
 */
async function validate(
  options: Options,
  { logger, meta }: Pick<LoaderContext, 'logger' | 'meta'>,
): Promise<{ errors: EntryProblem[]; save: () => void }> {
  const code = `${siteCodeDigest(options.root)} ${options.production === false ? 'dev' : 'production'}`;
  const cache = await checkCache(meta, path.resolve(options.root, options.dir), code);
  const problems = await checkArticles({ ...options, cache });
  const { reused, checked } = cache.stats;
  logger.info(
    `checked ${checked} ${checked === 1 ? 'entry' : 'entries'}${reused ? ` (${reused} unchanged since they were last checked)` : ''}`,
  );
  for (const w of problems.filter((p) => p.level === 'warning')) logger.warn(formatProblems([w]));
  return { errors: problems.filter((p) => p.level === 'error'), save: () => cache.save() };
}

/** `a[b]/index.md` → `a\[b\]/index.md`: an entry path as a literal glob pattern. */
function globLiteral(entry: string): string {
  return entry.replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
}

/** The entry path (relative to the articles folder) of a problem's file. */
function entryOf(dir: string, file: string): string {
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** Outcome of one run of Astro's glob loader. */
interface GlobRun {
  /** Entries whose body could not be rendered, as problems (`<file>: body: …`), and their ids. */
  renderProblems: { id: string; problem: EntryProblem }[];
}

/**
 * Astro's glob loader over every entry but `exclude`. It catches an error thrown while rendering an
 * entry, logs it and stores the entry without a body; here that log line is taken from the logger
 * passed to it, and every stored entry without a body becomes a problem. Entries stored without a
 * body by an earlier run are forgotten first, so that they are rendered (and reported) again.
 */
async function runGlob(
  context: LoaderContext,
  {
    dir,
    base,
    generateId,
    exclude,
  }: { dir: string; base: string; generateId: (opts: { entry: string }) => string; exclude: readonly string[] },
): Promise<GlobRun> {
  for (const entry of context.store.values()) {
    if (!entry.rendered && !entry.deferredRender) context.store.delete(entry.id);
  }
  const logged = new Map<string, string>();
  const logger: LoaderContext['logger'] = Object.create(context.logger);
  logger.error = (message: string) => {
    const parsed = parseRenderError(message);
    if (parsed) logged.set(parsed.entry, parsed.message);
    else context.logger.error(message);
  };
  // Astro's schema check of an entry (which ours should have caught first), named by its file.
  const parseData: LoaderContext['parseData'] = (props) =>
    context.parseData(props).catch((error: Error) => {
      const entry = path
        .relative(path.resolve(fileURLToPath(context.config.root), dir), props.filePath ?? '')
        .split(path.sep)
        .join('/');
      const problem = error.message.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
      throw new EntryParseError(entry, { file: `${dir.replace(/\/+$/, '')}/${entry}`, field: 'frontmatter', problem, level: 'error' });
    });
  const pattern = ['**/*.md', ...exclude.map((e) => `!${globLiteral(e)}`)];
  // The watcher is ours (see articlesLoader): the glob loader's own would reload an entry without checking it.
  await glob({ pattern, base, generateId }).load({ ...context, logger, parseData, watcher: undefined });

  const file = (entry: string) => `${dir.replace(/\/+$/, '')}/${entry}`;
  const renderProblems = [...logged]
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([entry, message]) => ({ id: generateId({ entry }), problem: renderProblem(file(entry), message) }));
  const reported = new Set(renderProblems.map((r) => r.id));
  for (const entry of context.store.values()) {
    if (reported.has(entry.id)) continue;
    // What Astro rendered must show something (src/content-model/empty-body.ts).
    if (entry.rendered && showsNothing(entry.rendered.html))
      renderProblems.push({ id: entry.id, problem: emptyBodyProblem(file(`${entry.id}/index.md`)) });
    if (entry.rendered || entry.deferredRender) continue;
    renderProblems.push({ id: entry.id, problem: unrenderedProblem(file(`${entry.id}/index.md`)) });
  }
  return { renderProblems };
}

/** Astro's own schema check rejected an entry (thrown out of the glob loader, which stops at it). */
class EntryParseError extends Error {
  readonly entry: string;
  readonly problem: EntryProblem;
  constructor(entry: string, problem: EntryProblem) {
    super(formatProblems([problem]));
    this.entry = entry;
    this.problem = problem;
  }
}

function validationError(problems: readonly EntryProblem[]): ArticleValidationError {
  return new ArticleValidationError(formatProblems(problems));
}

/**
 * The problems of the entries that cannot be published, for `astro dev` to show at their URLs
 * (src/pages/articles/[slug].astro): the second, dev-only collection `articleProblems`, one entry per
 * broken article file, keyed like the article would be (its folder name).
 */
const articleProblemsSchema = z.object({
  file: z.string(),
  problems: z.array(z.object({ field: z.string(), problem: z.string() })),
});
export type ArticleProblemsData = z.infer<typeof articleProblemsSchema>;

/**
 * The key of a broken entry in `articleProblems`: its folder name (`Bad_Slug/index.md` → `Bad_Slug`); a
 * misnamed entry file or a folder without one (src/content-model/unread-entries.ts) is shown at its folder's URL too
 * (`budget-vote/index.MD`, `budget-vote/` → `budget-vote`).
 */
export function problemId(entry: string): string {
  const id = entry.replace(/\/index\.md$/, '').replace(/\/$/, '');
  return (/^[^/]+\/[^/]+$/.test(id) && !entry.endsWith('/index.md') ? id.split('/')[0]! : id) || entry;
}

/**
 * Shared between the articles loader (which finds the problems) and the `articleProblems` collection's
 * loader (which stores them where pages can read them). In builds the articles loader throws instead,
 * and `articleProblems` stays empty.
 */
export function problemBoard() {
  let target: Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'> | undefined;
  let latest = new Map<string, ArticleProblemsData>();
  async function write(): Promise<void> {
    if (!target) return;
    const { store, parseData, generateDigest } = target;
    for (const id of store.keys()) if (!latest.has(id)) store.delete(id);
    for (const [id, data] of latest) {
      store.set({ id, data: await parseData({ id, data }), digest: generateDigest(data) });
    }
  }
  return {
    /** Replaces the problems shown with these (errors only), grouped by file. */
    publish(dir: string, problems: readonly EntryProblem[]): Promise<void> {
      latest = new Map();
      for (const p of problems) {
        if (p.level !== 'error') continue;
        const id = problemId(entryOf(dir, p.file));
        const data = latest.get(id) ?? { file: p.file, problems: [] };
        data.problems.push({ field: p.field, problem: p.problem });
        latest.set(id, data);
      }
      return write();
    },
    loader: {
      name: 'article-problems-loader',
      schema: articleProblemsSchema,
      async load(context: LoaderContext): Promise<void> {
        if (!context.watcher) {
          target = undefined;
          context.store.clear();
          return;
        }
        target = context;
        await write();
      },
    } satisfies Loader,
  };
}
export type ProblemBoard = ReturnType<typeof problemBoard>;

export function articlesLoader({
  dir,
  generateId,
  problems: board,
}: {
  dir: string;
  generateId: (opts: { entry: string }) => string;
  /** Where `astro dev` keeps the problems of the entries it leaves out (see problemBoard). */
  problems?: ProblemBoard;
}): Loader {
  const base = path.isAbsolute(dir) ? dir : `./${dir}`;
  return {
    name: 'articles-loader',
    async load(context) {
      // Only `astro dev` has a watcher. (Not import.meta.env.DEV: Astro lets a DEV variable in the
      // environment override it, and a stray one must not relax a production build.)
      const options: Options = { dir, root: fileURLToPath(context.config.root), production: !context.watcher };
      // Astro keeps parsed entries between builds and re-parses only changed files; it forgets them when
      // content.config.ts changes, but not when the schema (imported from src/content-model/article-schema.ts) or a
      // markdown plugin (src/plugins/, imported by the config) does. Entries parsed or rendered by older code would
      // differ from a cold build's: start afresh instead (src/content-model/code-digest.ts).
      const digest = `${schemaDigest(pathSchema)} ${siteCodeDigest(options.root)}`;
      if (context.meta.get('code-digest') !== digest) {
        context.store.clear();
        context.meta.set('code-digest', digest);
      }

      // A build, `astro sync` or `astro check`: any problem, validation or rendering, stops it.
      if (!context.watcher) {
        const { errors, save } = await validate(options, context);
        if (errors.length) {
          save();
          throw validationError(errors);
        }
        const { renderProblems } = await runGlob(context, { dir, base, generateId, exclude: [] });
        save();
        if (renderProblems.length) throw validationError(renderProblems.map((r) => r.problem));
        return;
      }

      // `astro dev`: an entry with problems is left out (its URL shows them, through the board) and the
      // others are served. Every change under the articles folder checks and loads everything again.
      const watcher = context.watcher;
      let hadProblems = false;
      const sync = async () => {
        const { errors, save } = await validate(options, context);
        save();
        const exclude = [...new Set(errors.map((p) => entryOf(dir, p.file)))];
        let run: GlobRun;
        for (;;) {
          try {
            run = await runGlob(context, { dir, base, generateId, exclude });
            break;
          } catch (error) {
            // An entry Astro's schema rejects is left out like the others, and the rest loaded again.
            if (!(error instanceof EntryParseError) || exclude.includes(error.entry)) throw error;
            errors.push(error.problem);
            exclude.push(error.entry);
          }
        }
        const { renderProblems } = run;
        for (const { id } of renderProblems) context.store.delete(id);
        const all = [...errors, ...renderProblems.map((r) => r.problem)];
        if (all.length) context.logger.error(`${formatProblems(all)}\n(each article's page in the dev server lists its problems)`);
        else if (hadProblems) context.logger.info('no problems in the articles now');
        hadProblems = all.length > 0;
        await board?.publish(dir, all);
      };
      // Whatever happens, the dev server stays up: the next save runs this again.
      await sync().catch((error: Error) => context.logger.error(error.message));

      const folder = path.resolve(options.root, dir);
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> | undefined;
      let again = false;
      const rerun = () => {
        if (running) {
          again = true;
          return;
        }
        running = (async () => {
          do {
            again = false;
            await sync().catch((error: Error) => context.logger.error(error.message));
          } while (again);
          running = undefined;
        })();
      };
      watcher.add(folder);
      watcher.on('all', (_event, changed) => {
        if (changed !== folder && !changed.startsWith(folder + path.sep)) return;
        clearTimeout(timer);
        timer = setTimeout(rerun, 50); // one run for an editor's save (write + rename)
      });
    },
  };
}
