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
  /**
   * The sections, in the editorial order of the header's navigation and the front page's section blocks.
   * An article's `section` is matched by its URL slug ("politics" is Politics). Only sections with published
   * articles are shown; a section used by an article but not listed here is shown after these, in
   * alphabetical order, and the build warns about it (usually a typo).
   */
  sections: ['Politics', 'Business', 'World', 'Local', 'Education', 'Transport', 'Science', 'Culture', 'Sport', 'Long Reads'],
  /** Front page: the lead story, then this many stories as cards, then each section's newest few. */
  frontPage: { topStories: 6, perSection: 3, maxSections: 10 },
  /** Articles per page of /latest/, a section, a topic or an author. */
  listingPageSize: 20,
  /** Articles per page of an archive month (one line each, so more fit). */
  archivePageSize: 100,
  /** How many articles the "Earlier in <section>" list at the end of an article shows. */
  onwardCount: 3,
} as const;
