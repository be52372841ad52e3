/**
 * The markup policy in a real production build of the editorial fixture set (tests/fixtures/sets/editorial):
 * element names written in prose keep every word (prose-markup), ids are ours or prefixed and unique, in-page
 * links and footnotes land on their targets, frontmatter URLs are http(s) only, and neither the pages nor the
 * feeds carry `javascript:`/`data:` URLs, `srcset` smuggling or images from other sites.
 * (What Chromium makes of the hostile page is tests/browser/hostile-markup.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT, TEST_SITE_URL } from '../support/paths.ts';

const DIR = fixtureSiteDir('editorial');
const build = fixtureBuild('editorial');
const source = (slug: string) => readFileSync(path.join(ROOT, FIXTURE_SETS.editorial, slug, 'index.md'), 'utf8');

/** Problems with the URLs and elements of a piece of built HTML, as a browser parses it. */
function urlProblems(tree: Root | Element): string[] {
  const problems: string[] = [];
  for (const el of selectAll('*', tree)) {
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on/i.test(key)) problems.push(`${el.tagName}[${key}]`);
      const urls =
        key === 'srcSet'
          ? String(value)
              .split(',')
              .map((c) => c.trim().split(/\s+/)[0] ?? '')
          : ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'data'].includes(key)
            ? [String(value)]
            : [];
      for (const url of urls) {
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a scheme
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\0-\x1f]/g, ''))?.[1]?.toLowerCase();
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`${el.tagName}[${key}=${url}]`);
        if ((key === 'src' || key === 'srcSet') && new URL(url, `${TEST_SITE_URL}/articles/x/`).origin !== TEST_SITE_URL) {
          problems.push(`remote image ${el.tagName}[${key}=${url}]`);
        }
      }
    }
  }
  return problems;
}

describe('the editorial fixture build', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });
});

describe('element names written in prose (prose-markup)', () => {
  const page = readPage('/articles/prose-markup/', DIR);
  const body = select('.article-body', page)!;

  it('keeps every sentence, with the element names as written, in order', () => {
    const lines = source('prose-markup').split('\n---\n')[1]!.split('\n');
    const phrases = [
      ...lines
        .filter((l) => /Kept \d+:/.test(l))
        .map((l) =>
          l
            .replace(/^.*?(Kept \d+:)/, '$1')
            .split(/\[|<a |<\/p>/)[0]!
            .trim(),
        ),
    ];
    expect(phrases).toHaveLength(13);
    phrases.splice(4, 0, '<iframe> tags were then used to frame the login page.');
    phrases.splice(6, 0, "<!-- an editor's note that was never closed");
    const bodyText = text(body);
    let from = 0;
    for (const phrase of phrases) {
      const at = bodyText.indexOf(phrase, from);
      expect(at, `missing or out of order: "${phrase}"\n${bodyText}`).toBeGreaterThanOrEqual(0);
      from = at + phrase.length;
    }
  });

  it('gives every id on the page once, and in the markdown only our paragraph ids or prefixed ones', () => {
    const ids = selectAll('[id]', page).map((el) => String(el.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    const markdownIds = selectAll('.article-body > :not(.key-points) [id], .article-body > :not(.key-points)[id]', page).map((el) =>
      String(el.properties.id),
    );
    expect(markdownIds.length).toBeGreaterThan(15);
    for (const id of markdownIds) expect(id).toMatch(/^(p\d+(-\d+)?|user-content-.+)$/);
    expect(selectAll('[id="__pwned"], [name="__pwned"]', page)).toEqual([]);
    expect(
      selectAll('.article-body > h2', page)
        .slice(0, 2)
        .map((h) => h.properties.id),
    ).toEqual(['user-content-__pwned', 'user-content-p4']);
    expect(selectAll('#p4', page).map((el) => el.tagName)).toEqual(['p']);
  });

  it('points every link within the article at something in it', () => {
    const links = selectAll('a[href^="#"]', body).map((a) => attr(a, 'href')!);
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const href of links) {
      if (href === '#top') continue;
      expect(selectAll(`[id="${decodeURIComponent(href.slice(1))}"]`, page), href).toHaveLength(1);
    }
    expect(links).toEqual(expect.arrayContaining(['#p4', '#user-content-intro', '#user-content-__pwned', '#top']));
  });

  it('links footnote references and notes both ways', () => {
    const refs = selectAll('a[data-footnote-ref]', body);
    expect(refs.map((a) => attr(a, 'href'))).toEqual(['#user-content-fn-source', '#user-content-fn-2', '#user-content-fn-source']);
    const backs = selectAll('a[data-footnote-backref]', body).map((a) => attr(a, 'href'));
    expect(backs).toEqual(['#user-content-fnref-source', '#user-content-fnref-source-2', '#user-content-fnref-2']);
    for (const href of [...refs.map((a) => attr(a, 'href')!), ...backs]) expect(select(href!, body), href).toBeDefined();
    expect(text(select('#user-content-fn-source', body))).toMatch(/^Kept 12: the first footnote\./);
  });

  it('publishes the http(s) byline link on the author’s page and in the JSON-LD; the byline links the author’s page', () => {
    expect(selectAll('a[rel="author"]', page).map((a) => attr(a, 'href'))).toEqual(['/authors/jane-doe/']);
    expect(selectAll('main a[rel="author"]', readPage('/authors/jane-doe/', DIR)).map((a) => attr(a, 'href'))).toEqual([
      'https://example.com/staff/jane',
    ]);
    const ld = selectAll('script[type="application/ld+json"]', page).map((s) => JSON.parse(text(s)));
    const article = ld.find((d) => d['@type'] === 'NewsArticle');
    expect(article.author).toEqual([{ '@type': 'Person', name: 'Jane Doe', url: 'https://example.com/staff/jane' }]);
  });
});

describe('hostile markup: URLs and images', () => {
  const page = readPage('/articles/hostile-markup/', DIR);
  const body = select('.article-body', page)!;

  it('keeps no srcset, <picture> or <source>, and no image from another site, in the body', () => {
    expect(selectAll('picture, source, [srcset]', body)).toEqual([]);
    for (const img of selectAll('img', body)) {
      const src = attr(img, 'src');
      if (src !== undefined) expect(new URL(src, `${TEST_SITE_URL}/`).origin, src).toBe(TEST_SITE_URL);
    }
  });

  it('gives the heading "__pwned" a prefixed id', () => {
    // (Vector 21's <a id="__pwned"> has `user-content-__pwned` already.)
    expect(selectAll('.article-body > h2', page).map((h) => h.properties.id)).toEqual(['user-content-__pwned-1']);
  });
});

describe('feeds of the editorial build', () => {
  const rss = parseRssFeed(readFileSync(path.join(DIR, 'rss.xml'), 'utf8'));
  const json = parseJsonFeed(JSON.parse(readFileSync(path.join(DIR, 'feed.json'), 'utf8')));

  it('carry the hostile and prose articles', () => {
    expect(rss.items!.map((i) => i.link)).toEqual(
      expect.arrayContaining([`${TEST_SITE_URL}/articles/hostile-markup/`, `${TEST_SITE_URL}/articles/prose-markup/`]),
    );
  });

  it('carry no javascript:/data: URL, no event handler and no image from another site in any item', () => {
    const contents = [...rss.items!.map((i) => i.content?.encoded ?? ''), ...json.items!.map((i) => i.content_html ?? '')];
    expect(contents.length).toBe(2 * rss.items!.length);
    for (const html of contents) {
      expect(html.length).toBeGreaterThan(0);
      expect(urlProblems(fromHtml(html, { fragment: true }))).toEqual([]);
    }
  });

  it('carry only http(s) author URLs', () => {
    const authors = json.items!.flatMap((i) => i.authors ?? []);
    expect(authors).toContainEqual({ name: 'Jane Doe', url: 'https://example.com/staff/jane' });
    for (const a of authors) if (a.url) expect(a.url).toMatch(/^https?:\/\//);
  });
});
