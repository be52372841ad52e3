/**
 * The hosting recipes that cannot run here are parsed with real parsers and checked against the one that
 * does (deploy/nginx.conf, served by nginx in deploy-nginx.test.ts): the GitHub Pages workflow (YAML),
 * netlify.toml (TOML) and public/_headers (Netlify / Cloudflare Pages).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { ROOT, SITE_DIR } from '../support/paths.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** deploy/nginx.conf's `add_header Name "value" always;` lines and its cache map. */
function nginxPolicy() {
  const conf = read('deploy/nginx.conf');
  const headers = new Map<string, string>();
  for (const m of conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)) headers.set(m[1]!.toLowerCase(), m[2]!);
  const immutable = conf.match(/"~\^@BASE@_astro\/"\s+"([^"]+)";/)?.[1];
  const short = conf.match(/default\s+"([^"]+)";/)?.[1];
  return { headers, immutable, short };
}

/** The `_headers` format: an unindented path line, then indented "Name: value" lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const m = line.match(/^\s+([\w-]+):\s*(.+)$/);
    if (!m || !current) throw new Error(`_headers: cannot parse "${line}"`);
    current.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return rules;
}

describe('the nginx recipe (the reference policy)', () => {
  const policy = nginxPolicy();
  it('sets the security headers and both caching rules', () => {
    expect([...policy.headers.keys()].sort()).toEqual([
      'content-security-policy',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
    ]);
    expect(policy.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(policy.immutable).toBe('public, max-age=31536000, immutable');
    expect(policy.short).toMatch(/max-age=\d{1,4},/);
  });
});

describe('public/_headers (Netlify, Cloudflare Pages)', () => {
  const rules = parseHeadersFile(read('public/_headers'));
  const policy = nginxPolicy();

  it('sends the same security headers as nginx on every path', () => {
    expect(Object.fromEntries(rules.get('/*')!)).toEqual(Object.fromEntries(policy.headers));
  });

  it('caches hashed assets for a year and pages briefly, never both on one path', () => {
    expect(rules.get('/_astro/*')?.get('cache-control')).toBe(policy.immutable);
    expect(rules.get('/')?.get('cache-control')).toBe(policy.short);
    expect(rules.get('/articles/*')?.get('cache-control')).toBe(policy.short);
    expect(rules.get('/*')?.has('cache-control')).toBe(false);
  });

  it('is copied into the build', () => {
    expect(readFileSync(path.join(SITE_DIR, '_headers'), 'utf8')).toBe(read('public/_headers'));
    expect(existsSync(path.join(SITE_DIR, '404.html'))).toBe(true);
  });
});

describe('netlify.toml', () => {
  const config = parseToml(read('netlify.toml')) as { build: { command: string; publish: string; environment: Record<string, string> } };
  it('builds with npm run build on Node 24 and publishes dist/', () => {
    expect(config.build.publish).toBe('dist');
    expect(config.build.command).toMatch(/npm run build$/);
    expect(config.build.command).toContain('SITE_URL=');
    expect(config.build.environment.NODE_VERSION).toBe('24');
  });
  it('needs no redirects: dist/404.html is the miss page', () => {
    expect(config).not.toHaveProperty('redirects');
  });
  it('keeps node_modules/.astro between builds with a local build plugin over Netlify’s build cache', async () => {
    const plugins = (config as unknown as { plugins: { package: string }[] }).plugins;
    const dir = path.join(ROOT, plugins.find((p) => p.package.includes('astro-cache'))!.package);
    expect(read(path.relative(ROOT, path.join(dir, 'manifest.yml')))).toMatch(/^name: /m);
    // Netlify calls the hooks with its utils; these record what the plugin asks of the cache.
    const plugin = (await import(path.join(dir, 'index.js'))) as Record<'onPreBuild' | 'onPostBuild', (a: unknown) => Promise<void>>;
    const calls: string[] = [];
    const utils = {
      cache: {
        restore: async (p: string) => (calls.push(`restore ${p}`), true),
        save: async (p: string) => (calls.push(`save ${p}`), true),
      },
    };
    await plugin.onPreBuild({ utils });
    await plugin.onPostBuild({ utils });
    expect(calls).toEqual(['restore node_modules/.astro', 'save node_modules/.astro']);
  });
});

describe('.github/workflows/deploy.yml (GitHub Pages)', () => {
  type Step = { uses?: string; run?: string; id?: string; with?: Record<string, unknown>; env?: Record<string, string> };
  const workflow = parseYaml(read('.github/workflows/deploy.yml')) as {
    on: { push: { branches: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const uses = (action: string) => steps.find((s) => s.uses?.startsWith(`${action}@`));

  it('runs on pushes to main with the permissions Pages deployment needs', () => {
    expect(workflow.on.push.branches).toContain('main');
    expect(workflow.permissions).toMatchObject({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('uses the official actions: configure-pages, upload-pages-artifact (dist), deploy-pages', () => {
    expect(uses('actions/configure-pages')?.id).toBe('pages');
    expect(uses('actions/upload-pages-artifact')?.with?.path).toBe('dist');
    expect(uses('actions/deploy-pages')).toBeDefined();
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(workflow.jobs.deploy?.environment?.name).toBe('github-pages');
  });

  it('builds for the Pages origin and base path on Node 24', () => {
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    expect(uses('actions/setup-node')?.with?.['node-version']).toBe(24);
    expect(steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
  });

  it('restores Astro’s caches after npm ci (which empties node_modules)', () => {
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(install);
    expect(steps[cache]!.with?.path).toBe('node_modules/.astro');
  });
});
