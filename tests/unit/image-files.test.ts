/**
 * Where an article's images may come from (src/content-model/image-files.ts), on real files in a temp dir:
 * paths that leave the article's folder, symbolic links out of it, linked entry folders, missing files,
 * control characters, the pixel limit (PNG headers claiming huge sizes: a few hundred bytes each).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMAGE_PIXEL_LIMIT, articleFileProblems, entryFolderProblem, localImageProblem } from '../../src/content-model/image-files.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { checkArticles } from '../../src/content-model/articles-loader.ts';
import { plainPhoto, pngHeaderOnly } from '../support/test-images.ts';

let tmp: string;
let articles: string;
let entry: string;
let entryFile: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'image-files-'));
  articles = path.join(tmp, 'articles');
  entry = path.join(articles, 'story');
  entryFile = path.join(entry, 'index.md');
  const photo = await plainPhoto();
  mkdirSync(path.join(entry, 'photos'), { recursive: true });
  mkdirSync(path.join(articles, 'other'), { recursive: true });
  mkdirSync(path.join(tmp, 'outside', 'elsewhere'), { recursive: true });
  writeFileSync(entryFile, '');
  writeFileSync(path.join(entry, 'lead.jpg'), photo);
  writeFileSync(path.join(entry, 'photos', 'detail.jpg'), photo);
  writeFileSync(path.join(articles, 'other', 'photo.jpg'), photo);
  writeFileSync(path.join(tmp, 'outside', 'private.jpg'), photo);
  writeFileSync(path.join(tmp, 'outside', 'elsewhere', 'index.md'), '');
  writeFileSync(path.join(entry, 'notes.txt'), 'not an image');
  // Links out of the folder: to a file outside the project, to another article, through a linked folder.
  symlinkSync(path.join(tmp, 'outside', 'private.jpg'), path.join(entry, 'absolute-link.jpg'));
  symlinkSync('../../outside/private.jpg', path.join(entry, 'relative-link.jpg'));
  symlinkSync('../other/photo.jpg', path.join(entry, 'other-article.jpg'));
  symlinkSync('../../outside', path.join(entry, 'linked-folder'));
  // Links that stay inside the folder are fine.
  symlinkSync('photos/detail.jpg', path.join(entry, 'alias.jpg'));
  // A linked entry folder, and a linked index.md.
  symlinkSync(path.join(tmp, 'outside', 'elsewhere'), path.join(articles, 'linked-entry'));
  mkdirSync(path.join(articles, 'linked-file'));
  symlinkSync(path.join(tmp, 'outside', 'elsewhere', 'index.md'), path.join(articles, 'linked-file', 'index.md'));
  symlinkSync('story', path.join(articles, 'alias-entry'));
  // Pixel limit: PNG headers.
  writeFileSync(path.join(entry, 'at-limit.png'), pngHeaderOnly(10_000, 10_000));
  writeFileSync(path.join(entry, 'over-limit.png'), pngHeaderOnly(10_000, 10_001));
  writeFileSync(path.join(entry, '16k.png'), pngHeaderOnly(16_000, 16_000));
  writeFileSync(path.join(entry, '30k.png'), pngHeaderOnly(30_000, 30_000));
  writeFileSync(path.join(entry, 'panorama.png'), pngHeaderOnly(100_000, 1_200));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const problem = (src: string, subject = `file "${src}"`) => localImageProblem(entryFile, src, subject);

describe('image paths inside the article folder', () => {
  it('accepts files beside the entry, below it, and links that stay inside it', async () => {
    for (const src of ['./lead.jpg', 'lead.jpg', './photos/detail.jpg', 'photos/../lead.jpg', './alias.jpg', './at-limit.png']) {
      expect(await problem(src), src).toBeUndefined();
    }
  });
});

describe('paths that leave the article folder', () => {
  it('are refused before the file is even looked for, with the fix', async () => {
    for (const src of [
      '../other/photo.jpg',
      '../../outside/private.jpg',
      'photos/../../other/photo.jpg',
      '..',
      '../story/../../outside/private.jpg',
      '/etc/passwd.jpg',
    ]) {
      expect(await problem(src), src).toBe(
        `file "${src}" is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./${path.basename(path.resolve(entry, src))}"`,
      );
    }
  });

  it('the folder itself is not an image path', async () => {
    expect(await problem('.')).toMatch(/is outside the article's folder/);
  });
});

describe('symbolic links', () => {
  it('to files outside the folder are refused, wherever they point: another article, outside the project, through a linked folder', async () => {
    for (const src of ['./absolute-link.jpg', './relative-link.jpg', './other-article.jpg', './linked-folder/private.jpg']) {
      expect(await problem(src), src).toBe(
        `file "${src}" is a symbolic link to a file outside the article's folder; copy the photo itself into the article's folder in place of the link`,
      );
    }
  });

  it('an entry folder or index.md linked from outside the articles folder is refused; one linked from inside is not', async () => {
    const folder = await entryFolderProblem('articles/linked-entry/index.md', path.join(articles, 'linked-entry', 'index.md'), articles);
    expect(folder && formatProblem(folder)).toBe(
      `articles/linked-entry/index.md: folder: is a symbolic link to ${path.join(tmp, 'outside', 'elsewhere')}, outside the articles folder; move the article's folder itself into the articles folder`,
    );
    expect(await entryFolderProblem('f', path.join(articles, 'linked-file', 'index.md'), articles)).toBeDefined();
    expect(await entryFolderProblem('f', path.join(articles, 'alias-entry', 'index.md'), articles)).toBeUndefined();
    expect(await entryFolderProblem('f', entryFile, articles)).toBeUndefined();
  });

  it('a linked articles folder itself is fine (the project chose it)', async () => {
    const link = path.join(tmp, 'articles-link');
    symlinkSync(articles, link);
    expect(await entryFolderProblem('f', path.join(link, 'story', 'index.md'), link)).toBeUndefined();
    expect(await localImageProblem(path.join(link, 'story', 'index.md'), './lead.jpg', 'x')).toBeUndefined();
  });
});

describe('missing and unreadable files', () => {
  it('a missing file is named', async () => {
    expect(await problem('./missing.jpg')).toBe('file "./missing.jpg" not found beside the entry');
    expect(await problem('./missing.jpg', 'image "./missing.jpg"')).toBe('image "./missing.jpg" not found beside the entry');
    expect(await problem('./photos/nope.png')).toBe('file "./photos/nope.png" not found beside the entry');
  });

  it('a file that is not an image', async () => {
    expect(await problem('./notes.txt')).toMatch(/^file "\.\/notes\.txt" cannot be read as an image \(/);
  });
});

describe('control characters in a path', () => {
  it('are refused, named by code point', async () => {
    for (const [src, code] of [
      ['./lead\u0000.jpg', 'U+0000'],
      ['./lead\u0007.jpg', 'U+0007'],
      ['./le\u001bad.jpg', 'U+001B'],
      ['./lead.jpg\u007f', 'U+007F'],
      ['./\u0085lead.jpg', 'U+0085'],
      ['./lead.jpg\n', 'U+000A'],
    ] as const) {
      expect(await problem(src, 'file "x"'), JSON.stringify(src)).toBe(
        `file "x" contains a control character (${code}), which cannot be part of a file name; retype the path, e.g. ./photo.jpg`,
      );
    }
  });
});

describe('the pixel limit', () => {
  it('is 100 megapixels, width × height, read from the header', async () => {
    expect(IMAGE_PIXEL_LIMIT).toBe(100_000_000);
    expect(await problem('./at-limit.png')).toBeUndefined();
    expect(await problem('./over-limit.png')).toBe(
      'file "./over-limit.png" is 10,000 × 10,001 pixels (100 megapixels); the limit is 100 megapixels: save a smaller copy (4,000 pixels on the long side is plenty) and use that',
    );
    expect(await problem('./16k.png')).toMatch(
      /^file "\.\/16k\.png" is 16,000 × 16,000 pixels \(256 megapixels\); the limit is 100 megapixels/,
    );
    expect(await problem('./30k.png')).toMatch(
      /^file "\.\/30k\.png" is 30,000 × 30,000 pixels \(900 megapixels\); the limit is 100 megapixels/,
    );
    expect(await problem('./panorama.png')).toMatch(/is 100,000 × 1,200 pixels \(120 megapixels\)/);
  });
});

describe('articleFileProblems: one entry, lead photo and body together', () => {
  const check = (imageSrc: unknown, body: string) =>
    articleFileProblems({ file: 'articles/story/index.md', entryFile, articlesDir: articles, imageSrc, body }).then((ps) =>
      ps.map(formatProblem),
    );

  it('names the field: image.src for the lead photo, body for body images, each image once', async () => {
    expect(
      await check(
        '../../outside/private.jpg',
        '![A](./missing.jpg)\n\n![B](../other/photo.jpg)\n\n![C](./relative-link.jpg) ![A again](./missing.jpg)\n\n![D](./30k.png) ![fine](./photos/detail.jpg)',
      ),
    ).toEqual([
      `articles/story/index.md: image.src: file "../../outside/private.jpg" is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./private.jpg"`,
      'articles/story/index.md: body: image "./missing.jpg" not found beside the entry',
      `articles/story/index.md: body: image "../other/photo.jpg" is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./photo.jpg"`,
      `articles/story/index.md: body: image "./relative-link.jpg" is a symbolic link to a file outside the article's folder; copy the photo itself into the article's folder in place of the link`,
      'articles/story/index.md: body: image "./30k.png" is 30,000 × 30,000 pixels (900 megapixels); the limit is 100 megapixels: save a smaller copy (4,000 pixels on the long side is plenty) and use that',
    ]);
  });

  it('shows a control character in image.src as an escape', async () => {
    expect(await check('./lead\u0000.jpg', 'Text.')).toEqual([
      'articles/story/index.md: image.src: file "./lead\\u0000.jpg" contains a control character (U+0000), which cannot be part of a file name; retype the path, e.g. ./photo.jpg',
    ]);
  });

  it('reports malformed link URLs and unusable image URLs of the body', async () => {
    expect(await check('./lead.jpg', '[x](<https://exa mple.com/>) ![y](/y.jpg)')).toEqual([
      `articles/story/index.md: body: image "/y.jpg" is a site path, not a file of the article; put the photo in the article's folder and write "./y.jpg"`,
      'articles/story/index.md: body: link "https://exa mple.com/" is not a valid web address (a space or other character that cannot be in one?); correct it or remove the link',
    ]);
  });

  it('leaves remote images and the URL form of image.src to their own checks', async () => {
    expect(await check('https://example.com/a.jpg', '![r](https://example.com/r.jpg)')).toEqual([
      'articles/story/index.md: image.src: expected a file beside index.md (e.g. ./photo.jpg), got the URL "https://example.com/a.jpg"',
    ]);
  });

  it('a clean entry has no problems', async () => {
    expect(await check('./lead.jpg', 'Text.\n\n![A detail.](./photos/detail.jpg) ![Alias.](alias.jpg)')).toEqual([]);
  });
});

describe('checkArticles sees entries through linked folders', () => {
  it('and reports the linked entry folder, not its contents', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'linked-articles-'));
    try {
      const outside = path.join(dir, 'outside', 'kept-elsewhere');
      mkdirSync(outside, { recursive: true });
      mkdirSync(path.join(dir, 'articles'));
      writeFileSync(path.join(outside, 'lead.jpg'), await plainPhoto());
      writeFileSync(path.join(outside, 'index.md'), '---\ntitle: "T"\nsummary: ["S"]\nimage:\n  src: ./lead.jpg\n  alt: "A"\n---\nBody.\n');
      symlinkSync(outside, path.join(dir, 'articles', 'kept-elsewhere'));
      const problems = await checkArticles({ dir: 'articles', root: dir });
      expect(problems.map(formatProblem)).toEqual([
        `articles/kept-elsewhere/index.md: folder: is a symbolic link to ${outside}, outside the articles folder; move the article's folder itself into the articles folder`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
