/**
 * This build's own URLs: the one place that knows the site's base path and origin (BASE_PATH and SITE_URL, read
 * by astro.config.mjs). Pages, components, feeds and endpoints ask here for a link; the rules for a path (the
 * base, the trailing slash, an article's path) are src/lib/urls.ts, pure functions that take the base.
 */
import { base, site } from 'astro:config/client';
import { absoluteUrl, articlePath, socialCardPath, withBase } from './lib/urls.ts';

if (!site) throw new Error('astro.config.mjs sets no `site`: canonical and feed URLs need SITE_URL');
const origin = site;

/** This build's base path: `/` or `/news/`. */
export const BASE = base;

/** A path on this site: `sitePath('rss.xml')` → `/news/rss.xml`; `sitePath()` is the front page, `/news/`. */
export const sitePath = (path = ''): string => withBase(path, base);

/** The same as an absolute URL: `siteUrl('rss.xml')` → `https://news.example.com/news/rss.xml`; `siteUrl()` is the home page's. */
export const siteUrl = (path = ''): string => absoluteUrl(sitePath(path), origin);

/** A path that already carries the base (a page's own path, an image URL from getImage) as an absolute URL. */
export const absolute = (path: string): string => absoluteUrl(path, origin);

/** An article's page: `/news/articles/<slug>/` (articlePath with this build's base). */
export const articleHref = (slug: string): string => articlePath(slug, base);

/** An article's canonical URL. */
export const articleUrl = (slug: string): string => absolute(articleHref(slug));

/** An article's link-preview card, as an absolute URL. */
export const socialCardUrl = (slug: string): string => absolute(socialCardPath(slug, base));
