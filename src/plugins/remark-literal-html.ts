/**
 * remark-literal-html: raw HTML that would swallow the editor's words is read as text instead.
 *
 * Markdown hands raw HTML to the HTML parser (rehype-raw) one piece at a time, and the parser keeps
 * its state from piece to piece: `The attackers hid a <select> tag in the page.` opens a `<select>`
 * that takes in the rest of the article, `<script>`, `<style>`, `<title>`, `<textarea>`, `<xmp>`,
 * `<iframe>`, `<noscript>` read everything after them as their own text, `<template>`, `<svg>` and
 * `<math>` take what follows inside them, and the sanitiser then removes those elements with all they
 * contain. This step runs on the markdown tree, before any of that:
 *
 * - **Inside a sentence** (inline HTML: one node per tag), a tag of an element the markup policy does
 *   not allow (sanitize-schema.ts), and a `<?…>`, `<!…>` or `<![CDATA[…]]>` that the parser would drop,
 *   become text, shown as written: `<select>` stays `<select>` on the page. Allowed tags (`<b>`, `<abbr>`,
 *   …) and comments stay HTML.
 * - **A block of HTML** (a flow `html` node) that has words of its own is treated the same way: its tags
 *   of elements the policy does not allow are shown as text (`<form> tags were injected.` at the start of
 *   a line). A block of markup only (`<script>…</script>`, an `<iframe>` embed: no words outside what the
 *   sanitiser removes) stays HTML, and the sanitiser removes it.
 * - Whatever in a block would still swallow what follows it (an element, comment or tag that never ends)
 *   has its opening `<` written `&lt;`. When that `<` is the block's first character, the block was never
 *   meant as HTML (`<script> tags are …` at the start of a line, a `<!--` or `<pre>` never closed), so the
 *   markdown is read again with it escaped, and the lines read as the paragraphs the editor wrote.
 *
 * Whether a block swallows is asked of the real HTML parser: the block is parsed with a paragraph
 * after it (as the article's next paragraph would follow it), and that paragraph must come out whole,
 * outside anything the sanitiser removes. Escaping can only turn markup into text, never text into
 * markup. Re-reading adds three characters per escape, so columns in later messages may be off by that.
 */
import path from 'node:path';
import type { Html, Parent, Root, RootContent, Text } from 'mdast';
import type { Element, Nodes as HastNodes } from 'hast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { ALLOWED_ELEMENTS, STRIPPED } from './sanitize-schema.ts';

export interface Options {
  /** Directory that file paths in messages are relative to. Default: `process.cwd()`. */
  cwd?: string;
}

/** Containers whose `html` children are blocks; in any other parent an `html` node is one inline tag. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Elements whose content never reaches the page: what the sanitiser strips, and `plaintext`, which ends all markup. */
const SWALLOWING = new Set([...STRIPPED, 'plaintext']);

/** Text that cannot occur in an article (private-use characters): marks the paragraph that follows a block. */
const MARK = '\uE000next paragraph\uE001';

/** HTML blocks (CommonMark kinds 1 and 2) that run to their end marker, or to the end of the document without one. */
const RUN_TO_END: [RegExp, RegExp][] = [
  [/^<(script|pre|style|textarea)(?=[\s/>]|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
];

/** Rounds of repair in one block before the block as a whole is read as text. */
const BLOCK_ROUNDS = 16;
/** Re-readings of the document before giving up (each fixes every block found in the previous one). */
const DOCUMENT_ROUNDS = 32;

/** What stops the build when HTML that never closes cannot be repaired within DOCUMENT_ROUNDS. */
export const TOO_MANY_UNCLOSED = `more than ${DOCUMENT_ROUNDS} pieces of HTML that never close (such as "<!--" or "<script>" without their end); write "&lt;" for a "<" that is not markup`;

/** An inline tag that must be shown as text. */
export function inlineHtmlIsText(value: string): boolean {
  if (value.startsWith('<!--')) return false;
  if (/^<[?!]/.test(value)) return true;
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(value)?.[1]?.toLowerCase();
  return name !== undefined && !ALLOWED_ELEMENTS.has(name);
}

/** The offset of the `<` in an HTML block that swallows what follows, or undefined if it swallows nothing. */
export function swallowingAt(html: string): number | undefined {
  const tree = fromHtml(`${html}<p>${MARK}</p>`, { fragment: true });
  let culprit: number | undefined;
  let found = false;
  const walk = (node: HastNodes, swallowedBy: Element | undefined): void => {
    if (found) return;
    if (node.type === 'comment' && node.value.includes(MARK)) {
      found = true;
      culprit = node.position?.start.offset ?? html.lastIndexOf('<');
      return;
    }
    if (node.type === 'text' && node.value.includes(MARK)) {
      found = true;
      if (swallowedBy) culprit = swallowedBy.position?.start.offset ?? html.lastIndexOf('<');
      return;
    }
    if (node.type === 'element') {
      const by = swallowedBy ?? (SWALLOWING.has(node.tagName) || node.tagName === 'template' ? node : undefined);
      if (node.content) walk(node.content, by);
      for (const child of node.children) walk(child, by);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child, swallowedBy);
  };
  walk(tree, undefined);
  // Not in any text or comment: an unfinished tag or attribute value took it.
  if (!found) return Math.max(0, html.lastIndexOf('<'));
  return culprit;
}

/** Whether a block of HTML has words of its own: text outside every element the sanitiser removes. */
export function hasOwnWords(html: string): boolean {
  const visible = (node: HastNodes): boolean => {
    if (node.type === 'text') return node.value.trim() !== '';
    if (node.type === 'element') {
      if (SWALLOWING.has(node.tagName) && node.tagName !== 'plaintext') return false;
      if (node.tagName === 'template') return false;
    }
    return 'children' in node && node.children.some((child) => visible(child));
  };
  return visible(fromHtml(html, { fragment: true }));
}

/** Tags of elements the policy does not allow, and `<?…>`/`<!…>` (not comments), with their `<` written `&lt;`. */
export function escapeDisallowed(html: string): string {
  return html.replace(/<(?:\/?([a-z][a-z0-9-]*)|[?!](?!--))/gi, (match, name: string | undefined) =>
    name === undefined || !ALLOWED_ELEMENTS.has(name.toLowerCase()) ? `&lt;${match.slice(1)}` : match,
  );
}

/**
 * The block made safe for the words in and after it, or `undefined` when its first `<` must be escaped and
 * the markdown read again. A block with words of its own shows every tag the policy does not allow as text
 * (as a sentence would); a block of markup only (`<script>…</script>`, an embed) is left for the sanitiser
 * to remove. Either way, whatever would still swallow what follows is escaped.
 */
export function repairBlock(html: string): string | undefined {
  if (/^<[?!]/.test(html) && !html.startsWith('<!--')) return undefined;
  for (const [start, end] of RUN_TO_END) if (start.test(html) && !end.test(html)) return undefined;
  let value = hasOwnWords(html) ? escapeDisallowed(html) : html;
  for (let round = 0; round < BLOCK_ROUNDS; round += 1) {
    if (!value.startsWith('<')) return undefined;
    const at = swallowingAt(value);
    if (at === undefined) return value;
    value = `${value.slice(0, at)}&lt;${value.slice(at + 1)}`;
  }
  return undefined;
}

export default function remarkLiteralHtml(this: Processor, options: Options = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the processor, for the transform below
  const processor = this;
  return function transform(tree: Root, file: VFile): void {
    let source = String(file.value ?? '');
    for (let round = 0; ; round += 1) {
      const restart: number[] = [];
      visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
        if (!parent || index === undefined) return;
        if (!FLOW_PARENTS.has(parent.type)) {
          if (inlineHtmlIsText(node.value)) {
            const text: Text = { type: 'text', value: node.value, ...(node.position && { position: node.position }) };
            parent.children[index] = text as RootContent;
          }
          return;
        }
        // A block may be indented by up to three spaces, which its value keeps.
        const indent = node.value.length - node.value.trimStart().length;
        const repaired = repairBlock(node.value.slice(indent));
        if (repaired !== undefined) {
          node.value = node.value.slice(0, indent) + repaired;
          return;
        }
        const start = node.position?.start.offset;
        if (start !== undefined && source[start + indent] === '<') {
          restart.push(start + indent);
          return;
        }
        // No way back to the source: show the block as a paragraph of text.
        parent.children[index] = { type: 'paragraph', children: [{ type: 'text', value: node.value }] } as RootContent;
      });
      if (restart.length === 0) return;
      if (round >= DOCUMENT_ROUNDS) {
        const where = file.path ? path.relative(options.cwd ?? process.cwd(), file.path) : 'markdown';
        file.fail(`${where}: body: ${TOO_MANY_UNCLOSED}`);
      }
      for (const offset of [...new Set(restart)].sort((a, b) => b - a)) {
        source = `${source.slice(0, offset)}&lt;${source.slice(offset + 1)}`;
      }
      tree.children = (processor.parse(source) as Root).children;
    }
  };
}
