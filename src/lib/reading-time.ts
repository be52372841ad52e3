/** Reading-time arithmetic, shared by the remark plugin and anything else that needs it. */

/** Adult silent reading speed for news prose, in words per minute. */
export const DEFAULT_WORDS_PER_MINUTE = 230;

/** Count the words in a text: runs of letters or digits, with inner apostrophes, hyphens, etc. kept in one word. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:[’'\-.,%][\p{L}\p{N}]+)*%?/gu);
  return words ? words.length : 0;
}

/** Whole minutes to read `words` words, never less than one. */
export function readingMinutes(words: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  if (!(wordsPerMinute > 0)) throw new RangeError('wordsPerMinute must be positive');
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** "1 min read", "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
