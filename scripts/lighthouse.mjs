#!/usr/bin/env node
/**
 * Lighthouse as a benchmark (not a test): `npm run lighthouse [-- --page /articles/<slug>/] [--json out.json]`.
 *
 * Builds the site for a loopback origin (so canonical URLs match the server), serves the build with nginx and
 * the committed recipe (deploy/nginx.conf, pre-compressed files) or, without nginx, a plain static server,
 * then runs the `lighthouse` package with its default mobile settings (simulated slow 4G, mid-range phone)
 * in Debian's Chromium, and prints the four category scores, LCP/CLS/TBT and every audit that is not passing.
 * Target: 100 in each category.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { astroBuild } from './lib/astro-build.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium.ts';
import { nginxPath, startNginx } from './lib/nginx.ts';
import { serveStatic } from './lib/static-server.ts';

const { values: args } = parseArgs({ options: { page: { type: 'string' }, json: { type: 'string' } } });

if (!chromiumPath) throw new Error('lighthouse: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');

// Serve first (nginx reads files per request), then build for the origin the server got, so canonical and
// feed URLs point at the server Lighthouse loads the page from.
// A folder of its own: two checkouts may run this at once.
const outDir = mkdtempSync(path.join(tmpdir(), 'reader-lighthouse-'));
// The recipe includes the build's redirect rules, which nginx reads once, at start: an empty file until the build
// writes the real one (Lighthouse loads no old URL).
writeFileSync(path.join(outDir, '_redirects.nginx.conf'), '');
const server = nginxPath ? await startNginx(outDir, '/') : await serveStatic(outDir, '/');
const build = astroBuild(outDir, { SITE_URL: server.origin, BASE_PATH: '/' });
if (build.status !== 0) {
  await server.close();
  throw new Error(`lighthouse: astro build failed:\n${build.output}`);
}
console.log(
  `[lighthouse] built ${outDir} for ${server.origin} in ${Math.round(build.ms)} ms; serving with ${nginxPath ? 'nginx + deploy/nginx.conf' : 'a plain static server'}`,
);

// The first real article page (redirect pages for old slugs carry a meta refresh).
const slug = readdirSync(path.join(outDir, 'articles')).find(
  (d) =>
    existsSync(path.join(outDir, 'articles', d, 'index.html')) &&
    !readFileSync(path.join(outDir, 'articles', d, 'index.html'), 'utf8').includes('http-equiv="refresh"'),
);
const pagePath = args.page ?? `/articles/${slug}/`;
const url = server.origin + pagePath;

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});

try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error('lighthouse: no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  if (args.json) writeFileSync(path.resolve(args.json), result.report);

  console.log(`\nLighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${lhr.environment.hostUserAgent}`);
  console.log(`${url}\n`);
  for (const category of Object.values(lhr.categories)) {
    console.log(`  ${category.title.padEnd(16)} ${Math.round((category.score ?? 0) * 100)}`);
  }
  const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
  console.log(
    `\n  LCP ${metric('largest-contentful-paint')}   CLS ${metric('cumulative-layout-shift')}   TBT ${metric('total-blocking-time')}   FCP ${metric('first-contentful-paint')}`,
  );

  const failing = Object.values(lhr.audits).filter(
    (a) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode),
  );
  if (failing.length) {
    console.log('\n  Not passing:');
    for (const a of failing)
      console.log(`    ${a.id} (${Math.round(a.score * 100)}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
  }
  const warnings = lhr.runWarnings ?? [];
  if (warnings.length) console.log(`\n  Run warnings:\n${warnings.map((w) => `    ${w}`).join('\n')}`);
} finally {
  chrome.kill();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
