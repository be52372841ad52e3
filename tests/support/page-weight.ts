/**
 * A built page's weight before images, as DESIGN.md budgets it: the HTML and every CSS and JS file it loads
 * (and the modules they import), each gzip-compressed on its own (level 9, as the build's pre-compressed .gz
 * files). Used by tests/build/page-weight.test.ts (article pages) and listing-weight.test.ts (the rest).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export const BUDGET_TOTAL = 14_600;
export const BUDGET_JS = 2_048;
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** A site-relative URL ("/_astro/x.js") → the file in the build. */
const fileOf = (siteDir: string, url: string) => path.join(siteDir, new URL(url, 'http://x/').pathname);

/** A JS file and every module it statically imports. */
function jsWithImports(siteDir: string, url: string, seen = new Set<string>()): string[] {
  if (seen.has(url)) return [];
  seen.add(url);
  const code = readFileSync(fileOf(siteDir, url), 'utf8');
  const imports = [...code.matchAll(/(?:import|from)\s*["']([^"']+\.m?js)["']/g)].map((m) => new URL(m[1]!, `http://x${url}`).pathname);
  return [url, ...imports.flatMap((i) => jsWithImports(siteDir, i, seen))];
}

export interface Weight {
  html: number;
  externalCss: number;
  externalJs: number;
  inlineJs: number;
  js: number;
  total: number;
}

export function measure(siteDir: string, htmlFile: string): Weight {
  const html = readFileSync(htmlFile, 'utf8');
  const tree = fromHtml(html);
  const cssFiles = selectAll('link[rel~=stylesheet][href]', tree).map((l) => String(l.properties.href));
  const scriptUrls = selectAll('script[src]', tree).map((s) => String(s.properties.src));
  const modulepreloads = selectAll('link[rel=modulepreload][href]', tree).map((l) => String(l.properties.href));
  const inlineScripts = selectAll('script:not([src])', tree).filter((s) => !/json/.test(String(s.properties.type ?? '')));
  const inlineImports = inlineScripts.flatMap((s) =>
    [...toString(s).matchAll(/(?:import|from)\s*["']([^"']+\.m?js)["']/g)].map((m) => m[1]!),
  );
  const seen = new Set<string>();
  const jsFiles = [...scriptUrls, ...modulepreloads, ...inlineImports].flatMap((u) => jsWithImports(siteDir, u, seen));
  const externalCss = cssFiles.reduce((n, f) => n + gz(readFileSync(fileOf(siteDir, f))), 0);
  const externalJs = jsFiles.reduce((n, f) => n + gz(readFileSync(fileOf(siteDir, f))), 0);
  const inlineJs = inlineScripts.length ? gz(inlineScripts.map((s) => toString(s)).join('\n')) : 0;
  return { html: gz(html), externalCss, externalJs, inlineJs, js: externalJs + inlineJs, total: gz(html) + externalCss + externalJs };
}
