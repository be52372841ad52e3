/** Typed site constants. Deploy-specific values (origin, base path) come from the environment instead. */
export const SITE = {
  /** Shown in the header, the title bar and link previews. */
  name: 'The Reader',
  /** Used when a page has no description of its own. */
  description: 'News articles, fast and readable on any device, with or without JavaScript.',
  /**
   * Articles in each feed (rss.xml, feed.json and every section's): the latest ones, with their full text.
   * Fewer when their full text would pass 512 KiB (src/publishing/feeds.ts FEED_MAX_BYTES).
   */
  feedLength: 50,
  /** BCP 47 language tag for `<html lang>`. */
  lang: 'en',
  /** Open Graph locale. */
  locale: 'en_US',
  /** Dates are shown in this time zone, whatever the build machine's. */
  timeZone: 'UTC',
  /** Words per minute for the reading-time estimate. */
  wordsPerMinute: 230,
} as const;
