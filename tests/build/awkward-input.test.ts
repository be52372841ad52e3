/**
 * Careless input (tests/fixtures/sets/awkward) must still publish whole, and every feed and
 * sitemap must stay well-formed XML: read here with a strict XML parser, in every build the suite
 * makes (the site and each fixture set that builds).
 *
 * control-characters: a vertical tab, backspace, U+0001, NUL, bell, escape, DEL, NEL, U+FFFE, U+FFFF,
 * U+FDD0 and lone surrogates, in every frontmatter text field (as YAML escapes) and raw in the body.
 * They are removed, or become a space where they separated words (VT, FF, NEL), everywhere.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { HtmlValidate, formatterFactory } from 'html-validate';
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { builtPages } from '../support/built-pages.ts';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir, type FixtureSet } from '../support/fixture-builds.ts';
import { SITE_DIR } from '../support/paths.ts';
import { NON_TEXT, parseXmlStrict } from '../support/xml.ts';

const AWKWARD = fixtureSiteDir('awkward');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const filesIn = (dir: string, ext: RegExp) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .sort();

/** Every build the suite made that has a dist: the site, and the fixture sets that built. */
const BUILDS: { name: string; dir: string }[] = [
  { name: 'site', dir: SITE_DIR },
  ...(Object.keys(FIXTURE_SETS) as FixtureSet[])
    .map((name) => ({ name, dir: fixtureSiteDir(name) }))
    .filter((b) => existsSync(path.join(b.dir, 'index.html'))),
];

describe('the awkward fixture set', () => {
  it('builds', () => {
    const build = fixtureBuild('awkward');
    expect(build.status, build.output).toBe(0);
  });
});

describe('the awkward pages are valid HTML (html-validate, the project’s rules)', () => {
  const validator = new HtmlValidate(htmlValidateConfig);
  it.each(builtPages(AWKWARD).map((p) => [p.file, p] as const))('%s: no errors', async (_, page) => {
    const report = await validator.validateFile(page.abs);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2));
    expect(errors.length ? formatterFactory('text')(report.results) : '', page.file).toBe('');
  });
});

describe('feeds and sitemaps are well-formed XML', () => {
  it('the strict parser would notice a control character or a reference to one', () => {
    expect(() => parseXmlStrict('<a>x\u0001y</a>')).toThrow(/disallowed character/);
    expect(() => parseXmlStrict('<a>x&#11;y</a>')).toThrow();
    expect(() => parseXmlStrict('<a t="\uFFFF"/>')).toThrow();
    expect(parseXmlStrict('<a>x y</a>').documentElement.textContent).toBe('x y');
  });

  it('checks the site and the awkward set at least', () => {
    expect(BUILDS.map((b) => b.name)).toEqual(expect.arrayContaining(['site', 'awkward']));
  });

  for (const { name, dir } of BUILDS) {
    it(`${name}: every .xml file parses (rss.xml, sitemap.xml, …)`, () => {
      const files = filesIn(dir, /\.xml$/);
      expect(files).toEqual(expect.arrayContaining(['rss.xml', 'sitemap.xml']));
      for (const file of files) {
        const xml = readFileSync(path.join(dir, file), 'utf8');
        expect(() => parseXmlStrict(xml), `${name}/${file}`).not.toThrow();
      }
    });
  }
});

describe('control characters: removed everywhere, words kept', () => {
  const slug = 'control-characters';
  const page = () => readPage(`/articles/${slug}/`, AWKWARD);

  it('no page, feed, sitemap or manifest of the awkward build carries a non-text character', () => {
    const files = filesIn(AWKWARD, /\.(html|xml|json|webmanifest|txt)$/);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const content = readFileSync(path.join(AWKWARD, file), 'utf8');
      expect(NON_TEXT.exec(content)?.[0], file).toBeUndefined();
      // …nor a reference to one, which XML forbids as much as the character.
      expect(content, file).not.toMatch(/&#(x0*[0-8bcef]|x0*1[0-9a-f]|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/i);
    }
  });

  it('frontmatter fields keep their words on the page: a vertical tab became a space', () => {
    const p = page();
    expect(text(select('h1', p))).toBe('Budget vote delayed by a late amendment');
    expect(text(select('title', p))).toMatch(/^Budget vote delayed by a late amendment/);
    expect(text(select('.standfirst', p))).toContain('Councillors will meet again on Monday.');
    const points = selectAll('main li', p).map((li) => text(li));
    expect(points).toEqual(
      expect.arrayContaining([
        'The vote was due on Thursday.',
        'A late amendment sent it back to committee.',
        'The chair said so, and left.',
      ]),
    );
    const figure = select('main figure', p);
    expect(attr(select('img', figure), 'alt')).toBe('Councillors in the chamber.');
    expect(norm(text(select('figcaption', figure)))).toBe('The chamber on Thursday. Jane Doe/Example Agency');
    expect(text(select('main', p))).toContain('Alex Smith');
  });

  it('the body keeps its words: separators became spaces, the rest is gone', () => {
    const body = norm(text(select('.article-body', page())));
    for (const sentence of [
      'Pasted from a word processor: the vertical tab separated these words.',
      'A backspace, a start-of-heading and a NUL', // (a NUL in markdown is U+FFFD, as CommonMark says)
      'in the middle of a sentence.',
      'Noncharacters and and a bell go too.',
      'Raw markup decodes references to controls, in an attribute: Cllrs.',
      'And in an HTML block: boldtext.',
      'A form feed and an escape[0m sequence.',
      'code with a control',
      'The last paragraph ends here.',
    ]) {
      expect(body).toContain(sentence);
    }
    const p = page();
    expect(attr(select('.article-body abbr', p), 'title')).toBe('councillors');
    expect(attr(select('.article-body img', p), 'alt')).toBe('A small fixture picture of dark blocks');
  });

  it('the RSS feed carries the same clean text', () => {
    const rss = parseRssFeed(readFileSync(path.join(AWKWARD, 'rss.xml'), 'utf8'));
    const item = rss.items!.find((i) => i.link?.includes(slug))!;
    expect(item.title).toBe('Budget vote delayed by a late amendment');
    expect(item.description).toBe('Councillors will meet again on Monday.');
    expect(norm(item.content!.encoded!)).toContain('Pasted from a word processor: the vertical tab separated these words.');
    expect(item.authors).toEqual([{ name: 'Alex Smith' }]);
    expect(item.categories?.map((c) => c.name)).toEqual(['budget', 'council']);
  });

  it('the JSON feed carries the same clean text', () => {
    const feed = JSON.parse(readFileSync(path.join(AWKWARD, 'feed.json'), 'utf8'));
    const item = feed.items.find((i: { url: string }) => i.url.includes(slug));
    expect(item).toMatchObject({
      title: 'Budget vote delayed by a late amendment',
      summary: 'Councillors will meet again on Monday.',
      authors: [{ name: 'Alex Smith' }],
      tags: ['budget', 'council'],
    });
    expect(norm(item.content_html)).toContain('The chair said so, and left.');
  });
});

describe('headlines in other scripts', () => {
  it('get a card each, and the build says which characters no card font can draw', async () => {
    const sharp = (await import('sharp')).default;
    for (const slug of ['headline-in-arabic', 'headline-with-emoji-and-cjk', 'headline-without-a-card-font']) {
      const card = path.join(AWKWARD, 'articles', slug, 'card.jpg');
      expect(await sharp(card).metadata(), slug).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    }
    const { output } = fixtureBuild('awkward');
    expect(output).toContain(
      'warning: tests/fixtures/sets/awkward/headline-without-a-card-font/index.md: title: the link-preview card has no font for "የ" (U+12E8)',
    );
    expect(output).not.toMatch(/headline-(in-arabic|with-emoji-and-cjk)\/index\.md: title: the link-preview card/);
  });
});
