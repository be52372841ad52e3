/**
 * Checks on article entries that Astro's schema validation cannot express, and one message
 * format for every problem: `<file>: <field>: <problem>`, e.g.
 * `content/articles/foo/index.md: summary: expected 1 to 5 items, got 0`.
 *
 * Pure functions: the file-system side (reading entries, opening images) is in
 * src/content-model/articles-loader.ts, which runs these before Astro's own loader.
 */
import type { z } from 'astro/zod';
import { closestMatch } from '../lib/edit-distance.ts';
import { PLACEHOLDER_TEXTS } from '../authoring/entry-template.ts';
import { STANDIN_ALT } from '../authoring/standin.ts';

/** Headlines longer than this are cut off in link previews (social cards, messengers, search results). */
const HEADLINE_PREVIEW_LIMIT = 110;

export interface EntryProblem {
  /** The entry's file, as the editor knows it (e.g. `content/articles/foo/index.md`). */
  file: string;
  /** The frontmatter field (`summary`, `image.alt`, `summary item 2`), or `slug`, `body`, `frontmatter`. */
  field: string;
  problem: string;
  /** Errors stop the build; warnings are printed. */
  level: 'error' | 'warning';
}

export function formatProblem(p: EntryProblem): string {
  return `${p.file}: ${p.field}: ${p.problem}`;
}

/** All problems as one message: errors first, then warnings, each on its own line. */
export function formatProblems(problems: readonly EntryProblem[]): string {
  const errors = problems.filter((p) => p.level === 'error');
  const warnings = problems.filter((p) => p.level === 'warning');
  const lines: string[] = [];
  if (errors.length) {
    lines.push(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the articles:`, ...errors.map(formatProblem));
  }
  if (warnings.length) lines.push(...warnings.map((w) => `warning: ${formatProblem(w)}`));
  return lines.join('\n');
}

/** Entries whose slugs collide (compared case-insensitively, as some file systems do). */
export function duplicateSlugs(entries: readonly { file: string; slug: string }[]): EntryProblem[] {
  const byKey = new Map<string, { file: string; slug: string }[]>();
  for (const e of entries) {
    const key = e.slug.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  const problems: EntryProblem[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const e of group) {
      const others = group.filter((o) => o !== e).map((o) => o.file);
      problems.push({ file: e.file, field: 'slug', problem: `"${e.slug}" is also used by ${others.join(', ')}`, level: 'error' });
    }
  }
  return problems;
}

/** `['summary', 1]` → `summary item 2`; `['image', 'alt']` → `image.alt`. Items are counted from 1, as editors do. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += ` item ${key + 1}`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name || 'frontmatter';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Every field a schema knows, as dotted paths without item numbers: `title`, `image.src`,
 * `byline.name`, … (list items and optional/default wrappers are looked through).
 */
export function fieldPaths(schema: z.ZodType): string[] {
  const paths: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
          const path = prefix ? `${prefix}.${key}` : key;
          paths.push(path);
          walk(child, path);
        }
        return;
      case 'array':
        return walk(def.element, prefix);
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'readonly':
      case 'catch':
        return walk(def.innerType, prefix);
      case 'pipe':
        return walk(def.in, prefix);
      default:
        return;
    }
  };
  walk(schema, '');
  return paths;
}

/**
 * What to say about an unknown field `key` found in the object at `parent` (a dotted path without
 * item numbers, '' for the top level): the closest field there ("did you mean `summary`?"), else a
 * field of that name elsewhere ("did you mean `caption` under `image:`?").
 */
export function unknownFieldProblem(key: string, parent: string, known: readonly string[]): string {
  const depth = parent ? parent.split('.').length + 1 : 1;
  const here = known.filter((f) => f.split('.').length === depth && (parent === '' || f.startsWith(`${parent}.`)));
  const name = (f: string) => f.split('.').at(-1)!;
  const sibling = closestMatch(key, here.map(name));
  if (sibling) return `unknown field; did you mean \`${sibling}\`?`;
  const elsewhere = known.filter((f) => !here.includes(f));
  const match = closestMatch(key, elsewhere.map(name));
  if (match) {
    const field = elsewhere.find((f) => name(f) === match)!;
    const where = field.includes('.') ? `under \`${field.split('.').slice(0, -1).join('.')}:\`` : 'at the top level, not indented';
    return `unknown field here; did you mean \`${match}\` ${where}?`;
  }
  return 'unknown field (a typo?); see the field table in README.md';
}

/**
 * Schema issues as problems, each named by the exact field path of the issue (the schema's messages never
 * name their field). Given the schema's `fieldPaths`, an unknown field gets the closest known one as a suggestion.
 */
export function schemaProblems(
  file: string,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  known: readonly string[] = [],
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const parent = issue.path
        .filter((k) => typeof k !== 'number')
        .map(String)
        .join('.');
      for (const key of issue.keys) {
        problems.push({ file, field: fieldName([...issue.path, key]), problem: unknownFieldProblem(key, parent, known), level: 'error' });
      }
      continue;
    }
    const field = fieldName(issue.path);
    const missing = issue.path.length > 0 && valueAt(data, issue.path) === undefined;
    const message = issue.message;
    const problem = !missing ? message : message === 'expected text' ? 'required, but missing' : `required, but missing (${message})`;
    problems.push({ file, field, problem, level: 'error' });
  }
  return problems;
}

/** An entry's body must have words in it. */
export function bodyProblems(file: string, body: string): EntryProblem[] {
  return body.trim() === ''
    ? [{ file, field: 'body', problem: 'is empty: write the article below the closing "---" of the frontmatter', level: 'error' }]
    : [];
}

/** Warnings that do not stop the build. */
export function headlineWarnings(file: string, title: unknown): EntryProblem[] {
  if (typeof title !== 'string') return [];
  const length = [...title.trim()].length;
  return length > HEADLINE_PREVIEW_LIMIT
    ? [
        {
          file,
          field: 'title',
          problem: `${length} characters; link previews cut headlines after about ${HEADLINE_PREVIEW_LIMIT}`,
          level: 'warning',
        },
      ]
    : [];
}

/** Image formats the build can size and convert. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;

/** The lead image path must point at a file beside (or below) the entry, not at a URL. */
export function imagePathProblem(src: unknown): string | undefined {
  if (typeof src !== 'string' || src.trim() === '') return undefined; // the schema reports it
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return `expected a file beside index.md (e.g. ./photo.jpg), got the URL "${src}"`;
  }
  if (src.startsWith('/')) return `expected a path relative to index.md (e.g. ./photo.jpg), got "${src}"`;
  return undefined;
}

/** An old slug in `redirectFrom` must not be a current article's slug, nor be claimed by two entries. */
export function redirectProblems(entries: readonly { file: string; slug: string; redirectFrom: unknown }[]): EntryProblem[] {
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  const claims = new Map<string, { file: string; slug: string }[]>();
  const problems: EntryProblem[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry.redirectFrom)) continue; // the schema reports it
    for (const old of new Set(entry.redirectFrom.filter((o): o is string => typeof o === 'string'))) {
      const live = bySlug.get(old);
      if (live === entry) {
        problems.push({
          file: entry.file,
          field: 'redirectFrom',
          problem: `"${old}" is this article's own slug; list only slugs it had before`,
          level: 'error',
        });
      } else if (live) {
        problems.push({
          file: entry.file,
          field: 'redirectFrom',
          problem: `"${old}" is the slug of another article (${live.file}); an old slug must not be in use: remove it here, or rename that article`,
          level: 'error',
        });
      }
      claims.set(old, [...(claims.get(old) ?? []), entry]);
    }
  }
  for (const [old, claimants] of claims) {
    if (claimants.length < 2) continue;
    for (const entry of claimants) {
      const others = claimants.filter((c) => c !== entry).map((c) => c.file);
      problems.push({
        file: entry.file,
        field: 'redirectFrom',
        problem: `"${old}" is also listed by ${others.join(', ')}; an old URL can lead to one article only`,
        level: 'error',
      });
    }
  }
  return problems;
}

/** The message for body images without alt text (also thrown by src/plugins/rehype-image-alt.ts while rendering). */
export function missingAltText(srcs: readonly string[]): string {
  const list = srcs.map((src) => `image "${src}"`).join(', ');
  return `${list} ${srcs.length === 1 ? 'has' : 'have'} no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)`;
}

/** Body images without alt text, found before anything is rendered. */
export function bodyImageProblems(file: string, srcs: readonly string[]): EntryProblem[] {
  return srcs.length ? [{ file, field: 'body', problem: missingAltText(srcs), level: 'error' }] : [];
}

function stringsIn(value: unknown, path: PropertyKey[], out: { path: PropertyKey[]; text: string }[]): typeof out {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsIn(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringsIn(v, [...path, k], out);
  return out;
}

/**
 * Text from the `npm run new` template (src/authoring/entry-template.ts) left in an entry: in a
 * non-draft entry it would be published. `level` is 'error' for production builds and
 * 'warning' in `astro dev`.
 */
export function placeholderProblems(
  file: string,
  frontmatter: unknown,
  body: string,
  level: EntryProblem['level'] = 'error',
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const fix = 'write your own text, or keep the entry a draft (draft: true)';
  for (const { path, text } of stringsIn(frontmatter, [], [])) {
    const placeholder = PLACEHOLDER_TEXTS.find((p) => text.includes(p));
    if (placeholder)
      problems.push({ file, field: fieldName(path), problem: `still has the template's placeholder "${placeholder}": ${fix}`, level });
  }
  const inBody = PLACEHOLDER_TEXTS.find((p) => body.includes(p));
  if (inBody) problems.push({ file, field: 'body', problem: `still has the template's placeholder "${inBody}": ${fix}`, level });
  return problems;
}

/**
 * The lead photo and its alt text against the stand-in: the stand-in as the lead photo of a non-draft
 * entry needs `image.standIn: true`; the stand-in's alt text under another photo describes the wrong picture.
 */
export function standinProblems(
  file: string,
  image: { src: string; alt?: unknown; standIn?: unknown },
  isStandin: boolean,
  level: EntryProblem['level'] = 'error',
): EntryProblem[] {
  if (isStandin && image.standIn !== true) {
    return [
      {
        file,
        field: 'image.src',
        problem: `"${image.src}" is the project's stand-in illustration, not the story's photo: put the real photo there (with its alt, caption and credit), keep the entry a draft (draft: true), or, if the stand-in is deliberate, add "standIn: true" under image`,
        level,
      },
    ];
  }
  if (!isStandin && image.alt === STANDIN_ALT) {
    return [
      {
        file,
        field: 'image.alt',
        problem: `describes the stand-in illustration, but "${image.src}" is another picture: say what this photo shows`,
        level,
      },
    ];
  }
  return [];
}
