/**
 * The markup policy for article bodies: what raw HTML in an entry may keep. Built on
 * rehype-sanitize's GitHub-style `defaultSchema`, narrowed for news pages:
 *
 * - no script, style, iframe, object, embed, form controls, base, meta, link, SVG or MathML
 *   (a complete block of them is removed with its content, so no code or CSS shows up as text;
 *   the same names written inside a sentence are shown as text by remark-literal-html, before
 *   the HTML parser can read them);
 * - no event-handler (`on…`) or `style` attributes: only the attributes listed below survive;
 * - URLs: `href` may be http(s), mailto or relative (so no `javascript:`, `data:` or `vbscript:`
 *   URLs, however they are encoded); an image's `src` may only be a path on this site
 *   (`LOCAL_URL`, src/lib/urls.ts): images from other sites are refused when entries are checked
 *   (src/content-model/remote-images.ts), and dropped here should one get through. No `srcset`, `<picture>`
 *   or `<source>`: the build makes the responsive versions of body images itself.
 * - ids and names written by the editor are prefixed `user-content-` so they cannot clobber
 *   globals or our own ids. Our paragraph ids (`p1`, …) are added after sanitising and stay as they are.
 * - adds the elements news copy uses and GitHub's list lacks: figure, figcaption, cite,
 *   abbr, time, small, mark, u, and the harmless text ones wbr, bdi, bdo, dfn (a tag that is not
 *   allowed is shown as text when written in a sentence, so these must be allowed to work), and a table's
 *   caption (which also names its scrolling region).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { LOCAL_URL } from '../lib/urls.ts';

const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'method', 'encType', 'accessKey', 'tabIndex']);

/** Elements removed together with everything inside them. */
export const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noembed',
  'noframes',
  'xmp',
  'title',
  'textarea',
  'select',
  'button',
  'svg',
  'math',
  'base',
  'meta',
  'link',
];

/** GitHub's elements that news bodies do not get: form inputs, and `picture`/`source` (their `srcset` would load any URL). */
const NOT_ALLOWED = new Set(['input', 'picture', 'source']);

export const newsSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => !NOT_ALLOWED.has(t)),
    'figure',
    'figcaption',
    'cite',
    'abbr',
    'time',
    'small',
    'mark',
    'u',
    'wbr',
    'bdi',
    'bdo',
    'dfn',
    'caption',
  ],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => !NOT_ALLOWED.has(tag))),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => typeof a !== 'string' || !FORM_ATTRIBUTES.has(a)),
    img: [...(defaultSchema.attributes?.img ?? []).filter((a) => a !== 'src'), ['src', LOCAL_URL]],
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

/** The elements a body may contain, lower case. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(newsSchema.tagNames);
