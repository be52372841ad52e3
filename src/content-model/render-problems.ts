/**
 * Errors thrown while an entry's body is rendered (by any remark or rehype plugin, ours or a
 * library's), as problems in the one message form: `<file>: body: <problem>`.
 *
 * Astro's glob loader catches such an error, logs `Error rendering <entry>: <message>` and stores the
 * entry without a body; src/content-model/articles-loader.ts reads that log line (parseRenderError) and
 * turns it into a failure (renderProblem). Pure functions.
 */
import type { EntryProblem } from './entry-checks.ts';

/** The entry path and message of a glob loader log line `Error rendering <entry>: <message>`. */
export function parseRenderError(line: string): { entry: string; message: string } | undefined {
  const match = /^Error rendering (.+?\.md): ([\s\S]*)$/.exec(line);
  return match ? { entry: match[1]!, message: match[2]! } : undefined;
}

/** Known failures, with what to change in the entry. */
const HINTS: { test: RegExp; problem: (message: string) => string }[] = [
  {
    test: /URI malformed/i,
    problem: () =>
      'cannot be rendered: a link or image address contains a "%" that is not followed by two hex digits (URI malformed); write a literal % as %25, e.g. 50%25-off.jpg',
  },
  {
    // A RangeError, or a SyntaxError from a regular expression compiled when the stack ran out.
    test: /Maximum call stack size exceeded|\bStack overflow\b/i,
    problem: () =>
      'cannot be rendered: the text is nested too deeply (the renderer ran out of stack), e.g. thousands of HTML elements or emphases one inside another; flatten it',
  },
];

/**
 * A render error as a problem of the entry's body. The renderer's own wrapping ("Failed to parse
 * Markdown file …") and a `<file>: body: ` prefix that a plugin already wrote are removed, and the rest
 * is kept on one line.
 */
export function renderProblem(file: string, message: string): EntryProblem {
  const unwrapped = message.replace(/^\s*Failed to parse Markdown file "[^"]*":\s*/, '');
  // Our plugins write messages for editors already (`<file>: body: image "x.jpg" has no alt text; …`).
  const own = /^[^\n]*?\.md: body: /.exec(unwrapped);
  const text = unwrapped
    .slice(own ? own[0].length : 0)
    .replace(/\s+/g, ' ')
    .trim();
  const hint = HINTS.find((h) => h.test.test(text));
  const problem = hint ? hint.problem(text) : own ? text : `cannot be rendered: ${text || 'unknown error'}`;
  return { file, field: 'body', problem, level: 'error' };
}

/** An entry stored without a rendered body although no error was logged for it (should not happen). */
export function unrenderedProblem(file: string): EntryProblem {
  return { file, field: 'body', problem: 'was not rendered (no error was reported); run the build again', level: 'error' };
}

/**
 * The last guard, on the article page: an entry about to be published must have its rendered body and
 * its reading time (from remark-reading-time). A problem when it does not, else undefined.
 */
export function unpublishableRender(file: string, html: string | undefined, readingTime: unknown): EntryProblem | undefined {
  if (html === undefined || html.trim() === '') {
    return {
      file,
      field: 'body',
      problem: 'has no rendered text: the page would publish an empty article; see the errors above',
      level: 'error',
    };
  }
  if (typeof readingTime !== 'number' || !Number.isFinite(readingTime)) {
    return {
      file,
      field: 'body',
      problem: `has no reading time (got ${String(readingTime)}); is remark-reading-time in astro.config.mjs?`,
      level: 'error',
    };
  }
  return undefined;
}
