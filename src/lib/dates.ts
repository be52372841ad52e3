/** Date helpers: one formatting rule for every page, in the site's time zone, so builds are reproducible. */

/** "20 August 2022" in the given locale and time zone. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** "5 January 2027 at 09:00 UTC": a date with its time, for a moment that matters to the minute. */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** Machine-readable form for `<time datetime>` and metadata: full ISO 8601 in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
