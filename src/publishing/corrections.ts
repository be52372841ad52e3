/** Corrections: one wording and one order for the article page and the feeds. */
import { formatDate } from '../lib/dates.ts';

export interface Correction {
  date: Date;
  text: string;
}

/** The word each notice starts with. */
export const CORRECTION_LABEL = 'Correction';

export interface CorrectionNotice {
  /** "Correction, November 28, 2026", the date in the given locale and time zone (for the feeds' text). */
  label: string;
  /** When the correction was made (the page shows it through src/components/Time.astro). */
  date: Date;
  /** The editor's text, as written. */
  text: string;
}

/** The heading over the notices. */
export const correctionsHeading = (count: number): string => (count === 1 ? CORRECTION_LABEL : `${CORRECTION_LABEL}s`);

/** Oldest first, as they happened (a stable sort: same-day notices keep the entry's order). */
export function oldestFirst<T extends Correction>(corrections: readonly T[]): T[] {
  return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** The notices to show, oldest first: "Correction, November 28, 2026: …". */
export function correctionNotices(corrections: readonly Correction[], locale: string, timeZone: string): CorrectionNotice[] {
  return oldestFirst(corrections).map((c) => ({
    label: `${CORRECTION_LABEL}, ${formatDate(c.date, locale, timeZone)}`,
    date: c.date,
    text: c.text,
  }));
}

/** The date of the latest correction, or undefined when there is none. */
export function latestCorrection(corrections: readonly Correction[]): Date | undefined {
  return oldestFirst(corrections).at(-1)?.date;
}
