/**
 * Date formats: one rule for every page, in the site's time zone, so builds are reproducible. Pages show dates
 * through src/components/Time.astro; machine-readable dates (`datetime`, metadata, feeds) are `toISOString()`.
 */

/** The day in the given locale and time zone: "August 20, 2022" in `en`, "20 August 2022" in `en-GB`. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** A date with its time, for a moment that matters to the minute: "January 5, 2027 at 09:00 UTC" in `en`. */
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
