/**
 * rehype-image-alt: every image in an article body must say what it shows. An `<img>` without
 * alt text (markdown `![](photo.jpg)`, or raw HTML without `alt`) fails the render with a message
 * naming the entry's file and the image: `content/articles/foo/index.md: body: image "x.jpg" has no alt text; …`.
 *
 * The articles loader finds the same images (with {@link imagesWithoutAlt}) in its validation pass,
 * so a build reports them with every other problem before anything is rendered; this plugin is the
 * backstop for whatever renders markdown without that pass.
 */
import path from 'node:path';
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { missingAltText } from '../content-model/entry-checks.ts';
import { hasVisibleCharacter } from '../lib/visible-text.ts';

export interface Options {
  /** Directory that file paths in messages are relative to. Default: `process.cwd()`. */
  cwd?: string;
}

/**
 * The `src` of every image in the tree whose alt text is missing, blank, or only invisible characters
 * (a zero-width space: src/lib/visible-text.ts), in document order.
 */
export function imagesWithoutAlt(tree: Root): string[] {
  const missing: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    const alt = node.properties.alt;
    if (typeof alt !== 'string' || !hasVisibleCharacter(alt)) missing.push(String(node.properties.src ?? '(no src)'));
  });
  return missing;
}

/** The entry's file as the editor knows it: relative to the project when inside it, else absolute. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export default function rehypeImageAlt(options: Options = {}) {
  return function transform(tree: Root, file: VFile): void {
    const missing = imagesWithoutAlt(tree);
    if (missing.length === 0) return;
    const where = file.path ? displayPath(file.path, options.cwd ?? process.cwd()) : 'markdown';
    // A plain Error whose stack is its message: Astro's markdown renderer prints what it catches
    // with console.error, which shows a VFileMessage (file.fail) as a dump of all its fields.
    const error = new Error(`${where}: body: ${missingAltText(missing)}`);
    error.stack = error.message;
    throw error;
  };
}
