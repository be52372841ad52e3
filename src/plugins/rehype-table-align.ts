/**
 * rehype-table-align: GFM column alignment (`| ---: |`) as classes instead of the `align` attribute
 * that markdown gives table cells (`<td align="right">`): `align` is obsolete in HTML (html-validate
 * rejects it) and a `style` attribute would break the Content-Security-Policy. So
 * `<td align="right">` becomes `<td class="align-right">`, styled in src/styles/global.css.
 *
 * Only table cells: what an editor may write elsewhere is the markup policy's business (sanitize-schema.ts).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGNMENTS = new Set(['left', 'right', 'center']);

export default function rehypeTableAlign() {
  return function transform(tree: Root): void {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties.align;
      if (align === undefined || align === null) return;
      delete node.properties.align;
      const value = String(align).trim().toLowerCase();
      if (!ALIGNMENTS.has(value)) return;
      const existing: unknown = node.properties.className;
      const classes = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? existing.split(/\s+/) : [];
      node.properties.className = [...classes.filter(Boolean), `align-${value}`];
    });
  };
}
