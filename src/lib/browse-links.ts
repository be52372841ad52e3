/**
 * Where a reader finds articles without the search (the search page offers these when JavaScript is off): pages
 * from which every article can be reached by following links — the front page, the latest news (every article,
 * page by page) and the date archive. The sections are in the site navigation of every page.
 */
import { withBase } from './urls.ts';
import { archivePath, latestPath } from './listing-urls.ts';

export interface BrowseLink {
  href: string;
  label: string;
}

export function browseLinks(base: string): BrowseLink[] {
  return [
    { href: withBase('', base), label: 'The front page, with the latest news' },
    { href: latestPath(base), label: 'Every article, newest first' },
    { href: archivePath(base), label: 'The archive, month by month' },
  ];
}
