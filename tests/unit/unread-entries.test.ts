/**
 * Files and folders under the articles folder that look like entries but would not be published
 * (src/content-model/unread-entries.ts): each is named, with what to rename or move it to.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { unreadEntryProblems } from '../../src/content-model/unread-entries.ts';
import { FIXTURE_SETS } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

const lines = (names: string[]) => unreadEntryProblems('content/articles', names).map(formatProblem);
const RENAME = "is not an article's index.md, so it is not published; rename it to index.md";

describe('an entry file with the wrong name', () => {
  for (const name of ['index.MD', 'index.Md', 'INDEX.MD', 'Index.md', 'index.markdown', 'index.mdown', 'index.mkd', 'index.mdx', 'article.md', 'story.markdown', 'index.txt', 'index.md.txt', 'index.html']) {
    it(`${name}: rename it to index.md`, () => {
      expect(lines(['budget-vote', `budget-vote/${name}`, 'budget-vote/lead.jpg'])).toEqual([`content/articles/budget-vote/${name}: file: ${RENAME}`]);
    });
  }

  it('a second markdown file beside an index.md: its text belongs in the index.md', () => {
    expect(lines(['a', 'a/index.md', 'a/notes.md', 'a/Notes.MARKDOWN', 'a/lead.jpg'])).toEqual([
      "content/articles/a/Notes.MARKDOWN: file: is not an article's index.md, so it is not published; move its text into a/index.md, or move it out of the articles folder",
      "content/articles/a/notes.md: file: is not an article's index.md, so it is not published; move its text into a/index.md, or move it out of the articles folder",
    ]);
  });

  it('leaves alone what is not markdown beside an index.md: photos, the wire copy, a backup', () => {
    expect(lines(['a', 'a/index.md', 'a/lead.jpg', 'a/source.txt', 'a/index.md.bak', 'a/photos', 'a/photos/one.jpg'])).toEqual([]);
  });
});

describe('a markdown file outside an article folder', () => {
  it('at the top of the articles folder: move it into a folder of its own', () => {
    expect(lines(['Budget vote.md', 'budget.markdown', 'index.md', '2026 – Überblick.mdx'])).toEqual([
      "content/articles/2026 – Überblick.mdx: file: is not an article's index.md, so it is not published; move it to 2026-uberblick/index.md",
      "content/articles/Budget vote.md: file: is not an article's index.md, so it is not published; move it to budget-vote/index.md",
      "content/articles/budget.markdown: file: is not an article's index.md, so it is not published; move it to budget/index.md",
      "content/articles/index.md: file: is not an article's index.md, so it is not published; move it to index/index.md",
    ]);
  });

  it('deeper down: named too, unless it is a .md file (the slug check names those)', () => {
    expect(lines(['a', 'a/index.md', 'a/old', 'a/old/index.MD', 'b', 'b/c', 'b/c/index.md'])).toEqual([
      "content/articles/a/old/index.MD: file: is not an article's index.md, so it is not published; an article is a folder in the articles folder with an index.md: move it to old/index.md there",
    ]);
  });
});

describe('a folder without an index.md', () => {
  it('is named, with a few of the files it holds', () => {
    expect(lines(['photos', 'photos/lead.jpg'])).toEqual([
      'content/articles/photos/: folder: has no index.md, so nothing in it is published (it holds lead.jpg); write the article in photos/index.md, or move the folder out of the articles folder',
    ]);
    expect(lines(['p', 'p/a.jpg', 'p/b.jpg', 'p/c.jpg', 'p/sub', 'p/sub/d.jpg', 'p/e.jpg'])).toEqual([
      'content/articles/p/: folder: has no index.md, so nothing in it is published (it holds a.jpg, b.jpg, c.jpg and 2 more); write the article in p/index.md, or move the folder out of the articles folder',
    ]);
  });

  it('is not named again when a misnamed entry in it says why', () => {
    expect(lines(['a', 'a/index.MD', 'a/lead.jpg'])).toEqual([`content/articles/a/index.MD: file: ${RENAME}`]);
  });

  it('an empty folder, or one with only hidden files, holds nothing to lose', () => {
    expect(lines(['empty', 'hidden', 'hidden/.gitkeep', '.git', '.git/HEAD', '.DS_Store'])).toEqual([]);
  });
});

describe('the project’s own folders', () => {
  it('hold nothing unread: content/articles and every fixture set that must build', () => {
    const dirs = ['content/articles', ...Object.entries(FIXTURE_SETS).filter(([name]) => name !== 'invalid').map(([, dir]) => dir)];
    for (const dir of dirs) {
      const names = readdirSync(path.join(ROOT, dir), { recursive: true }).map((n) => String(n).split(path.sep).join('/'));
      expect(unreadEntryProblems(dir, names), dir).toEqual([]);
    }
  });
});
