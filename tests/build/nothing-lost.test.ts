/**
 * Nothing lost: for every published entry of every site build (content/articles and the newsroom fixture:
 * tests/support/site-builds.ts), every text of the source (headline, standfirst, caption, credit, key points,
 * and each paragraph, list item, heading and table cell of the body) appears in its built page, word for word
 * and in order, and every body image with its alt text. The same check, from the same code
 * (src/publishing/nothing-lost.ts through src/integrations/nothing-lost.ts), runs at the end of every production
 * build; here it is applied to the suite's builds, and the build's own run is checked too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { checkBuild, checkSite, pageFile, readEntries as readSources, readPublishedEntries } from '../../src/integrations/nothing-lost.ts';
import { articleText, firstMissing, nothingLostProblems, normalise, sourceTexts } from '../../src/publishing/nothing-lost.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { readPage, select, selectAll } from '../support/html.ts';
import { pathOf, readEntries, siteBuilds, type Entry } from '../support/site-builds.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { GENERATED_BUILD_TIME } from '../support/generated-fixture.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';
import { ROOT } from '../support/paths.ts';

/** The alt text of every image in the entry's body, in order. */
function imageAlts(entry: Entry): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(entry.body) as Root;
  const alts: string[] = [];
  visit(tree, 'image', (node) => void alts.push(normalise(node.alt ?? '')));
  return alts;
}

describe.each(siteBuilds().map((b) => [b.name, b] as const))('%s: nothing lost between entry and page', (_, build) => {
  it('finds the articles', () => {
    expect(build.entries.length).toBeGreaterThan(0);
  });

  for (const entry of build.published) {
    it(`${entry.slug}: every text of the entry is on the page, in order, and every body image with its alt text`, () => {
      const texts = sourceTexts(entry.data, entry.body);
      // The headline, at least one key point and one block of body (the schema requires all three).
      expect(texts.length).toBeGreaterThanOrEqual(3);
      const page = articleText(readFileSync(pageFile(build.siteDir, entry.slug), 'utf8'));
      expect(page).toBeDefined();
      const missing = firstMissing(texts, page!);
      expect(missing, `missing or out of order: ${JSON.stringify(missing)}`).toBeUndefined();
      const body = select('.article-body', readPage(pathOf(build, entry.slug), build.siteDir));
      expect(selectAll('img', body!).map((img) => normalise(String(img.properties.alt ?? '')))).toEqual(imageAlts(entry));
    });
  }

  it('the build’s own check agrees: no problem in this build', async () => {
    const published = new Set(build.published.map((e) => e.slug));
    const sources = (await readSources(build.articlesDir, ROOT)).filter((e) => published.has(e.slug));
    expect(sources.length).toBe(published.size);
    expect(await checkBuild(sources, build.siteDir)).toEqual([]);
  });
});

describe('the check at the end of every production build', () => {
  it('runs over the published entries only', async () => {
    // The editorial fixture set: a published article, hostile markup and prose markup are published; a
    // draft and a scheduled article are not.
    const all = await readSources(FIXTURE_SETS.editorial, ROOT);
    const published = await readPublishedEntries(FIXTURE_SETS.editorial, ROOT, new Date());
    expect(all.length - published.length).toBe(2);
    expect(published.map((e) => e.slug)).not.toContain('draft-article');
    expect(published.map((e) => e.slug)).not.toContain('scheduled-article');
    expect(fixtureBuild('editorial').output).toContain(
      `[nothing-lost] ${published.length} published articles: every text of the entry is on its page`,
    );
  });
});

describe('seed fixture: what the check reads from an entry', () => {
  it('is the headline, then the wire copy’s caption, credit, key points and paragraphs, exactly', () => {
    const [seed] = readEntries(FIXTURE_SETS.seed).filter((e) => e.slug === SEED_SLUG);
    const source = readSourceArticle();
    const texts = sourceTexts(seed!.data, seed!.body).map((t) => t.text);
    expect(texts).toEqual([seed!.data.title, source.caption, source.credit, ...source.summary, ...source.body].map(normalise));
  });
});

describe('a rebuild compares again only what changed, and a remembered pass never hides a new loss', () => {
  // A copy of the newsroom fixture's entries and of its built article pages, so that both can be changed.
  const work = mkdtempSync(path.join(tmpdir(), 'nothing-lost-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const dir = path.join(work, 'articles');
  const outDir = path.join(work, 'dist');
  cpSync(path.resolve(ROOT, FIXTURE_SETS.newsroom), dir, { recursive: true });
  cpSync(path.join(fixtureSiteDir('newsroom'), 'articles'), path.join(outDir, 'articles'), { recursive: true });
  const now = new Date(fixtureBuild('newsroom').startedAt);
  const cache = { file: path.join(work, 'cache', 'passed.txt'), code: 'the check, version 1' };
  const check = (code = cache.code) => checkSite({ dir, root: ROOT, now, outDir, cache: { ...cache, code } });
  const uncached = () => checkSite({ dir, root: ROOT, now, outDir });
  const published = siteBuilds().find((b) => b.name === 'newsroom fixture')!.published;
  const n = published.length;
  // An article with a second paragraph, to lose.
  const slug = published.map((e) => e.slug).find((s) => readFileSync(pageFile(outDir, s), 'utf8').includes('<p id="p2">'))!;
  const page = pageFile(outDir, slug);
  const original = readFileSync(page, 'utf8');
  const other = published.find((e) => e.slug !== slug)!.slug;
  const otherEntry = path.join(dir, other, 'index.md');
  const otherOriginal = readFileSync(otherEntry, 'utf8');

  it('compares every published article once, then none while nothing changes', async () => {
    expect(n).toBeGreaterThan(2);
    expect(await check()).toEqual({ problems: [], published: n, fromCache: 0 });
    expect(await check()).toEqual({ problems: [], published: n, fromCache: n });
  });

  it('compares a changed page again: a page that lost a paragraph fails, with the message of a full check', async () => {
    writeFileSync(page, original.replace(/<p id="p2">[\s\S]*?<\/p>/, ''));
    const result = await check();
    expect(result.fromCache).toBe(n - 1);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${dir}/${slug}/index\\.md: body: ".+" is missing from the built page articles/${slug}/index\\.html \\(or out of order\\)`,
        ),
      ),
    ]);
    expect(result.problems).toEqual((await uncached()).problems);
    // What failed was not remembered: the next build fails the same way.
    expect((await check()).problems).toEqual(result.problems);
    writeFileSync(page, original);
  });

  it('compares a changed entry again: text its page does not show fails, though the page passed before', async () => {
    // The restored page is compared again: only the passes of the last build are remembered, and it failed there.
    expect(await check()).toEqual({ problems: [], published: n, fromCache: n - 1 });
    appendFileSync(otherEntry, '\n\nA paragraph the page never showed.\n');
    const result = await check();
    expect(result.fromCache).toBe(n - 1);
    expect(result.problems.map(formatProblem)).toEqual([
      `${dir}/${other}/index.md: body: "A paragraph the page never showed." is missing from the built page articles/${other}/index.html (or out of order): text was lost between the entry and the page`,
    ]);
    writeFileSync(otherEntry, otherOriginal);
  });

  it('compares everything again when the check’s code changed', async () => {
    expect(await check()).toEqual({ problems: [], published: n, fromCache: n - 1 }); // the restored entry
    expect(await check()).toEqual({ problems: [], published: n, fromCache: n });
    expect(await check('the check, version 2')).toEqual({ problems: [], published: n, fromCache: 0 });
  });

  it('reports a published article whose page is gone, though it passed before', async () => {
    rmSync(page);
    expect((await check()).problems.map(formatProblem)).toEqual([
      `${dir}/${slug}/index.md: slug: no page was built at articles/${slug}/index.html`,
    ]);
    writeFileSync(page, original);
  });
});

describe('many comparisons, spread over worker threads', () => {
  it('find what the same comparisons find one by one on the main thread, in entry order', async () => {
    // The generated fixture: 300 articles, enough for the worker threads. A few lose their headline.
    const outDir = fixtureSiteDir('generated');
    const entries = await readPublishedEntries(FIXTURE_SETS.generated, ROOT, new Date(GENERATED_BUILD_TIME));
    expect(entries.length).toBeGreaterThanOrEqual(200);
    const lose = (i: number) => i % 97 === 5;
    const changed = entries.map((e, i) => (lose(i) ? { ...e, data: { ...e.data, title: `${e.data.title} (not on the page)` } } : e));
    const problems = await checkBuild(changed, outDir);
    expect(problems.map((p) => p.file)).toEqual(entries.filter((_, i) => lose(i)).map((e) => e.file));
    const oneByOne = changed.flatMap((e) =>
      nothingLostProblems({
        file: e.file,
        page: path.relative(outDir, pageFile(outDir, e.slug)),
        fields: e.data,
        body: e.body,
        html: readFileSync(pageFile(outDir, e.slug), 'utf8'),
      }),
    );
    expect(problems).toEqual(oneByOne);
  });
});
