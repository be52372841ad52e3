/**
 * Crawl a served site the way a reader and a feed reader would: start at the given paths, fetch every
 * page over HTTP, follow every reference in it (links, stylesheets, scripts, img src, every srcset
 * candidate, icons, canonical/og URLs, JSON-LD, feed and sitemap URLs) and record what each answered.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';

interface Reference {
  /** The page or file the reference was found in (site path). */
  from: string;
  /** Where it was found, e.g. "img[srcset]". */
  kind: string;
  /** The URL as written. */
  raw: string;
  /** Resolved against the page's public URL (siteUrl + path). */
  url: URL;
}

interface Fetched {
  path: string;
  status: number;
  headers: Headers;
  contentType: string;
  body: string;
}

export interface CrawlResult {
  fetched: Map<string, Fetched>;
  references: Reference[];
  /** References to the site's own origin outside the base path. */
  outside: Reference[];
  /** References to other origins (allowed only for a[href], reported for everything else). */
  external: Reference[];
  /** #fragment links whose target id is missing in the page. */
  brokenFragments: Reference[];
}

const HTML_REFERENCES: [selector: string, attribute: string, srcset?: boolean][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset', true],
  ['source[srcset]', 'srcset', true],
  ['source[src]', 'src'],
  ['video[poster]', 'poster'],
  ['iframe[src]', 'src'],
  ['meta[property^="og:"][content]', 'content'],
  ['meta[name^="twitter:"][content]', 'content'],
  ['meta[itemprop][content]', 'content'],
];

function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The URLs of a srcset: "a.avif 480w, b.avif 800w" → ["a.avif", "b.avif"]. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

/** Every URL-valued reference in an HTML page. Only og/twitter/itemprop values that look like URLs are taken. */
function htmlReferences(html: string): { kind: string; raw: string }[] {
  const tree = fromHtml(html);
  const found: { kind: string; raw: string }[] = [];
  for (const [selector, attribute, isSrcset] of HTML_REFERENCES) {
    const hastName = attribute === 'srcset' ? 'srcSet' : attribute;
    for (const el of selectAll(selector, tree)) {
      const value = prop(el, hastName);
      if (!value) continue;
      const kind = `${el.tagName}[${attribute}]`;
      if (isSrcset) for (const raw of srcsetUrls(value)) found.push({ kind, raw });
      else if (el.tagName !== 'meta' || /^(https?:)?\/|^\.\.?\//.test(value)) found.push({ kind, raw: value });
    }
  }
  for (const script of selectAll('script[type="application/ld+json"]', tree)) {
    // Vocabulary URLs (https://schema.org) are names, not references: only the site's own URLs count.
    for (const raw of absoluteUrlsIn(toString(script))) if (!raw.startsWith('https://schema.org')) found.push({ kind: 'json-ld', raw });
  }
  return found;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/**
 * Absolute http(s) URLs in a text (XML feeds, sitemaps, JSON feeds, JSON-LD). Entities are decoded first,
 * so HTML escaped inside a feed (`&lt;img src=&quot;…&quot;&gt;`) yields its URLs too.
 */
function absoluteUrlsIn(text: string): string[] {
  const decoded = text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name]!);
  return [...decoded.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0]);
}

function idsIn(html: string): Set<string> {
  const tree = fromHtml(html);
  return new Set(selectAll('[id]', tree).map((el) => String(el.properties.id)));
}

/**
 * Crawl `origin` (where the site is served) starting from `seeds` (site paths under `base`). `siteUrl` is the
 * public origin the site was built for: absolute URLs on it are mapped onto the local server.
 */
export async function crawl(options: { origin: string; siteUrl: string; base: string; seeds: string[] }): Promise<CrawlResult> {
  const { origin, siteUrl, base } = options;
  const siteOrigin = new URL(siteUrl).origin;
  const result: CrawlResult = { fetched: new Map(), references: [], outside: [], external: [], brokenFragments: [] };
  const queue = [...options.seeds];
  const queued = new Set(queue);

  while (queue.length > 0) {
    const sitePath = queue.shift()!;
    const response = await fetch(origin + sitePath, { redirect: 'manual' });
    const contentType = response.headers.get('content-type') ?? '';
    const isText = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|manifest\+json|feed\+json|ld\+json)|image\/svg)/.test(contentType);
    const body = isText ? await response.text() : (await response.arrayBuffer(), '');
    result.fetched.set(sitePath, { path: sitePath, status: response.status, headers: response.headers, contentType, body });

    let refs: { kind: string; raw: string }[] = [];
    // A host redirect (nginx's 301 for a renamed article's old URL): its Location is followed like a link.
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location) refs = [{ kind: 'location', raw: location }];
    else if (contentType.startsWith('text/html')) refs = htmlReferences(body);
    else if (isText)
      refs = absoluteUrlsIn(body)
        .filter((u) => u.startsWith(siteOrigin))
        .map((raw) => ({ kind: contentType.split(';')[0]!, raw }));
    const ids = contentType.startsWith('text/html') ? idsIn(body) : new Set<string>();

    for (const { kind, raw } of refs) {
      if (/^(mailto|tel|data|javascript):/i.test(raw)) continue;
      const url = new URL(raw, siteOrigin + sitePath);
      const ref: Reference = { from: sitePath, kind, raw, url };
      result.references.push(ref);
      if (url.origin !== siteOrigin) {
        result.external.push(ref);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        result.outside.push(ref);
        continue;
      }
      const samePage = url.pathname === new URL(siteOrigin + sitePath).pathname;
      if (samePage && url.hash && raw.startsWith('#') && !ids.has(decodeURIComponent(url.hash.slice(1)))) {
        result.brokenFragments.push(ref);
      }
      const target = url.pathname + url.search;
      if (!queued.has(target)) {
        queued.add(target);
        queue.push(target);
      }
    }
  }
  return result;
}
