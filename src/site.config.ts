/** Typed site constants. Deploy-specific values (origin, base path) come from the environment instead. */
export const SITE = {
  /** Shown in the header, the title bar and link previews. */
  name: 'The Reader',
  /** Used when a page has no description of its own. */
  description: 'News articles, fast and readable on any device, with or without JavaScript.',
  /** BCP 47 language tag for `<html lang>`. */
  lang: 'en',
  /** Open Graph locale. */
  locale: 'en_US',
  /** Dates are shown in this time zone, whatever the build machine's. */
  timeZone: 'UTC',
  /** Words per minute for the reading-time estimate. */
  wordsPerMinute: 230,
} as const;
