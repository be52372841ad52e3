/**
 * The article-body pipeline, in order. astro.config.mjs uses these lists, and the unit tests
 * (tests/support/render-body.ts) run the same lists in a real unified processor and in Astro's own.
 *
 * Remark (markdown tree):
 * 1. remark-literal-html: raw HTML that would swallow the editor's words (an element name written in
 *    a sentence, a `<!--` never closed) is read as text.
 *
 * remark-rehype (`bodyRemarkRehypeOptions`): footnote ids come out unprefixed; the sanitiser prefixes them
 * like every other id, and rehype-fragment-links points the footnote links at them.
 *
 * Rehype (HTML tree):
 * 1. rehype-raw: raw HTML in an entry becomes elements the next plugins can see.
 * 2. rehype-sanitize with the news markup policy (sanitize-schema.ts): anything that could run
 *    script, restyle or re-base the page, or load from another site, is removed.
 * 3. rehype-clean-text: control characters pasted with the copy (a vertical tab, a backspace) are
 *    removed or become a space, so no feed or page carries them (src/lib/clean-text.ts).
 * 4. rehype-external-links: links to other sites get rel="noopener noreferrer".
 * 5. rehype-body-ids: headings get prefixed ids; an id used twice keeps its first use.
 * 6. rehype-paragraph-ids: stable `p1`, `p2`, … ids, added after sanitising so they are kept as they are.
 * 7. rehype-fragment-links: `#…` links land on an id in the body, or the build fails naming the link.
 * 8. rehype-image-alt: the build fails on a body image without alt text.
 * 9. rehype-table-scroll: each table is wrapped in a named, focusable region that scrolls sideways,
 *    so a wide table never makes the page scroll (after sanitising, which would drop its attributes).
 * 10. rehype-align-class: the obsolete `align` attribute (aligned table columns, or written in raw HTML)
 *    becomes a class.
 */
import {
  createMarkdownProcessor,
  type MarkdownRenderer,
  type RehypePlugin,
  type RemarkPlugin,
  type RemarkRehype,
} from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeExternalLinks from 'rehype-external-links';
import remarkLiteralHtml from './remark-literal-html.ts';
import rehypeBodyIds from './rehype-body-ids.ts';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeFragmentLinks from './rehype-fragment-links.ts';
import rehypeImageAlt from './rehype-image-alt.ts';
import rehypeCleanText from './rehype-clean-text.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import rehypeAlignClass from './rehype-align-class.ts';
import { newsSchema } from './sanitize-schema.ts';

export const bodyRemarkPlugins: (RemarkPlugin | [RemarkPlugin, unknown])[] = [remarkLiteralHtml as RemarkPlugin];

export const bodyRemarkRehypeOptions: RemarkRehype = { clobberPrefix: '' };

export const bodyRehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[] = [
  rehypeRaw as RehypePlugin,
  [rehypeSanitize as RehypePlugin, newsSchema],
  rehypeCleanText as RehypePlugin,
  [rehypeExternalLinks as RehypePlugin, { rel: ['noopener', 'noreferrer'] }],
  rehypeBodyIds as RehypePlugin,
  rehypeParagraphIds as RehypePlugin,
  rehypeFragmentLinks as RehypePlugin,
  rehypeImageAlt as RehypePlugin,
  rehypeTableScroll as RehypePlugin,
  rehypeAlignClass as RehypePlugin,
];

/**
 * A processor that renders a body the way the site does (GFM, quotes kept as written, no highlighting: the
 * settings of astro.config.mjs), for the checks that render a body before Astro does. A check that needs its own
 * rehype step passes the rehype list to use.
 */
export function bodyProcessor(rehypePlugins = bodyRehypePlugins): Promise<MarkdownRenderer> {
  return createMarkdownProcessor({
    gfm: true,
    smartypants: false,
    syntaxHighlight: false,
    remarkPlugins: bodyRemarkPlugins,
    remarkRehype: bodyRemarkRehypeOptions,
    rehypePlugins,
  });
}
