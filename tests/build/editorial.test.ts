/**
 * The editorial fixture set (tests/fixtures/sets/editorial) built for production:
 * drafts and scheduled articles are nowhere in the output; hostile markup is neutralised in the HTML
 * (what Chromium makes of it is tests/browser/hostile-markup.test.ts); frontmatter is always text;
 * warnings are printed for headlines too long for link previews.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

const DIR = fixtureSiteDir('editorial');
const build = fixtureBuild('editorial');
const frontmatterOf = (slug: string) =>
  parseFrontmatter(readFileSync(path.join(ROOT, FIXTURE_SETS.editorial, slug, 'index.md'), 'utf8')).frontmatter;

describe('editorial fixture build', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('warns about headlines too long for link previews, naming the file', () => {
    expect(build.output).toContain(
      `warning: ${FIXTURE_SETS.editorial}/published-article/index.md: title: 114 characters; link previews cut headlines after about 110`,
    );
  });
});

describe('drafts and scheduled articles in a production build', () => {
  const hidden = ['draft-article', 'scheduled-article'];
  const files = readdirSync(DIR, { recursive: true }).map(String);

  it('have no page', () => {
    for (const slug of hidden) expect(files).not.toContain(`articles/${slug}/index.html`);
    expect(files).toContain('articles/published-article/index.html');
  });

  it('are not on the front page', () => {
    const links = selectAll('main a', readPage('/', DIR)).map((a) => attr(a, 'href'));
    expect(links).toContain('/articles/published-article/');
    for (const slug of hidden) expect(links).not.toContain(`/articles/${slug}/`);
  });

  it('are mentioned by no file of the output at all (pages, feeds, sitemap, …)', () => {
    const textFiles = files.filter((f) => /\.(html|xml|json|txt|webmanifest)$/.test(f));
    expect(textFiles.length).toBeGreaterThan(2);
    for (const file of textFiles) {
      const content = readFileSync(path.join(DIR, file), 'utf8');
      for (const slug of hidden) {
        expect(content, file).not.toContain(slug);
        expect(content, file).not.toContain(String(frontmatterOf(slug).title));
      }
    }
  });
});

describe('hostile markup, in the built HTML', () => {
  const page = readPage('/articles/hostile-markup/', DIR);
  const body = select('.article-body', page)!;
  const all = selectAll('*', page);

  it('keeps no dangerous element in the body', () => {
    const banned =
      'script, style, iframe, object, embed, form, input, button, base, meta, link, svg, math, template, noscript, video, audio, marquee';
    expect(selectAll(banned, body).map((e) => e.tagName)).toEqual([]);
    expect(selectAll('base', page)).toEqual([]);
  });

  it('keeps no event-handler or style attribute anywhere on the page', () => {
    const offending = all.flatMap((el) =>
      Object.keys(el.properties)
        .filter((k) => /^on/i.test(k) || (k === 'style' && el.tagName !== 'svg'))
        .map((k) => `${el.tagName}[${k}]`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps no URL that is not http(s), mailto, or relative', () => {
    const urls = all.flatMap((el) =>
      ['href', 'src', 'action', 'formAction', 'data', 'cite'].map((k) => attr(el, k)).filter((v): v is string => !!v),
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a scheme
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\0-\x1f]/g, ''))?.[1]?.toLowerCase();
      expect([undefined, 'http', 'https', 'mailto'], url).toContain(scheme);
    }
  });

  it('gives external links rel="noopener noreferrer" and prefixes authored ids', () => {
    const external = selectAll('a[href^="https://"]', body);
    expect(external.length).toBeGreaterThan(0);
    for (const a of external) expect(attr(a, 'rel')).toBe('noopener noreferrer');
    // Authored ids and names are prefixed, so they cannot clobber globals (window.__pwned) or our ids.
    expect(select('#user-content-__pwned', body)).toBeDefined();
    expect(select('img[name="user-content-__pwned"]', body)).toBeDefined();
    expect(select('#user-content-p1', body)).toBeDefined();
    expect(selectAll('[id="__pwned"], [name="__pwned"]', page)).toEqual([]);
    expect(text(select('#p1', body))).toMatch(/^Each vector below/);
  });

  it('renders every frontmatter string as text, exactly as written', () => {
    const fm = frontmatterOf('hostile-markup') as Record<string, any>;
    expect(text(select('h1', page))).toBe(fm.title);
    expect(text(select('title', page)).startsWith(fm.title)).toBe(true);
    expect(text(select('.standfirst', page))).toBe(fm.standfirst);
    expect(selectAll('.key-points li', page).map((li) => text(li))).toEqual(fm.summary);
    expect(text(select('figcaption .caption', page))).toBe(fm.image.caption);
    expect(text(select('figcaption .credit', page))).toBe(fm.image.credit);
    expect(attr(select('figure img', page), 'alt')).toBe(fm.image.alt);
    // …and none of it became markup: the only scripts are the site's own (module/JSON-LD), none from an entry.
    for (const script of selectAll('script', page) as Element[]) expect(text(script)).not.toMatch(/<\/?(script|img|svg|iframe)/i);
  });
});

describe('a published article', () => {
  const page = readPage('/articles/published-article/', DIR);
  it('keeps its body image, with its alt text, optimised by the build', () => {
    const img = select('.article-body img', page);
    expect(attr(img, 'alt')).toBe('A small fixture picture of dark blocks');
    expect(attr(img, 'src')).toMatch(/^\/_astro\//);
  });
});
