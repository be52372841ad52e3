/**
 * Every article page's weight before images (every published article of every site build: content/ and the
 * newsroom fixture, tests/support/site-builds.ts), as DESIGN.md budgets it: HTML + CSS + JS at most 14,600 bytes
 * gzip (one TCP round trip), JavaScript at most 2 KiB gzip. Measured the way the site is served: each file
 * gzip-compressed on its own (level 9, as the build's pre-compressed .gz files), external CSS and JS
 * (and the modules they import) included.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { pathOf, siteBuilds } from '../support/site-builds.ts';

const BUDGET_TOTAL = 14_600;
const BUDGET_JS = 2_048;
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

function measure(siteDir: string, htmlFile: string) {
  const html = readFileSync(htmlFile, 'utf8');
  const tree = fromHtml(html);
  const cssFiles = selectAll('link[rel~=stylesheet][href]', tree).map((l) => String(l.properties.href));
  const scriptUrls = selectAll('script[src]', tree).map((s) => String(s.properties.src));
  const modulepreloads = selectAll('link[rel=modulepreload][href]', tree).map((l) => String(l.properties.href));
  const inlineScripts = selectAll('script:not([src])', tree).filter((s) => !/json/.test(String(s.properties.type ?? '')));
  const inlineImports = inlineScripts.flatMap((s) => [...toString(s).matchAll(/(?:import|from)\s*["']([^"']+\.m?js)["']/g)].map((m) => m[1]!));
  const seen = new Set<string>();
  const jsFiles = [...scriptUrls, ...modulepreloads, ...inlineImports].flatMap((u) => jsWithImports(siteDir, u, seen));
  const externalCss = cssFiles.reduce((n, f) => n + gz(readFileSync(fileOf(siteDir, f))), 0);
  const externalJs = jsFiles.reduce((n, f) => n + gz(readFileSync(fileOf(siteDir, f))), 0);
  const inlineJs = inlineScripts.length ? gz(inlineScripts.map((s) => toString(s)).join('\n')) : 0;
  return { html: gz(html), externalCss, externalJs, inlineJs, js: externalJs + inlineJs, total: gz(html) + externalCss + externalJs };
}

const articlePages = siteBuilds().flatMap((build) =>
  build.published.map((entry) => [`${build.name}: ${entry.slug}`, build.siteDir, path.join(build.siteDir, pathOf(build, entry.slug), 'index.html')] as const),
);

/** The search page, before the reader searches (Pagefind's script and WebAssembly load then: README "Search"). */
const searchPages = siteBuilds().map((build) => [build.name, build.siteDir, path.join(build.siteDir, 'search', 'index.html')] as const);

describe.each(searchPages)('search page weight, %s', (name, siteDir, file) => {
  it(`HTML + CSS + JS is at most ${BUDGET_TOTAL} bytes gzip`, () => {
    const weight = measure(siteDir, file);
    console.log(`[weight] ${name}: search page ${JSON.stringify(weight)}`);
    expect(weight.js).toBeGreaterThan(500); // its script was measured
    expect(weight.total).toBeLessThanOrEqual(BUDGET_TOTAL);
  });
});

describe.each(articlePages)('article page weight, %s', (name, siteDir, file) => {
  const weight = measure(siteDir, file);

  it(`HTML + CSS + JS is at most ${BUDGET_TOTAL} bytes gzip before images`, () => {
    console.log(`[weight] ${name}: ${JSON.stringify(weight)}`);
    expect(weight.html).toBeGreaterThan(1_000); // measured something real
    expect(weight.total).toBeLessThanOrEqual(BUDGET_TOTAL);
  });

  it(`JavaScript is at most ${BUDGET_JS} bytes gzip`, () => {
    expect(weight.js).toBeLessThanOrEqual(BUDGET_JS);
  });
});
