/**
 * Where a reader finds articles without the search (the search page offers these when JavaScript is off): pages
 * from which every article can be reached by following links. The front page today; the listing pages (latest
 * news, the date archive, each section's page) belong here as they are built, in that order.
 */
import { withBase } from './urls.ts';

export interface BrowseLink {
  href: string;
  label: string;
}

export function browseLinks(base: string): BrowseLink[] {
  return [{ href: withBase('', base), label: 'The front page, with the latest news' }];
}
