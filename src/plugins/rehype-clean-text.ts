/**
 * rehype-clean-text: removes characters that are not text from the body (src/lib/clean-text.ts),
 * in text and in attribute values (`alt`, `title`, …). A vertical tab pasted from a word processor
 * becomes a space, so the words around it stay apart; a backspace, U+0001 or a noncharacter
 * disappears. The body then reaches the page, the feeds and the sitemap as the same clean text,
 * and no feed stops parsing because of it.
 *
 * (A NUL in the markdown never gets here: the markdown parser already turns it into U+FFFD, as
 * CommonMark says. Raw HTML is different: `<b>&#1;</b>` decodes to U+0001, and is cleaned here.)
 */
import type { Root, Properties } from 'hast';
import { visit } from 'unist-util-visit';
import { cleanText } from '../lib/clean-text.ts';

function cleanProperties(properties: Properties): void {
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value === 'string') properties[name] = cleanText(value);
    else if (Array.isArray(value)) properties[name] = value.map((v) => (typeof v === 'string' ? cleanText(v) : v));
  }
}

export default function rehypeCleanText() {
  return function transform(tree: Root): void {
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') node.value = cleanText(node.value);
      else if (node.type === 'element') cleanProperties(node.properties);
    });
  };
}
