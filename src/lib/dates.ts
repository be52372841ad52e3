/** Date helpers: one formatting rule for every page, in the site's time zone, so builds are reproducible. */

/** "20 August 2022" in the given locale and time zone. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** Machine-readable form for `<time datetime>` and metadata: full ISO 8601 in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
