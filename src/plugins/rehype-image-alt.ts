/**
 * rehype-image-alt: every image in an article body must say what it shows. An `<img>` without
 * alt text (markdown `![](photo.jpg)`, or raw HTML without `alt`) fails the build with a message
 * naming the entry's file and the image: `content/articles/foo/index.md: body: image "x.jpg" has no alt text`.
 */
import path from 'node:path';
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface Options {
  /** Directory that file paths in messages are relative to. Default: `process.cwd()`. */
  cwd?: string;
}

export default function rehypeImageAlt(options: Options = {}) {
  return function transform(tree: Root, file: VFile): void {
    const missing: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt !== 'string' || alt.trim() === '') missing.push(String(node.properties.src ?? '(no src)'));
    });
    if (missing.length === 0) return;
    const where = file.path ? path.relative(options.cwd ?? process.cwd(), file.path) : 'markdown';
    const list = missing.map((src) => `image "${src}"`).join(', ');
    file.fail(
      `${where}: body: ${list} ${missing.length === 1 ? 'has' : 'have'} no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)`,
    );
  };
}
