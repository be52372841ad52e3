/**
 * rehype-fragment-links: every link within the article (`href="#…"`) lands on something in it.
 *
 * The sanitiser prefixes the ids and names editors write (`id="intro"` → `user-content-intro`), and
 * footnotes and headings get prefixed ids too, so `#intro`, `#fn-1` or `#background` as written would
 * land nowhere. Each fragment is looked up after all ids are set: an id or `<a name>` of the body as
 * written (our `p3`), else the same with the sanitiser's prefix. A fragment that matches nothing fails
 * the build, naming the file and the link (`#top` and `#`, which mean the top of the page, are kept).
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface Options {
  /** The sanitiser's prefix for authored ids. Default: `"user-content-"`. */
  prefix?: string;
  /** Directory that file paths in messages are relative to. Default: `process.cwd()`. */
  cwd?: string;
}

/** Fragments that need no target: the top of the page. */
const TOP = new Set(['', 'top']);

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export default function rehypeFragmentLinks(options: Options = {}) {
  const prefix = options.prefix ?? 'user-content-';
  return function transform(tree: Root, file: VFile): void {
    const targets = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') targets.add(node.properties.id);
      if (node.tagName === 'a' && typeof node.properties.name === 'string') targets.add(node.properties.name);
    });
    const broken: string[] = [];
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = decode(href.slice(1));
      if (TOP.has(fragment.toLowerCase()) || targets.has(fragment)) return;
      if (targets.has(prefix + fragment)) node.properties.href = `#${prefix}${fragment}`;
      else broken.push(href);
    });
    if (broken.length === 0) return;
    const where = file.path ? path.relative(options.cwd ?? process.cwd(), file.path) : 'markdown';
    const list = broken.map((href) => `link "${href}"`).join(', ');
    file.fail(
      `${where}: body: ${list} ${broken.length === 1 ? 'points' : 'point'} at nothing in the article; link to a paragraph (#p3), a heading, a footnote or an id written in the article, or remove the link`,
    );
  };
}
