/**
 * Every built page of every site build (content/ and the newsroom fixture: tests/support/site-builds.ts) carries a strict Content-Security-Policy <meta> (Astro security.csp) that allows exactly
 * the inline scripts and styles the page has, by hash; nothing unsafe. The browser check is in
 * tests/browser/quality.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { builtPages } from '../support/built-pages.ts';
import { siteBuilds } from '../support/site-builds.ts';

/** "script-src 'self' 'sha256-…'; style-src …" → Map(directive → sources). */
function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const pages = siteBuilds().flatMap((build) => builtPages(build.siteDir).map((p) => [`${build.name}: ${p.file}`, p] as const));

describe.each(pages)('CSP of %s', (_, page) => {
  const html = readFileSync(page.abs, 'utf8');
  const tree = fromHtml(html);
  const metas = selectAll('meta[http-equiv="content-security-policy" i]', tree);

  it('has one CSP <meta>, before any script or style', () => {
    expect(metas).toHaveLength(1);
    const head = select('head', tree)!;
    const before = head.children.slice(0, head.children.indexOf(metas[0]!));
    // JSON-LD is a data block, not a script: CSP does not apply to it.
    const loads = selectAll('script, style, link[rel~=stylesheet], link[rel=modulepreload]', {
      type: 'root',
      children: before,
    } as Root).filter((el) => !/json/.test(String(el.properties.type ?? '')));
    expect(loads.map((el) => el.tagName)).toEqual([]);
  });

  const csp = parseCsp(String(metas[0]?.properties.content ?? ''));

  it('is strict: default-src self, no unsafe-inline/unsafe-eval, no wildcard, object-src none, base-uri self', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      expect(
        sources.filter((s) => /^(https?:|data:|blob:)/.test(s)),
        name,
      ).toEqual([]);
    }
  });

  it('allows every inline script and style by its hash', () => {
    const scripts = selectAll('script:not([src])', tree).filter((s) => !/json/.test(String(s.properties.type ?? '')));
    for (const script of scripts) expect(csp.get('script-src'), 'inline script').toContain(sha256(toString(script)));
    for (const style of selectAll('style', tree)) expect(csp.get('style-src'), 'inline style').toContain(sha256(toString(style)));
    // Style attributes and event handlers would need 'unsafe-inline' (or hashes with 'unsafe-hashes'): none.
    expect(selectAll('[style]', tree).map((el) => el.tagName)).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
