/**
 * Nothing lost: for every published entry of every site build (content/articles and the newsroom fixture:
 * tests/support/site-builds.ts), every text of the source (headline, standfirst, caption, credit, key points,
 * and each paragraph, list item, heading and table cell of the body) appears in its built page, word for word
 * and in order, and every body image with its alt text. The same check, from the same code
 * (src/publishing/nothing-lost.ts through src/integrations/nothing-lost.ts), runs at the end of every production
 * build; here it is applied to the suite's builds, and the build's own run is checked too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { checkBuild, pageFile, readEntries as readSources, readPublishedEntries } from '../../src/integrations/nothing-lost.ts';
import { articleText, firstMissing, normalise, sourceTexts } from '../../src/publishing/nothing-lost.ts';
import { readPage, select, selectAll } from '../support/html.ts';
import { pathOf, readEntries, siteBuilds, type Entry } from '../support/site-builds.ts';
import { FIXTURE_SETS, fixtureBuild } from '../support/fixture-builds.ts';
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
