/**
 * remark-reading-time: counts the words of the markdown body and records the estimate
 * in the entry's frontmatter (`readingTime` minutes, `wordCount`), where Astro exposes it
 * as `remarkPluginFrontmatter` from `render(entry)`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { countWords, readingMinutes, DEFAULT_WORDS_PER_MINUTE } from '../lib/reading-time.ts';

export interface Options {
  /** Reading speed. Default: 230 words per minute. */
  wordsPerMinute?: number;
}

/** Nodes whose text is read as a run of words (their children are phrasing content). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkReadingTime(options: Options = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  return function transform(tree: Root, file: VFile): void {
    // Count block by block: joining the whole tree's text would glue the last word of one
    // paragraph to the first word of the next.
    let wordCount = 0;
    visit(tree, (node) => {
      if (TEXT_BLOCKS.has(node.type)) {
        wordCount += countWords(toString(node, { includeHtml: false }));
        return SKIP;
      }
      return undefined;
    });
    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.wordCount = wordCount;
    data.astro.frontmatter.readingTime = readingMinutes(wordCount, wordsPerMinute);
  };
}
