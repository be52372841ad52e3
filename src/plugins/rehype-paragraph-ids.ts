/**
 * rehype-paragraph-ids: gives every paragraph of the body a stable `id` (`p1`, `p2`, …, in
 * document order) so any paragraph can be linked to with `#p3`. A paragraph that already has
 * an id keeps it, and a generated id never collides with an id already in the document.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Prefix of generated ids. Default: `"p"`. */
  prefix?: string;
}

export default function rehypeParagraphIds(options: Options = {}) {
  const prefix = options.prefix ?? 'p';
  return function transform(tree: Root): void {
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    let count = 0;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'p') return;
      count += 1;
      if (node.properties.id !== undefined && node.properties.id !== null) return;
      let id = `${prefix}${count}`;
      for (let n = 2; taken.has(id); n += 1) id = `${prefix}${count}-${n}`;
      taken.add(id);
      node.properties.id = id;
    });
  };
}
