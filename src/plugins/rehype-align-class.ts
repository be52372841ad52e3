/**
 * rehype-align-class: turns the obsolete `align` attribute into a class, `align-left`, `align-center`,
 * `align-right` or `align-justify` (styled in src/styles/global.css). Markdown tables with aligned columns
 * (`| ---: |`) come out of GitHub-flavoured markdown with `align` on every cell, and the markup policy lets
 * authors write it in raw HTML; but `align` is not valid HTML, and a `style` attribute instead would need
 * 'unsafe-inline' under the Content-Security-Policy. Any other value is dropped.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);

export default function rehypeAlignClass() {
  return function transform(tree: Root): void {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties.align;
      if (align === undefined || align === null) return;
      delete node.properties.align;
      const value = String(align).trim().toLowerCase();
      if (!ALIGNMENTS.has(value)) return;
      const classes = node.properties.className;
      const list = Array.isArray(classes) ? classes : classes ? String(classes).split(/\s+/) : [];
      node.properties.className = [...list, `align-${value}`];
    });
  };
}
