/**
 * Nothing lost: for every published entry in content/articles, every text of the source (headline,
 * standfirst, caption, credit, key points, and each paragraph, list item, heading and table cell of the
 * body) appears in its built page, word for word and in order. The same check, from the same code
 * (src/lib/nothing-lost.ts through src/integrations/nothing-lost.ts), runs at the end of every
 * production build; here it is applied to the suite's build, and the build's own run is checked too.
 */
import { describe, expect, it } from 'vitest';
import { checkBuild, pageFile, readEntries, readPublishedEntries } from '../../src/integrations/nothing-lost.ts';
import { articleText, firstMissing, sourceTexts } from '../../src/lib/nothing-lost.ts';
import { readFileSync } from 'node:fs';
import { fixtureBuild } from '../support/fixture-builds.ts';
import { ROOT, SITE_DIR } from '../support/paths.ts';

const now = new Date();
const entries = await readPublishedEntries('content/articles', ROOT, now);

describe('nothing lost between entry and page', () => {
  it('finds the articles', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    it(`${entry.slug}: every text of the entry is on the page, in order`, () => {
      const texts = sourceTexts(entry.data, entry.body);
      expect(texts.length).toBeGreaterThan(3);
      const page = articleText(readFileSync(pageFile(SITE_DIR, entry.slug), 'utf8'));
      expect(page).toBeDefined();
      const missing = firstMissing(texts, page!);
      expect(missing, `missing or out of order: ${JSON.stringify(missing)}`).toBeUndefined();
    });
  }

  it('the build checked the same: no problem in the suite’s build', async () => {
    expect(await checkBuild(entries, SITE_DIR)).toEqual([]);
  });

  it('runs at the end of every production build, over the published entries only', async () => {
    // The editorial fixture set: a published article and hostile markup are published; a draft and a
    // scheduled article are not.
    const all = await readEntries('tests/fixtures/articles-editorial', ROOT);
    const published = await readPublishedEntries('tests/fixtures/articles-editorial', ROOT, now);
    expect(all.map((e) => e.slug).sort()).toEqual(['draft-article', 'hostile-markup', 'published-article', 'scheduled-article']);
    expect(published.map((e) => e.slug).sort()).toEqual(['hostile-markup', 'published-article']);
    expect(fixtureBuild('editorial').output).toContain('[nothing-lost] 2 published articles: every text of the entry is on its page');
  });
});
