/**
 * rehype-table-scroll: wraps every table of the body in a region that scrolls sideways, so a table
 * wider than the column scrolls on its own instead of making the whole page scroll:
 *
 *   <section class="table-scroll" aria-label="Table 1" tabindex="0"><table>…</table></section>
 *
 * The region is focusable (tabindex 0), so keyboard users can scroll it with the arrow keys, and has
 * a name: the table's caption or `aria-label` when it has one, else "Table N" (N counting the body's
 * tables), so every region's name is different. A named <section> is a region landmark, as
 * `role="region"` would be. The CSS is `.table-scroll` in src/styles/global.css.
 *
 * Runs after the sanitiser (which would drop `tabindex` and `aria-label` on a <section>).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface Options {
  /** Class of the wrapper. Default: `"table-scroll"`. */
  className?: string;
  /** Name of an uncaptioned table, before its number. Default: `"Table"`. */
  label?: string;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (t: Text) => {
    text += t.value;
  });
  return text;
}

function tableName(table: Element): string | undefined {
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const captionText = caption && norm(textOf(caption));
  if (captionText) return captionText;
  const ariaLabel = table.properties.ariaLabel;
  return typeof ariaLabel === 'string' && norm(ariaLabel) ? norm(ariaLabel) : undefined;
}

export default function rehypeTableScroll(options: Options = {}) {
  const className = options.className ?? 'table-scroll';
  const label = options.label ?? 'Table';
  return function transform(tree: Root): void {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return undefined;
      count += 1;
      const wrapper: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: [className], ariaLabel: tableName(node) ?? `${label} ${count}`, tabIndex: 0 },
        children: [node as ElementContent],
      };
      parent.children[index] = wrapper;
      return SKIP; // tables inside this table (rare) scroll with it
    });
  };
}
