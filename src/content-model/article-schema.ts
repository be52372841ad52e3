/**
 * The article schema: what an editor may write in an entry's frontmatter.
 * Kept apart from `content.config.ts` so unit tests can validate data against it directly;
 * the image field is passed in because only Astro's loader can resolve a file beside the entry.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../lib/slug.ts';
import { safeHttpUrl } from '../lib/urls.ts';
import { cleanText } from '../lib/clean-text.ts';
import { describeInvisible, hasVisibleCharacter } from '../lib/visible-text.ts';
import { yamlString } from '../lib/yaml.ts';

/*
 * Messages say what is wrong, never which field: the checks (src/content-model/entry-checks.ts, schemaProblems)
 * put the field's exact path in front, as `<file>: <field>: <problem>`.
 */

/**
 * A text field. Control characters pasted with the copy are cleaned first (src/lib/clean-text.ts:
 * a vertical tab becomes a space, a backspace or NUL disappears), so pages, feeds and cards all get
 * the same clean text; a field with nothing else in it is empty. A text of only invisible characters
 * (a zero-width space, a soft hyphen, bidi marks: src/lib/visible-text.ts) is refused too: it would
 * publish an invisible headline.
 */
const text = () =>
  z
    .string({ error: 'expected text' })
    .overwrite(cleanText)
    .trim()
    .min(1, { error: 'must not be empty' })
    .refine((value) => value === '' || hasVisibleCharacter(value), {
      error: (issue) => `has no visible characters (only ${describeInvisible(String(issue.input))}); write the text itself`,
    });

/** A link in the frontmatter: an absolute http(s) URL, nothing else (no `javascript:`, `data:`, `mailto:` or relative URLs). */
const httpUrl = () => {
  const expected = 'expected an http(s) URL such as https://example.com/staff/jane';
  return z.string({ error: expected }).refine((value) => safeHttpUrl(value) !== undefined, {
    error: (issue) => {
      const value = String(issue.input);
      return `${expected}, got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)}`;
    },
  });
};

/** How many key points (`summary` items) an article has: the one limit for the schema, the importer and the template. */
export const SUMMARY_ITEMS = { min: 1, max: 5 } as const;
const SUMMARY_RANGE = `${SUMMARY_ITEMS.min} to ${SUMMARY_ITEMS.max}`;

/** The example every date message shows. */
const DATE_EXAMPLE = '2022-08-20T09:00:00-04:00';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/**
 * A date as an editor writes it, checked so that it means exactly what it says: a day
 * (`2026-03-05`, midnight UTC) or a date-time with its time zone (`2026-03-05T18:30:00Z`,
 * `2026-03-05T18:30-04:00`). Anything that would not round-trip is refused with the reason:
 * `2026-02-30` (YAML and JavaScript would quietly make it 2 March), `2026` (a number: 1 January 1970),
 * `true`, a time without a zone (it would depend on the build machine's clock settings).
 *
 * A `Date` is accepted as it is: Astro's YAML parser turns unquoted timestamps into Dates before
 * the schema sees them, so the articles loader checks the text as written (see
 * src/content-model/articles-loader.ts) and this function on it.
 */
export function parseEntryDate(value: unknown): { date: Date } | { problem: string } {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { problem: `expected a date such as ${DATE_EXAMPLE}` } : { date: value };
  if (typeof value !== 'string') return { problem: `expected a date such as ${DATE_EXAMPLE}, got ${describeValue(value)}` };
  const written = value.trim();
  const match = DAY.exec(written) ?? DATE_TIME.exec(written);
  if (!match) {
    if (DATE_TIME_WITHOUT_ZONE.test(written)) {
      const t = written.replace(' ', 'T');
      return { problem: `"${written}" has no time zone: add Z for UTC or the offset, e.g. ${t}Z or ${t}-04:00` };
    }
    return { problem: `expected a date such as ${DATE_EXAMPLE}` };
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const notReal = (why: string) => ({ problem: `"${written}" is not a real date: ${why}` });
  if (month < 1 || month > 12) return notReal(`there is no month ${mo}`);
  const days = daysInMonth(year, month);
  if (day < 1) return notReal(`there is no day ${d}`);
  if (day > days) return notReal(`${MONTHS[month - 1]} ${year} has ${days} days`);
  if (hour > 23) return notReal('hours go from 00 to 23');
  if (minute > 59) return notReal('minutes go from 00 to 59');
  if (second > 59) return notReal('seconds go from 00 to 59');
  let offset = 0;
  if (zone !== 'Z') {
    const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zh > 23 || zm > 59) return notReal(`"${zone}" is not a time zone offset`);
    offset = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offset, second, Math.floor(Number(`0${fraction}`) * 1000));
  return { date };
}

/** The schema of a date field (`published`, `updated`, a correction's `date`): see {@link parseEntryDate}. */
export function entryDate() {
  return z.unknown().transform((value, ctx): Date => {
    const result = parseEntryDate(value);
    if ('date' in result) return result.date;
    ctx.addIssue({ code: 'custom', message: result.problem, input: value });
    return z.NEVER;
  });
}

/**
 * "…, got the text "Alex Smith"; write it as:" followed by the right shape, indented under the
 * problem line, e.g. for `byline: "Alex Smith"`:
 * ```
 * byline: expected a list of authors, got the text "Alex Smith"; write it as:
 *     byline:
 *       - name: "Alex Smith"
 * ```
 */
function shapeHint(expected: string, input: unknown, example: string[]): string {
  const got = input === undefined ? '' : `, got ${typeof input === 'string' ? `the text ${yamlString(input)}` : describeValue(input)}`;
  return `${expected}${got}; write it as:\n${example.map((line) => `    ${line}`).join('\n')}`;
}

/** The words of a text written where a list was expected: "Politics, Budget" → two items. */
const asItems = (input: unknown, fallback: string, { split = false } = {}): string[] => {
  const items = typeof input === 'string' ? (split ? input.split(/\s*[,;]\s*/) : [input]).map((s) => s.trim()).filter(Boolean) : [];
  return items.length ? items : [fallback];
};

/** Messages for a field that needs a list but got something else; `undefined` leaves Zod's message for other issues. */
const listError =
  (field: string, expected: string, example: (input: unknown) => string[]) =>
  (issue: { code?: string; input?: unknown }): string | undefined =>
    issue.code === 'invalid_type' && issue.input !== undefined
      ? shapeHint(expected, issue.input, [`${field}:`, ...example(issue.input)])
      : undefined;

/*
 * The fields, built once: Astro calls the collection's schema function for every entry (to give it that
 * entry's image() resolver), and building Zod schemas costs more than checking with them. Only the lead
 * photo's object, which holds the resolver, is built per call; the rest is shared (Zod schemas are immutable).
 */
const FIELDS_BEFORE_IMAGE = {
  /** The headline. */
  title: text(),
  /** Optional one-sentence dek under the headline. */
  standfirst: text().optional(),
  /** Key points: SUMMARY_ITEMS.min to .max bullets. */
  summary: z
    .array(text(), {
      error: (issue) =>
        listError('summary', `expected a list of ${SUMMARY_RANGE} key points`, (input) =>
          asItems(input, 'The first key point.').map((s) => `  - ${yamlString(s)}`),
        )(issue) ?? `expected a list of ${SUMMARY_RANGE} key points`,
    })
    // A refinement rather than .min()/.max(): those would also count the characters of a text given instead of a list.
    .refine((list) => list.length >= SUMMARY_ITEMS.min && list.length <= SUMMARY_ITEMS.max, {
      error: (issue) => `expected ${SUMMARY_RANGE} items, got ${(issue.input as unknown[]).length}`,
    }),
};

/** The lead photo's fields other than its file. */
const IMAGE_FIELDS = {
  alt: text(),
  caption: text().optional(),
  credit: text().optional(),
  /**
   * `true` when the lead photo is deliberately the project's stand-in illustration
   * (scripts/make-standin-image.mjs). Without it a production build refuses a non-draft
   * entry whose lead photo is the stand-in: it is a placeholder that `npm run new` and
   * `npm run import` write until the real photo arrives.
   */
  standIn: z.boolean({ error: 'expected true or false' }).optional(),
};

/** The message of a lead photo given as something other than an object. */
const imageError = (issue: { input?: unknown }) =>
  issue.input === undefined
    ? 'expected src, alt, and optionally caption and credit'
    : shapeHint('expected src, alt, and optionally caption and credit', issue.input, [
        'image:',
        `  src: ${typeof issue.input === 'string' && issue.input.trim() ? issue.input.trim() : './photo.jpg'}`,
        '  alt: "What the photo shows."',
      ]);

const FIELDS_AFTER_IMAGE = {
  /** Authors, when known. */
  byline: z
    .array(
      z.strictObject(
        { name: text(), url: httpUrl().optional() },
        {
          error: (issue) =>
            issue.input === undefined
              ? undefined
              : shapeHint('expected an author with a name', issue.input, [
                  'byline:',
                  `  - name: ${yamlString(asItems(issue.input, 'Alex Smith')[0]!)}`,
                ]),
        },
      ),
      {
        error: listError('byline', 'expected a list of authors', (input) =>
          asItems(input, 'Alex Smith').flatMap((name) => [`  - name: ${yamlString(name)}`]),
        ),
      },
    )
    .default([]),
  /** First publication; shown and used in metadata only when given. */
  published: entryDate().optional(),
  /** Last substantive update. */
  updated: entryDate().optional(),
  /** Section name (e.g. "Politics"), when known. */
  section: text().optional(),
  /** Topic tags. */
  tags: z
    .array(text(), {
      error: listError('tags', 'expected a list of topics', (input) =>
        asItems(input, 'Politics', { split: true }).map((t) => `  - ${yamlString(t)}`),
      ),
    })
    .default([]),
  /**
   * Corrections, each a dated notice shown at the end of the article ("Correction, November 28, 2026: …"),
   * signalled under the headline and carried into the structured data and feeds. Never remove one.
   */
  corrections: z
    .array(
      z.strictObject(
        {
          date: entryDate(),
          text: text(),
        },
        { error: 'expected each item to have a date and a text (date: 2026-11-28T16:30:00Z, text: "…")' },
      ),
      { error: 'expected a list of items, each with a date and a text (see the field table in README.md)' },
    )
    .default([]),
  /** Drafts are built by `astro dev` only. */
  draft: z.boolean({ error: 'expected true or false' }).default(false),
  /** Old slugs of a renamed article: each gets a redirect page to the current URL. */
  redirectFrom: z
    .array(
      z.string({ error: 'expected a list of old slugs' }).regex(SLUG_PATTERN, {
        error: (issue) => `expected old slugs in lowercase words and hyphens, got "${String(issue.input)}"`,
      }),
      {
        error: listError('redirectFrom', 'expected a list of old slugs', (input) =>
          asItems(input, 'old-slug').map((slug) => `  - ${slug}`),
        ),
      },
    )
    .default([]),
};

export function articleSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject({
    ...FIELDS_BEFORE_IMAGE,
    /** The lead photo, a file beside the entry. */
    image: z.strictObject({ src: image, ...IMAGE_FIELDS }, { error: imageError }),
    ...FIELDS_AFTER_IMAGE,
  });
}
