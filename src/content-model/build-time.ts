/**
 * The moment a build treats as "now": which scheduled articles are published, which front-page cards say
 * "Updated". The clock at the start of the build, or `BUILD_TIME` (UTC, e.g. 2026-11-29T12:00:00Z) to build
 * the site as of another moment (the tests use it to fix the date of a fixture build).
 */
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

export function parseBuildTime(value: string | undefined, clock: () => Date = () => new Date()): Date {
  const text = value?.trim() ?? '';
  if (text === '') return clock();
  const date = new Date(text);
  // Round trip: 2026-02-30 would otherwise quietly become 2 March.
  if (!UTC_DATE_TIME.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 16) !== text.slice(0, 16)) {
    throw new Error(`BUILD_TIME: expected a UTC date-time such as 2026-11-28T12:00:00Z, got "${value}"`);
  }
  return date;
}

let now: Date | undefined;

/** One "now" for the whole build, read once. */
export function buildTime(): Date {
  now ??= parseBuildTime(process.env.BUILD_TIME);
  return now;
}
