/**
 * Reading a build's sitemaps the way a crawler does: sitemap.xml is a sitemap index; each sitemap it names is read
 * from the build (its URL's path under the base → the file), with the strict XML parser (tests/support/xml.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseXmlStrict } from './xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
}

const child = (el: Element, name: string) => el.getElementsByTagNameNS(SITEMAP_NS, name)[0]?.textContent ?? undefined;

/** The build file a URL of the site points at: `https://x/news/sitemap-0.xml` → `<dir>/sitemap-0.xml`. */
export function fileOfUrl(dir: string, url: string, base = '/'): string {
  const pathname = new URL(url).pathname;
  if (!pathname.startsWith(base)) throw new Error(`${url} is not under the base ${base}`);
  return path.join(dir, decodeURIComponent(pathname.slice(base.length)));
}

/** The sitemaps named by the build's sitemap.xml (a `<sitemapindex>`), with their lastmod. */
export function sitemapIndex(dir: string): SitemapUrl[] {
  const doc = parseXmlStrict(readFileSync(path.join(dir, 'sitemap.xml'), 'utf8'));
  if (doc.documentElement.localName !== 'sitemapindex' || doc.documentElement.namespaceURI !== SITEMAP_NS) {
    throw new Error(`${dir}/sitemap.xml: expected a <sitemapindex>, got <${doc.documentElement.localName}>`);
  }
  return [...doc.getElementsByTagNameNS(SITEMAP_NS, 'sitemap')].map((s) => ({ loc: child(s, 'loc')!, lastmod: child(s, 'lastmod') }));
}

/** The `<url>`s of one sitemap file (a `<urlset>`). */
function sitemapUrlsOf(xml: string): SitemapUrl[] {
  const doc = parseXmlStrict(xml);
  if (doc.documentElement.localName !== 'urlset') throw new Error(`expected a <urlset>, got <${doc.documentElement.localName}>`);
  return [...doc.getElementsByTagNameNS(SITEMAP_NS, 'url')].map((u) => ({ loc: child(u, 'loc')!, lastmod: child(u, 'lastmod') }));
}

/** Every URL the build's sitemaps list, following the index, in order. */
export function sitemapUrls(dir: string, base = '/'): SitemapUrl[] {
  return sitemapIndex(dir).flatMap((s) => sitemapUrlsOf(readFileSync(fileOfUrl(dir, s.loc, base), 'utf8')));
}

/**
 * Whether a sitemap URL is a listing page (latest, a section, topic or author, the archive: src/publishing/sitemap-pages.ts)
 * rather than the front page or an article. The tests of the articles' URLs set these aside; the listing pages'
 * own entries are checked in tests/build/navigation.test.ts.
 */
export function isListingUrl(url: string, base = '/'): boolean {
  return new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(latest|sections|topics|authors|archive)/`).test(new URL(url).pathname);
}
