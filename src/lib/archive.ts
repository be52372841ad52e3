/** The date archive's years and month names. Pure. */
import type { ArchiveMonth } from './listings.ts';

export interface ArchiveYear<T> {
  year: number;
  /** Its months with articles, newest first (as archiveMonths() gives them). */
  months: ArchiveMonth<T>[];
}

/** Months (newest first) grouped into years, newest first. */
export function archiveYears<T>(months: readonly ArchiveMonth<T>[]): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const month of months) {
    const last = years.at(-1);
    if (last && last.year === month.year) last.months.push(month);
    else years.push({ year: month.year, months: [month] });
  }
  return years;
}

/** "November" for 11, in the site's language (`lang`, e.g. "en"). */
export function monthName(month: number, lang: string): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`no month ${month}`);
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}
