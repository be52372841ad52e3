/**
 * The markup policy for article bodies: what raw HTML in an entry may keep. Built on
 * rehype-sanitize's GitHub-style `defaultSchema`, narrowed for news pages:
 *
 * - no script, style, iframe, object, embed, form controls, base, meta, link, SVG or MathML
 *   (these are removed with their content, so no code or CSS shows up as text);
 * - no event-handler (`on…`) or `style` attributes: only the attributes listed below survive;
 * - URLs: `href` may be http(s), mailto or relative; `src` http(s) or relative (so no
 *   `javascript:`, `data:` or `vbscript:` URLs, however they are encoded);
 * - ids and names written by the editor are prefixed `user-content-` so they cannot clobber
 *   globals or our own ids. Our paragraph ids (`p1`, …) are added after sanitising and stay as they are.
 * - adds the elements news copy uses and GitHub's list lacks: figure, figcaption, cite,
 *   abbr, time, small, mark, u, and a table's caption (which also names its scrolling region).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'method', 'encType', 'accessKey', 'tabIndex']);

/** Elements removed together with everything inside them. */
export const STRIPPED = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'noembed', 'noframes', 'xmp', 'title', 'textarea', 'select', 'button', 'svg', 'math', 'base', 'meta', 'link',
];

export const newsSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'figure', 'figcaption', 'cite', 'abbr', 'time', 'small', 'mark', 'u', 'caption'],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => tag !== 'input')),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => typeof a !== 'string' || !FORM_ATTRIBUTES.has(a)),
    abbr: ['title'],
    time: ['dateTime'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  required: {},
  strip: STRIPPED,
};
