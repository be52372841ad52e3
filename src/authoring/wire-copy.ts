/**
 * Plain-text wire copy → the parts of an article entry, word for word. Pure functions, used by
 * `npm run import` (scripts/import-article.ts).
 *
 * The shape (see tests/fixtures/source-article.txt): paragraphs separated by blank lines.
 * 1. The caption paragraph, ending in the photo credit: `… according to Jared Kushner. Win McNamee/Getty Images`.
 *    Credit heuristic: the text after the caption's last sentence end (`.`, `!` or `?`, maybe followed
 *    by a closing quote) is the credit when it names a source in the "Name/Agency" form: it contains
 *    a "/", has at most 8 words and does not itself end a sentence. Otherwise there is no credit and
 *    the whole paragraph is the caption.
 * 2. Summary lines: the run of paragraphs after the caption that are each one sentence of at most
 *    25 words, up to SUMMARY_ITEMS.max (5). The body starts at the first paragraph that is longer or has more sentences.
 *    (`summaryCount` overrides this when the copy does not fit the pattern.)
 * 3. Body paragraphs: the rest, in order.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { toString as mdastToString } from 'mdast-util-to-string';
import { SUMMARY_ITEMS } from '../content-model/article-schema.ts';

export interface WireCopy {
  caption: string;
  credit: string | undefined;
  summary: string[];
  body: string[];
}

const MAX_SUMMARY_WORDS = 25;
const MAX_CREDIT_WORDS = 8;

/** Paragraphs: blocks separated by blank lines, with line breaks inside a block joined by a space. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .join(' ')
        .trim(),
    )
    .filter(Boolean);
}

/** Sentence ends: `.`, `!`, `?`, optionally followed by closing quotes or brackets, then space. */
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s)/g;

export function splitCredit(paragraph: string): { caption: string; credit: string | undefined } {
  let lastEnd = -1;
  for (const m of paragraph.matchAll(SENTENCE_END)) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return { caption: paragraph, credit: undefined };
  const rest = paragraph.slice(lastEnd).trim();
  const words = rest.split(/\s+/).filter(Boolean);
  const looksLikeCredit = rest.includes('/') && words.length > 0 && words.length <= MAX_CREDIT_WORDS && !/[.!?]["'”’]*$/.test(rest);
  return looksLikeCredit ? { caption: paragraph.slice(0, lastEnd).trim(), credit: rest } : { caption: paragraph, credit: undefined };
}

function isSummaryLine(paragraph: string): boolean {
  const words = paragraph.split(/\s+/).length;
  const sentences = [...paragraph.matchAll(SENTENCE_END)].length + (/[.!?]["'”’)\]]*$/.test(paragraph) ? 1 : 0);
  return words <= MAX_SUMMARY_WORDS && sentences <= 1;
}

export function parseWireCopy(text: string, options: { summaryCount?: number } = {}): WireCopy {
  const [first, ...rest] = paragraphs(text);
  if (first === undefined) throw new Error('the copy is empty');
  const { caption, credit } = splitCredit(first);
  let count = options.summaryCount;
  if (count === undefined) {
    count = 0;
    while (count < SUMMARY_ITEMS.max && count < rest.length - 1 && isSummaryLine(rest[count]!)) count += 1;
  }
  if (count < SUMMARY_ITEMS.min || count > SUMMARY_ITEMS.max) {
    throw new Error(`expected ${SUMMARY_ITEMS.min} to ${SUMMARY_ITEMS.max} summary lines after the caption, found ${count}`);
  }
  const summary = rest.slice(0, count);
  const body = rest.slice(count);
  if (body.length === 0) throw new Error('no body paragraphs after the summary lines');
  return { caption, credit, summary, body };
}

/** An empty HTML comment: it splits a run of text for the markdown parser, and the page never shows it. */
const TEXT_BREAK = '<!---->';
const MAX_ROUNDS = 50;

/** GFM's autolink-literal finder, exactly as the site's markdown parser (remark-gfm) runs it. */
const findAutolinks = gfmAutolinkLiteralFromMarkdown().transforms![0]!;

/** Where to break a run of text that GFM would make a link: before `@`, after `https:`, after `www`. */
function breakPoint(linkText: string): number {
  const at = linkText.indexOf('@');
  if (at > 0) return at;
  const scheme = /^[a-z]+:/i.exec(linkText);
  if (scheme) return scheme[0].length;
  if (/^www/i.test(linkText)) return 3;
  return Math.max(1, Math.floor(linkText.length / 2));
}

/** Adjacent text nodes as one, as the markdown parser would read them back. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else merged.push(node);
  }
  return merged.filter((n) => n.type !== 'text' || n.value !== '');
}

/**
 * The paragraph as mdast whose markdown renders as exactly the given text. Backslash escapes cannot
 * stop GFM's autolinks (bare URLs, `www.` and email addresses become links: remark-gfm finds them in
 * the parsed text, after escapes are resolved), so each one is broken with an empty HTML comment,
 * `https:<!---->//example.com`, `desk<!---->@example.com`, until GFM's own finder finds none.
 */
function textParagraph(text: string): Paragraph {
  let children: PhrasingContent[] = [{ type: 'text', value: text }];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const probe: Root = { type: 'root', children: [{ type: 'paragraph', children: structuredClone(children) }] };
    findAutolinks(probe);
    const found = (probe.children[0] as Paragraph).children;
    if (!found.some((n) => n.type === 'link')) return { type: 'paragraph', children };
    children = mergeText(
      found.flatMap((node): PhrasingContent[] => {
        if (node.type !== 'link') return [node];
        const linkText = mdastToString(node);
        const at = breakPoint(linkText);
        return [
          { type: 'text', value: linkText.slice(0, at) },
          { type: 'html', value: TEXT_BREAK },
          { type: 'text', value: linkText.slice(at) },
        ];
      }),
    );
  }
  throw new Error(`cannot keep this text from becoming a link: ${text}`);
}

/**
 * Markdown that renders exactly as the given plain text: the text as an mdast paragraph, written out
 * by mdast-util-to-markdown with the GFM extensions, which escapes whatever markdown or GFM would read
 * as markup (`*`, `_`, `~`, `` ` ``, `[`, `<`, `&`, `\`, `|`, and `#`, `>`, `-`, `+`, `1.`, fences and
 * the like at the start of a paragraph), plus the autolink breaks of `textParagraph`.
 */
export function escapeMarkdown(text: string): string {
  return toMarkdown(textParagraph(text), { extensions: [gfmToMarkdown()] }).replace(/\n$/, '');
}
