/**
 * Limits on an article body, checked on its source lines before anything parses it.
 *
 * The markdown parser (micromark, under remark) and the HTML tools after it recurse once per level
 * of nesting and slow down with every separate block quote and list. Measured on the site's own chain
 * (Astro's processor with our plugins, on the 2-core build machine): 2,000 nested list levels on one
 * line run the renderer out of stack ("Maximum call stack size exceeded"), 512 levels take 5 s; 4,000
 * list items with a sub-list each (105 KB) take 5 s, growing with the square of the count (19 s
 * under load), while 256 KB of ordinary paragraphs take 0.3 s. Inside the limits below the worst
 * shapes found take 0.5 s (1,000 quotes; 1,000 sub-lists; 31 lists nested 32 deep). So:
 *
 * - NESTING_LIMIT: block quotes and lists nested at most 32 levels deep (an e-mail thread quoted
 *   ten times over is ten);
 * - CONTAINER_LIMIT: at most 1,000 separate block quotes and lists in a body (a list may have any
 *   number of items);
 * - BODY_SIZE_LIMIT: at most 256 KB of markdown, about 40,000 words, five times a long read (~50 KB);
 *   the feeds carry every article whole and stay under 512 KB each.
 *
 * `scanBlocks` follows CommonMark's container rules on each line (block quote markers, list items and
 * their indentation, footnote definitions, fenced and indented code, lazy paragraph continuation,
 * thematic breaks) without building anything, in time proportional to the body. It agrees with the
 * parser on the shapes editors write (tests/unit/body-limits.test.ts compares the two); inside HTML
 * blocks, which it does not track, it takes markers the parser reads as HTML, so it errs on counting
 * more. Pure functions.
 */
import type { EntryProblem } from './entry-checks.ts';

/** Deepest nesting of block quotes and list items. */
export const NESTING_LIMIT = 32;
/** Most separate block quotes and lists in one body. */
export const CONTAINER_LIMIT = 1_000;
/** Largest body, in bytes of UTF-8. */
export const BODY_SIZE_LIMIT = 256 * 1024;

interface Container {
  /** A footnote definition (`[^1]: …`, its text indented by 4) holds blocks but is not counted. */
  kind: 'quote' | 'item' | 'footnote';
  /** For items: the columns a continuation line is indented by (marker, spaces). */
  width: number;
  /** For items: `-`, `+`, `*`, `.` or `)`; items with the same marker in a row make one list. */
  marker: string;
}

export interface BlockScan {
  /** The deepest nesting found (or, with `stopAbove`, the nesting of the first line above it). */
  depth: number;
  /** The line (1-based, of the text scanned) where `depth` was reached. */
  line: number;
  /** Separate block quotes and lists. */
  containers: number;
}

/** Expands tabs to spaces (tab stops every 4 columns), as CommonMark reads indentation. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
  return out;
}

const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^([-+*])(?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const FOOTNOTE = /^\[\^[^\]\s]+\]:/;

/**
 * The nesting and number of block quotes and lists of a markdown text. With `stopAbove`, stops at the
 * first line nested deeper than that (so a body nested thousands deep costs no more than one line).
 */
export function scanBlocks(markdown: string, stopAbove = Infinity): BlockScan {
  const stack: Container[] = [];
  let fence: { char: string; length: number; depth: number } | undefined;
  let paragraph = false;
  let containers = 0;
  let deepest = { depth: 0, line: 0 };
  const lines = markdown.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = expandTabs(lines[n]!);
    let pos = 0;
    const indentAt = (at: number) => {
      let i = at;
      while (line[i] === ' ') i++;
      return i - at;
    };
    const blank = line.trim() === '';

    // Continue the open containers: `>` for a quote, the item's indentation (or a blank line) for an item.
    let matched = 0;
    for (const container of stack) {
      const indent = indentAt(pos);
      if (container.kind === 'quote') {
        if (indent > 3 || line[pos + indent] !== '>') break;
        pos += indent + 1;
        if (line[pos] === ' ') pos++;
      } else if (blank) {
        pos = line.length;
      } else if (indent >= container.width) {
        pos += container.width;
      } else {
        break;
      }
      matched++;
    }

    if (fence) {
      if (fence.depth <= matched) {
        const rest = line.slice(pos);
        const close = indentAt(pos) <= 3 ? FENCE.exec(rest.trimStart()) : null;
        if (
          close &&
          close[1]![0] === fence.char &&
          close[1]!.length >= fence.length &&
          rest.trimStart().slice(close[1]!.length).trim() === ''
        )
          fence = undefined;
        continue;
      }
      fence = undefined; // a container that ends ends its code block too
    }

    // Open new containers after the ones that continue. Only while every open container continues is
    // a paragraph interrupted: then an empty item, or a numbered one not starting at 1, cannot start.
    const interrupting = paragraph && matched === stack.length;
    const closed = stack[matched];
    const fresh: Container[] = [];
    let at = pos;
    for (;;) {
      const indent = indentAt(at);
      if (indent > 3) break;
      const text = line.slice(at + indent);
      if (text.startsWith('>')) {
        fresh.push({ kind: 'quote', width: 0, marker: '>' });
        at += indent + 1;
        if (line[at] === ' ') at++;
        continue;
      }
      const footnote = FOOTNOTE.exec(text);
      if (footnote) {
        fresh.push({ kind: 'footnote', width: 4, marker: '' });
        at += indent + footnote[0].length;
        if (line[at] === ' ') at++;
        continue;
      }
      if (THEMATIC_BREAK.test(text.trimEnd())) break;
      const bullet = BULLET.exec(text);
      const ordered = bullet ? null : ORDERED.exec(text);
      const marker = bullet?.[1] ?? ordered?.[2];
      if (!marker) break;
      const markerWidth = (bullet ?? ordered)![0].length;
      const empty = text.slice(markerWidth).trim() === '';
      if (interrupting && fresh.length === 0 && (empty || (ordered && Number(ordered[1]) !== 1))) break;
      const spaces = empty ? 1 : Math.min(indentAt(at + indent + markerWidth), 5);
      const width = indent + markerWidth + (spaces >= 5 ? 1 : spaces);
      fresh.push({ kind: 'item', width, marker });
      at += width;
      if (empty) break;
    }
    const rest = () => line.slice(at + indentAt(at));
    if (fresh.length === 0 && matched < stack.length && paragraph && !blank) {
      // A lazy continuation line carries on the paragraph inside the open containers.
      const text = rest();
      const startsBlock = FENCE.test(text) || ATX_HEADING.test(text) || THEMATIC_BREAK.test(text.trimEnd()) || text.startsWith('<');
      if (indentAt(at) >= 4 || !startsBlock) continue;
    }
    stack.length = matched;
    for (const [i, container] of fresh.entries()) {
      const sibling = i === 0 && container.kind === 'item' && closed?.kind === 'item' && closed.marker === container.marker;
      if (container.kind !== 'footnote' && !sibling) containers++;
      stack.push(container);
    }
    if (fresh.length) paragraph = false;
    pos = at;

    const depth = stack.filter((c) => c.kind !== 'footnote').length;
    if (depth > deepest.depth) deepest = { depth, line: n + 1 };
    if (depth > stopAbove) return { ...deepest, containers };

    const content = rest();
    if (blank || content.trim() === '') {
      paragraph = false;
    } else if (indentAt(pos) >= 4 && !paragraph) {
      // indented code: nothing opens inside it
    } else {
      const open = FENCE.exec(content);
      // (A backtick fence's info string has no backtick: "``` `x` ```" is code in a paragraph.)
      if (open && !(open[1]![0] === '`' && content.slice(open[1]!.length).includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length, depth: stack.length };
        paragraph = false;
      } else {
        paragraph = !(ATX_HEADING.test(content) || THEMATIC_BREAK.test(content.trimEnd()));
      }
    }
  }
  return { ...deepest, containers };
}

const count = (n: number) => n.toLocaleString('en');

/**
 * The problems of a body past the limits, or none. `firstLine` is the line of the entry's file where
 * the body starts, so that a line number is the one the editor's editor shows.
 */
export function bodyLimitProblems(file: string, body: string, firstLine = 1): EntryProblem[] {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > BODY_SIZE_LIMIT) {
    return [
      {
        file,
        field: 'body',
        problem: `is ${count(Math.round(bytes / 1024))} KB; the limit is ${count(BODY_SIZE_LIMIT / 1024)} KB (about 40,000 words): split it into several articles`,
        level: 'error',
      },
    ];
  }
  const scan = scanBlocks(body, NESTING_LIMIT);
  if (scan.depth > NESTING_LIMIT) {
    // The whole line, to say how deep it goes (it is the first line past the limit: the rest is not read).
    const deep = scanBlocks(
      body
        .split(/\r\n|\r|\n/)
        .slice(0, scan.line)
        .join('\n'),
    ).depth;
    return [
      {
        file,
        field: 'body',
        problem: `block quotes and lists are nested ${count(deep)} levels deep at line ${count(firstLine + scan.line - 1)}; the limit is ${NESTING_LIMIT}: flatten them`,
        level: 'error',
      },
    ];
  }
  if (scan.containers > CONTAINER_LIMIT) {
    return [
      {
        file,
        field: 'body',
        problem: `has ${count(scan.containers)} block quotes and lists; the limit is ${count(CONTAINER_LIMIT)}: merge them (one list may have any number of items) or split the article`,
        level: 'error',
      },
    ];
  }
  return [];
}
