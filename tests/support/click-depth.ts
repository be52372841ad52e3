/**
 * How many clicks each page of a build is from its front page, the way a reader gets there: a breadth-first
 * walk from the front page over `<a href>` links only (no sitemap, no feeds, no <link> tags, no forms), reading
 * the built files. A link to a page or file the build does not have is recorded, not followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export interface ClickMap {
  /** Site path ("/articles/x/") → fewest clicks from the front page. */
  depth: Map<string, number>;
  /** Links to pages the build does not have: "from → to". */
  broken: string[];
}

export function clickDepths(siteDir: string, siteUrl: string, base = '/'): ClickMap {
  const origin = new URL(siteUrl).origin;
  const depth = new Map<string, number>([[base, 0]]);
  const broken: string[] = [];
  const queue = [base];
  while (queue.length > 0) {
    const page = queue.shift()!;
    const html = readFileSync(path.join(siteDir, page.slice(base.length), 'index.html'), 'utf8');
    for (const a of selectAll('a[href]', fromHtml(html))) {
      const url = new URL(String(a.properties.href), origin + page);
      if (url.origin !== origin || !url.pathname.startsWith(base)) continue;
      const target = decodeURIComponent(url.pathname);
      if (depth.has(target)) continue;
      // A file (a feed): it must exist, but a reader's walk through pages does not go on from it.
      const file = path.join(siteDir, target.slice(base.length), target.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) broken.push(`${page} → ${target}`);
      if (!existsSync(file) || !target.endsWith('/')) continue;
      depth.set(target, depth.get(page)! + 1);
      queue.push(target);
    }
  }
  return { depth, broken };
}
