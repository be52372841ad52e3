/**
 * Sitemaps (protocol 0.9, https://www.sitemaps.org/protocol.html) from lists of absolute URLs: `sitemap.xml` is a
 * sitemap index naming `sitemap-0.xml`, `sitemap-1.xml`, …, each of at most SITEMAP_MAX_URLS pages. Pure functions;
 * every document passes through `xmlSafe` as its last step.
 */
import { xmlSafe } from '../lib/clean-text.ts';

/** The most URLs one sitemap file may list (the protocol's limit; it also caps a file at 50 MB). */
export const SITEMAP_MAX_URLS = 50_000;

/** Text or an attribute value escaped for XML. */
export const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface SitemapEntry {
  loc: string;
  lastmod?: Date | undefined;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const lastmodOf = (lastmod: Date | undefined) => (lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : '');

/** One sitemap file: `<urlset>` of the entries. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(({ loc, lastmod }) => `<url><loc>${escapeXml(loc)}</loc>${lastmodOf(lastmod)}</url>`).join('\n');
  return xmlSafe(`${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
}

/** The sitemap index: `<sitemapindex>` naming each sitemap file, with the newest lastmod of its pages. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  const items = sitemaps.map(({ loc, lastmod }) => `<sitemap><loc>${escapeXml(loc)}</loc>${lastmodOf(lastmod)}</sitemap>`).join('\n');
  return xmlSafe(`${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`);
}

/**
 * The entries cut into sitemap files of at most `limit` each, in order: `ceil(n / limit)` files, and one (empty)
 * file when there are no entries, so the index always names at least one sitemap.
 */
export function splitSitemap<T>(entries: readonly T[], limit: number = SITEMAP_MAX_URLS): T[][] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`sitemap: the limit must be a whole number of at least 1, got ${limit}`);
  const files: T[][] = [];
  for (let start = 0; start < entries.length; start += limit) files.push(entries.slice(start, start + limit));
  return files.length > 0 ? files : [[]];
}

/** The file name of the n-th sitemap (from 0): `sitemap-0.xml`. */
export const sitemapFile = (n: number) => `sitemap-${n}.xml`;

/** The newest of some dates, or undefined when there is none. */
export function newest(dates: readonly (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>(
    (max, d) => (d !== undefined && (max === undefined || d.getTime() > max.getTime()) ? d : max),
    undefined,
  );
}
