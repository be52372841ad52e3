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
 *    25 words, up to 5. The body starts at the first paragraph that is longer or has more sentences.
 *    (`summaryCount` overrides this when the copy does not fit the pattern.)
 * 3. Body paragraphs: the rest, in order.
 */

export interface WireCopy {
  caption: string;
  credit: string | undefined;
  summary: string[];
  body: string[];
}

export const MAX_SUMMARY_ITEMS = 5;
const MAX_SUMMARY_WORDS = 25;
const MAX_CREDIT_WORDS = 8;

/** Paragraphs: blocks separated by blank lines, with line breaks inside a block joined by a space. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).join(' ').trim())
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
    while (count < MAX_SUMMARY_ITEMS && count < rest.length - 1 && isSummaryLine(rest[count]!)) count += 1;
  }
  if (count < 1 || count > MAX_SUMMARY_ITEMS) throw new Error(`expected 1 to ${MAX_SUMMARY_ITEMS} summary lines after the caption, found ${count}`);
  const summary = rest.slice(0, count);
  const body = rest.slice(count);
  if (body.length === 0) throw new Error('no body paragraphs after the summary lines');
  return { caption, credit, summary, body };
}

/**
 * Markdown that renders exactly as the given plain text: characters markdown would read as
 * markup are backslash-escaped (`*`, `_`, `` ` ``, `[`, `]`, `<`, `&`, `\`, and `#`, `>`, `-`, `+`
 * or `1.` at the start of a paragraph).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<&]/g, (c) => `\\${c}`)
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A YAML double-quoted scalar (JSON strings are valid YAML); non-ASCII characters stay as they are. */
export const yamlString = (s: string) => JSON.stringify(s);

export interface EntryFields {
  title: string;
  summary: string[];
  image: { src: string; alt: string; caption?: string | undefined; credit?: string | undefined };
  draft?: boolean;
}

/** The text of an `index.md`: frontmatter in the README's field order, then the body paragraphs. */
export function entryMarkdown(fields: EntryFields, body: readonly string[], { escape = true } = {}): string {
  const lines = ['---', `title: ${yamlString(fields.title)}`, 'summary:', ...fields.summary.map((s) => `  - ${yamlString(s)}`), 'image:'];
  lines.push(`  src: ${fields.image.src}`, `  alt: ${yamlString(fields.image.alt)}`);
  if (fields.image.caption !== undefined) lines.push(`  caption: ${yamlString(fields.image.caption)}`);
  if (fields.image.credit !== undefined) lines.push(`  credit: ${yamlString(fields.image.credit)}`);
  if (fields.draft) lines.push('draft: true');
  lines.push('---');
  return `${lines.join('\n')}\n${body.map((p) => (escape ? escapeMarkdown(p) : p)).join('\n\n')}\n`;
}
