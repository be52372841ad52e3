/** Read built pages with a real HTML parser (parse5, through hast) and query them with CSS selectors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root, Element } from 'hast';
import { SITE_DIR } from './paths.ts';

export { select, selectAll };

/** Parse a built page by its site-relative URL path ("/articles/x/" → articles/x/index.html). */
export function readPage(urlPath: string, dir = SITE_DIR): Root {
  const rel = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  const html = readFileSync(path.join(dir, rel), 'utf8');
  return fromHtml(html);
}

/** Text content with white space collapsed, as a reader sees it. */
export function text(node: Root | Element | undefined): string {
  if (!node) throw new Error('text(): no node');
  return toString(node).replace(/\s+/g, ' ').trim();
}

export function attr(node: Element | undefined, name: string): string | undefined {
  const value = node?.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}
