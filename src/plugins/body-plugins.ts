/**
 * The rehype half of the article-body pipeline, in order. astro.config.mjs uses this list, and
 * tests/unit/body-pipeline.test.ts runs the same list in a real unified processor.
 *
 * 1. rehype-raw: raw HTML in an entry becomes elements the next plugins can see.
 * 2. rehype-sanitize with the news markup policy (sanitize-schema.ts): anything that could run
 *    script, restyle or re-base the page is removed.
 * 3. rehype-external-links: links to other sites get rel="noopener noreferrer".
 * 4. rehype-align-class: the obsolete `align` attribute (aligned table columns) becomes a class.
 * 5. rehype-paragraph-ids: stable `p1`, `p2`, … ids, added after sanitising so they are kept as they are.
 * 6. rehype-image-alt: the build fails on a body image without alt text.
 */
import type { RehypePlugin } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeAlignClass from './rehype-align-class.ts';
import rehypeParagraphIds from './rehype-paragraph-ids.ts';
import rehypeImageAlt from './rehype-image-alt.ts';
import { newsSchema } from './sanitize-schema.ts';

export const bodyRehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[] = [
  rehypeRaw as RehypePlugin,
  [rehypeSanitize as RehypePlugin, newsSchema],
  [rehypeExternalLinks as RehypePlugin, { rel: ['noopener', 'noreferrer'] }],
  rehypeAlignClass as RehypePlugin,
  rehypeParagraphIds as RehypePlugin,
  rehypeImageAlt as RehypePlugin,
];
