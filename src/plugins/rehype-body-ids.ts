/**
 * rehype-body-ids: every id in an article body is unique and can clobber nothing.
 *
 * Runs after the sanitiser, which has already prefixed every id and name the editor wrote with
 * `user-content-` (footnote ids included: remark-rehype makes them unprefixed for that reason).
 *
 * - Each heading gets an id for deep links: `user-content-` + a slug of its text (`## Budget vote` →
 *   `user-content-budget-vote`; `-1`, `-2` when taken; `user-content-heading` when the text has no
 *   letters or digits). Without this, Astro gives headings bare slugs afterwards: `## __pwned` became
 *   `id="__pwned"` (a global in every browser) and `## p4` took the id of paragraph 4.
 * - An id written twice keeps its first use (browsers go to the first anyway), so the page stays valid.
 *
 * Paragraph ids (`p1`, …, rehype-paragraph-ids) are unprefixed and cannot collide with these.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Prefix of heading ids. Default: `"user-content-"`, the sanitiser's prefix. */
  prefix?: string;
}

const HEADING = /^h[1-6]$/;

/** A heading's slug, GitHub style: lower case, letters, marks, digits, `_` and `-` kept, spaces to hyphens. */
function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

export default function rehypeBodyIds(options: Options = {}) {
  const prefix = options.prefix ?? 'user-content-';
  return function transform(tree: Root): void {
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      if (taken.has(id)) delete node.properties.id;
      else taken.add(id);
    });
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || typeof node.properties.id === 'string') return;
      const base = `${prefix}${slugify(toString(node)) || 'heading'}`;
      let id = base;
      for (let n = 1; taken.has(id); n += 1) id = `${base}-${n}`;
      taken.add(id);
      node.properties.id = id;
    });
  };
}
