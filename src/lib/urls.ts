/**
 * URL helpers. Every internal URL in the site (pages, feeds, sitemap, structured data,
 * tests) is built here, so the trailing-slash policy and the base path live in one place.
 *
 * Policy: page URLs are directories and always end in "/" (`/articles/<slug>/`).
 */
import { SLUG_PATTERN } from './slug.ts';

/** Normalise a base path to the form `/` or `/news/` (leading and trailing slash, no doubles). */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed.replace(/\/{2,}/g, '/')}/`;
}

/** Normalise a site origin to `https://example.com` (no trailing slash); throws on a bad URL. */
export function normaliseSite(site: string): string {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new Error(`SITE_URL: expected an absolute URL such as https://news.example.com, got "${site}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL: expected an http(s) URL, got "${site}"`);
  }
  return url.origin;
}

/** Join a site-relative path ("articles/x/") onto the base path: `withBase('articles/x/', '/news/')` → `/news/articles/x/`. */
export function withBase(path: string, base: string): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** The one function that builds an article's path: `/<base>/articles/<slug>/`. */
export function articlePath(slug: string, base: string): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw new Error(`article slug "${slug}" is not lowercase words joined by hyphens`);
  }
  return withBase(`articles/${slug}/`, base);
}

/** Make a path absolute against the site origin: `absoluteUrl('/news/', 'https://x.org')` → `https://x.org/news/`. */
export function absoluteUrl(path: string, site: string): string {
  return new URL(path, normaliseSite(site) + '/').href;
}

/** The 1200×630 link-preview card of an article: `/<base>/articles/<slug>/card.jpg`. */
export function socialCardPath(slug: string, base: string): string {
  return `${articlePath(slug, base)}card.jpg`;
}

/** Site-wide files at the root of the site (feeds, sitemap, icons): `siteFilePath('rss.xml', '/news/')` → `/news/rss.xml`. */
export const SITE_FILES = {
  rss: 'rss.xml',
  jsonFeed: 'feed.json',
  sitemap: 'sitemap.xml',
  manifest: 'manifest.webmanifest',
  favicon: 'favicon.svg',
  icon32: 'favicon-32.png',
  icon192: 'icon-192.png',
  icon512: 'icon-512.png',
  appleTouchIcon: 'apple-touch-icon.png',
} as const;

/**
 * A URL that stays on this site: no scheme (nothing before a `:` ahead of the first `/`, `?` or `#`)
 * and not scheme-relative (`//host`, which browsers also read from `\\host`, `/\host`, and with tabs or
 * newlines between the slashes, or leading spaces or control characters). `./photo.jpg`, `a.jpg` and
 * `/images/a.jpg` are local; `https://…`, `data:…` and `//host/…` are not.
 */
export const LOCAL_URL = /^(?![\0-\x20]*[/\\][\t\n\r]*[/\\])[^:/?#]*(?:[/?#]|$)/;

export function isLocalUrl(url: string): boolean {
  return LOCAL_URL.test(url);
}

/**
 * A URL from an entry's frontmatter made safe to publish (a link, JSON-LD, a feed): the absolute
 * http(s) URL, normalised (`new URL().href`), or `undefined` for anything else — `javascript:`,
 * `data:`, relative or unparseable values are never output. The schema already refuses them; this
 * is the second line, at every place such a URL is written.
 */
export function safeHttpUrl(url: string | undefined | null): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return undefined;
  return parsed.href;
}
