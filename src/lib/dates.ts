/**
 * Date formats: one rule for every page, in the site's time zone, so builds are reproducible. Pages show dates
 * through src/components/Time.astro; machine-readable dates (`datetime`, metadata, feeds) are `toISOString()`.
 */

/**
 * One formatter per format, locale and time zone. Making an Intl.DateTimeFormat costs far more than using one
 * (about 0.1 ms against 2 µs): a build shows tens of thousands of dates (every card, every onward link).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'dateTime', locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}\0${locale}\0${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone })
        : new Intl.DateTimeFormat(locale, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZone,
            timeZoneName: 'short',
          });
    formatters.set(key, format);
  }
  return format;
}

/** The day in the given locale and time zone: "August 20, 2022" in `en`, "20 August 2022" in `en-GB`. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  return formatter('date', locale, timeZone).format(date);
}

/** A date with its time, for a moment that matters to the minute: "January 5, 2027 at 09:00 UTC" in `en`. */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return formatter('dateTime', locale, timeZone).format(date);
}
