/**
 * Nothing lost: every text an editor wrote in an entry appears on the article's built page, word for
 * word and in order. Pure functions: src/integrations/nothing-lost.ts runs them over every published
 * article after each production build (and fails it), tests/build/nothing-lost.test.ts over the
 * suite's build.
 *
 * The entry side is read with a real markdown parser (remark, with GFM as the site renders it); the
 * page side with a real HTML parser. Both are compared as rendered text with white space collapsed:
 * `**Budget**  vote` in the entry is `Budget vote` on the page.
 *
 * What is compared, in page order: headline, standfirst, caption, credit, key points, then every
 * paragraph, list item, heading, table cell and code block of the body; footnotes (rendered at the
 * end) anywhere after the body. Within a block, an image, a footnote mark or a hard line break splits
 * the text into parts that must each appear, in order. Raw HTML is not compared: the markup policy
 * (src/plugins/sanitize-schema.ts) decides what of it is kept, so in a block holding raw HTML only the
 * text before its first tag and after its last one is compared.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes as MdNodes, Root as MdRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as HNodes, Element } from 'hast';
import type { EntryProblem } from '../content-model/entry-checks.ts';
import { cleanText } from '../lib/clean-text.ts';

/** One text the page must show, and the entry field it comes from (`body`, `summary item 2`, `image.caption`…). */
export interface SourceText {
  field: string;
  text: string;
  /** Footnotes are rendered at the end of the body, in the order they are first referred to. */
  anywhere?: boolean;
}

/** The frontmatter fields that are shown as text on the article page. */
export interface ShownFields {
  title: string;
  standfirst?: string | undefined;
  summary: readonly string[];
  image: { caption?: string | undefined; credit?: string | undefined };
}

/**
 * As a reader sees it: control characters cleaned as the pipeline cleans them (src/lib/clean-text.ts), white
 * space collapsed to single spaces (non-breaking spaces included).
 */
export function normalise(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Blocks whose text is compared as a whole (their inline content is split into parts, see below). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The visible text parts of a block's inline content. A break, image or footnote mark ends a part
 * (the page shows something else there); raw HTML ends a part and marks it, so that only the parts
 * outside the block's raw HTML are kept.
 */
function inlineParts(node: MdNodes): string[] {
  const parts: { text: string; afterHtml: boolean; beforeHtml: boolean }[] = [{ text: '', afterHtml: false, beforeHtml: false }];
  let seenHtml = false;
  const cut = () => parts.push({ text: '', afterHtml: seenHtml, beforeHtml: false });
  const walk = (n: MdNodes): void => {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        parts.at(-1)!.text += n.value;
        return;
      case 'html':
        parts.at(-1)!.beforeHtml = true;
        seenHtml = true;
        cut();
        return;
      case 'break':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        cut();
        return;
      default:
        if ('children' in n) for (const child of n.children) walk(child as MdNodes);
    }
  };
  if ('children' in node) for (const child of node.children) walk(child as MdNodes);
  // Keep a part unless raw HTML surrounds it: text between two tags may be the HTML's own content.
  return parts
    .filter((p) => !(p.afterHtml && p.beforeHtml))
    .map((p) => normalise(p.text))
    .filter(Boolean);
}

/** The body's texts, in document order; then the footnotes that are referred to, marked `anywhere`. */
export function bodyTexts(markdown: string): SourceText[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdRoot;
  // Definitions nobody refers to are not rendered (GFM), so they are not expected on the page.
  const referenced = new Set<string>();
  visit(tree, 'footnoteReference', (node) => void referenced.add(node.identifier));

  const texts: SourceText[] = [];
  const footnotes: SourceText[] = [];
  const walk = (node: MdNodes, footnote: string | undefined): void => {
    if (node.type === 'html' || node.type === 'definition') return;
    if (node.type === 'footnoteDefinition') {
      if (!referenced.has(node.identifier)) return;
      footnote = node.identifier;
    }
    const into = footnote ? footnotes : texts;
    const add = (text: string) => into.push(footnote ? { field: 'body', text, anywhere: true } : { field: 'body', text });
    if (node.type === 'code') {
      const text = normalise(node.value);
      if (text) add(text);
      return;
    }
    if (TEXT_BLOCKS.has(node.type)) {
      inlineParts(node).forEach(add);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as MdNodes, footnote);
  };
  walk(tree, undefined);
  return [...texts, ...footnotes];
}

/** Every text an entry must show on its page, in page order. */
export function sourceTexts(fields: ShownFields, markdown: string): SourceText[] {
  const texts: SourceText[] = [
    { field: 'title', text: fields.title },
    ...(fields.standfirst ? [{ field: 'standfirst', text: fields.standfirst }] : []),
    ...(fields.image.caption ? [{ field: 'image.caption', text: fields.image.caption }] : []),
    ...(fields.image.credit ? [{ field: 'image.credit', text: fields.image.credit }] : []),
    ...fields.summary.map((text, i) => ({ field: `summary item ${i + 1}`, text })),
  ];
  return [...texts.map((t) => ({ ...t, text: normalise(t.text) })).filter((t) => t.text), ...bodyTexts(markdown)];
}

const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);

function textOf(node: HNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && NOT_TEXT.has(node.tagName)) return '';
  if ('children' in node) return node.children.map((c) => textOf(c as HNodes)).join('');
  return '';
}

function find(node: HNodes, tagName: string): Element | undefined {
  if (node.type === 'element' && node.tagName === tagName) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = find(child as HNodes, tagName);
    if (found) return found;
  }
  return undefined;
}

/** The text of a page's article (`main article`), white space collapsed; undefined when it has none. */
export function articleText(html: string): string | undefined {
  const main = find(fromHtml(html), 'main');
  const article = main && find(main, 'article');
  return article ? normalise(textOf(article)) : undefined;
}

/** The first text that is missing from the page, or out of order; undefined when every text is there. */
export function firstMissing(texts: readonly SourceText[], page: string): SourceText | undefined {
  let from = 0;
  for (const t of texts) {
    if (t.anywhere) {
      if (!page.includes(t.text)) return t;
      continue;
    }
    const at = page.indexOf(t.text, from);
    if (at < 0) return t;
    from = at + t.text.length;
  }
  return undefined;
}

/** A long text shortened for a one-line message. */
function quote(text: string, max = 80): string {
  const chars = [...text];
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text}"`;
}

/**
 * The nothing-lost check for one article: its entry (file, shown fields, markdown body) against its
 * built page (`html`, undefined when no page was written). At most one problem: the first text missing.
 */
export function nothingLostProblems(entry: {
  file: string;
  page: string;
  fields: ShownFields;
  body: string;
  html: string | undefined;
}): EntryProblem[] {
  const { file, page } = entry;
  if (entry.html === undefined) return [{ file, field: 'slug', problem: `no page was built at ${page}`, level: 'error' }];
  const text = articleText(entry.html);
  if (text === undefined) return [{ file, field: 'body', problem: `the page ${page} has no <main> <article>`, level: 'error' }];
  const missing = firstMissing(sourceTexts(entry.fields, entry.body), text);
  if (!missing) return [];
  return [
    {
      file,
      field: missing.field,
      problem: `${quote(missing.text)} is missing from the built page ${page} (or out of order): text was lost between the entry and the page`,
      level: 'error',
    },
  ];
}
