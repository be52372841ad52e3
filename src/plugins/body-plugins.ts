/**
 * The rehype half of the article-body pipeline, in order. astro.config.mjs uses this list, and
 * tests/unit/body-pipeline.test.ts runs the same list in a real unified processor.
 *
 * 1. rehype-raw: raw HTML in an entry becomes elements the next plugins can see.
 * 2. rehype-sanitize with the news markup policy (sanitize-schema.ts): anything that could run
 *    script, restyle or re-base the page is removed.
 * 2a. rehype-clean-text: control characters pasted with the copy (a vertical tab, a backspace) are
 *    removed or become a space, so no feed or page carries them (src/lib/clean-text.ts).
 * 3. rehype-external-links: links to other sites get rel="noopener noreferrer".
 * 4. rehype-paragraph-ids: stable `p1`, `p2`, … ids, added after sanitising so they are kept as they are.
 * 5. rehype-image-alt: the build fails on a body image without alt text.
 * 6. rehype-table-scroll: each table is wrapped in a named, focusable region that scrolls sideways,
 *    so a wide table never makes the page scroll (after sanitising, which would drop its attributes).
 * 7. rehype-table-align: column alignment as classes, not the obsolete `align` attribute.
 */
import type { RehypePlugin } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeImageAlt from './rehype-image-alt.ts';
import rehypeCleanText from './rehype-clean-text.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import rehypeTableAlign from './rehype-table-align.ts';
import { newsSchema } from './sanitize-schema.ts';

export const bodyRehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[] = [
  rehypeRaw as RehypePlugin,
  [rehypeSanitize as RehypePlugin, newsSchema],
  rehypeCleanText as RehypePlugin,
  [rehypeExternalLinks as RehypePlugin, { rel: ['noopener', 'noreferrer'] }],
  rehypeParagraphIds as RehypePlugin,
  rehypeImageAlt as RehypePlugin,
  rehypeTableScroll as RehypePlugin,
  rehypeTableAlign as RehypePlugin,
];
