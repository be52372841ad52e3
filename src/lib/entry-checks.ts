/**
 * Checks on article entries that Astro's schema validation cannot express, and one message
 * format for every problem: `<file>: <field>: <problem>`, e.g.
 * `content/articles/foo/index.md: summary: expected 1 to 5 items, got 0`.
 *
 * Pure functions: the file-system side (reading entries, opening images) is in
 * src/loaders/articles-loader.ts, which runs these before Astro's own loader.
 */
import type { z } from 'astro/zod';
import { SLUG_PATTERN } from './urls.ts';

/** Headlines longer than this are cut off in link previews (social cards, messengers, search results). */
export const HEADLINE_PREVIEW_LIMIT = 110;

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

/**
 * The slug of an entry path relative to the articles folder (`foo/index.md` → `foo`), or a problem.
 * The slug is the folder name: lowercase words and digits joined by single hyphens.
 */
export function slugOf(entry: string): { slug: string } | { problem: string } {
  const slug = entry.replace(/\/index\.md$/, '');
  if (!entry.endsWith('/index.md') || slug.includes('/') || !SLUG_PATTERN.test(slug)) {
    return {
      problem: `expected <articles folder>/<slug>/index.md with <slug> in lowercase words and hyphens (e.g. "budget-vote-delayed"), got "${entry}"`,
    };
  }
  return { slug };
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
 * Schema issues as problems. The schema's messages may start with the field's own label
 * ("summary: expected …"); that label is replaced by the exact field path.
 */
export function schemaProblems(file: string, data: unknown, issues: readonly z.core.$ZodIssue[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          field: fieldName([...issue.path, key]),
          problem: 'unknown field (a typo?); see the field table in README.md',
          level: 'error',
        });
      }
      continue;
    }
    const field = fieldName(issue.path);
    const missing = issue.path.length > 0 && valueAt(data, issue.path) === undefined;
    const message = issue.message.replace(/^[\w. ]+: /, '');
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
