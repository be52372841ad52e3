/**
 * The validation pass's look at bodies that may render to nothing (src/content-model/empty-body.ts): a body whose
 * markdown has no visible text, code or image is rendered with the site's own chain (Astro's markdown
 * processor with src/plugins/body-plugins.ts, as astro.config.mjs configures it), and refused when the
 * result shows nothing, with what the body holds. Other bodies are not rendered here: the articles
 * loader checks what Astro rendered for every entry as well.
 */
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { emptyBodyProblem, emptyBodyReason, showsNothing } from './empty-body.ts';
import type { EntryProblem } from './entry-checks.ts';
import { bodyProcessor } from '../plugins/body-plugins.ts';

/**
 * A checker that renders with one processor, made on first use. `tree` is the body's tree from parseBody
 * (src/content-model/body-checks.ts) when the caller has parsed it already.
 */
export function emptyBodyChecker(): (file: string, body: string, tree?: Root) => Promise<EntryProblem[]> {
  let renderer: Promise<MarkdownRenderer> | undefined;
  return async (file, body, tree) => {
    if (body.trim() === '') return []; // "is empty" (src/content-model/entry-checks.ts)
    const reason = emptyBodyReason(tree ?? body);
    if (reason === undefined) return [];
    renderer ??= bodyProcessor();
    let html: string;
    try {
      html = (await (await renderer).render(body)).code;
    } catch {
      return []; // a body the chain cannot render fails when Astro renders it, with that error
    }
    return showsNothing(html) ? [emptyBodyProblem(file, reason)] : [];
  };
}
