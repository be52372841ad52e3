/** Which page numbers a pager shows. Pure. */

/**
 * The page numbers to show, with `undefined` for a gap ("…"): every page up to 7 pages (or with `all`),
 * otherwise the first, the last, and the current page with its two neighbours on each side.
 * `pageWindow(10, 40)` → [1, undefined, 8, 9, 10, 11, 12, undefined, 40].
 */
export function pageWindow(current: number, last: number, all = false): (number | undefined)[] {
  if (all || last <= 7) return Array.from({ length: last }, (_, i) => i + 1);
  const shown = [...new Set([1, ...[-2, -1, 0, 1, 2].map((d) => current + d), last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  const items: (number | undefined)[] = [];
  for (const n of shown) {
    const prev = items.at(-1);
    if (prev !== undefined && n - prev === 2)
      items.push(prev + 1); // a gap of one page: show it, not "…"
    else if (prev !== undefined && n - prev > 2) items.push(undefined);
    items.push(n);
  }
  return items;
}

/** A list page's title: "Politics" on page 1, "Politics — page 2 of 7" after. */
export function listingTitle(name: string, current: number, last: number): string {
  return current > 1 ? `${name} — page ${current} of ${last}` : name;
}
