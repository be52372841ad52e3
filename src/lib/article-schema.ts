/**
 * The article schema: what an editor may write in an entry's frontmatter.
 * Kept apart from `content.config.ts` so unit tests can validate data against it directly;
 * the image field is passed in because only Astro's loader can resolve a file beside the entry.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from './urls.ts';
import { cleanText } from './clean-text.ts';

/**
 * A text field. Control characters pasted with the copy are cleaned first (src/lib/clean-text.ts:
 * a vertical tab becomes a space, a backspace or NUL disappears), so pages, feeds and cards all get
 * the same clean text; a field with nothing else in it is empty.
 */
const text = (field: string) =>
  z.string({ error: `${field}: expected text` }).overwrite(cleanText).trim().min(1, { error: `${field}: must not be empty` });

export function articleSchema<Image extends z.ZodType>(image: Image) {
  return z.strictObject({
    /** The headline. */
    title: text('title'),
    /** Optional one-sentence dek under the headline. */
    standfirst: text('standfirst').optional(),
    /** Key points: 1 to 5 bullets. */
    summary: z
      .array(text('summary item'), { error: 'summary: expected a list of 1 to 5 key points' })
      .min(1, { error: (issue) => `summary: expected 1 to 5 items, got ${(issue.input as unknown[]).length}` })
      .max(5, { error: (issue) => `summary: expected 1 to 5 items, got ${(issue.input as unknown[]).length}` }),
    /** The lead photo, a file beside the entry. */
    image: z.strictObject(
      {
        src: image,
        alt: text('image.alt'),
        caption: text('image.caption').optional(),
        credit: text('image.credit').optional(),
      },
      { error: 'image: expected src, alt, and optionally caption and credit' },
    ),
    /** Authors, when known. */
    byline: z
      .array(z.strictObject({ name: text('byline name'), url: z.url({ error: 'byline url: expected an absolute URL' }).optional() }))
      .default([]),
    /** First publication; shown and used in metadata only when given. */
    published: z.coerce.date({ error: 'published: expected a date such as 2022-08-20T09:00:00-04:00' }).optional(),
    /** Last substantive update. */
    updated: z.coerce.date({ error: 'updated: expected a date such as 2022-08-21T10:00:00-04:00' }).optional(),
    /** Section name (e.g. "Politics"), when known. */
    section: text('section').optional(),
    /** Topic tags. */
    tags: z.array(text('tag')).default([]),
    /** Drafts are built by `astro dev` only. */
    draft: z.boolean({ error: 'draft: expected true or false' }).default(false),
    /** Old slugs of a renamed article: each gets a redirect page to the current URL. */
    redirectFrom: z
      .array(
        z.string({ error: 'redirectFrom: expected a list of old slugs' }).regex(SLUG_PATTERN, {
          error: (issue) => `redirectFrom: expected old slugs in lowercase words and hyphens, got "${String(issue.input)}"`,
        }),
      )
      .default([]),
  });
}
