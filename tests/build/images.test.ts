/**
 * Nothing from outside an article's folder, and no original photo with its camera metadata, reaches dist/.
 *
 * - images (tests/fixtures/sets/images): a lead photo and two body photos, each carrying EXIF with a
 *   GPS position, the owner's name and serial numbers (made by tests/support/test-images.ts), and a draft with a
 *   photo of its own, which no page resizes. It builds; dist/ must hold only resized derivatives, without that
 *   metadata, and no copy of any original.
 * - images-invalid (tests/fixtures/sets/images-invalid): image paths that leave the article's folder
 *   (`..`, symbolic links, a linked entry folder), a missing body image, a control character in
 *   `image.src`, images over the pixel limit, malformed URLs in body links. The build must refuse them all,
 *   naming file, field and fix, and copy nothing from tests/fixtures/sets/images-outside.
 * - the site build: no original of content/ either.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT, SITE_DIR } from '../support/paths.ts';
import { SECRET_METADATA } from '../support/test-images.ts';
import { attr, readPage, selectAll } from '../support/html.ts';

const OUTSIDE = 'tests/fixtures/sets/images-outside';

/** Every file under `dir` (following symbolic links, as a build would), absolute. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => path.join(dir, String(name)))
    .filter((file) => statSync(file).isFile());
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Files in `dist` byte-identical to one of `sources`, as `dist file = source file`. */
function copiesOf(dist: string, sources: readonly string[]): string[] {
  const bySha = new Map(sources.map((file) => [sha256(file), path.relative(ROOT, file)]));
  return filesUnder(dist).flatMap((file) => {
    const source = bySha.get(sha256(file));
    return source ? [`${path.relative(dist, file)} = ${source}`] : [];
  });
}

/** Files in `dist` that contain one of the metadata strings, byte for byte. */
function filesWithMetadata(dist: string): string[] {
  const needles = Object.values(SECRET_METADATA).map((s) => Buffer.from(s));
  return filesUnder(dist).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

const IMAGE_FILE = /\.(jpe?g|png|webp|avif)$/i;

/** Image files in `dist` that carry EXIF, XMP or IPTC metadata at all (as sharp reads the container). */
async function imagesWithMetadata(dist: string): Promise<string[]> {
  const images = filesUnder(dist).filter((file) => IMAGE_FILE.test(file));
  const found: string[] = [];
  for (const file of images) {
    const { exif, xmp, iptc } = await sharp(file).metadata();
    if (exif || xmp || iptc) found.push(path.relative(dist, file));
  }
  return found;
}

describe('photos with camera metadata (fixture set "images")', () => {
  const build = fixtureBuild('images');
  const dist = fixtureSiteDir('images');
  const sources = filesUnder(path.join(ROOT, FIXTURE_SETS.images));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('the fixture photos do carry the metadata (so the checks below can fail)', async () => {
    const photos = sources.filter((file) => IMAGE_FILE.test(file));
    expect(photos.length).toBe(4);
    for (const photo of photos) {
      const { exif, xmp } = await sharp(photo).metadata();
      expect(exif?.includes(Buffer.from(SECRET_METADATA.serial)), photo).toBe(true);
      expect(xmp?.includes(Buffer.from(SECRET_METADATA.place)), photo).toBe(true);
    }
  });

  it('publishes the body photos as resized images, not as the files written', () => {
    const page = readPage('/articles/photo-metadata/', dist);
    const srcs = selectAll('.article-body img', page).map((img) => attr(img, 'src') ?? '');
    expect(
      srcs.some((src) => /\/_astro\/detail\.[\w-]+_[\w-]+\.webp$/.test(src)),
      srcs.join('\n'),
    ).toBe(true);
    expect(
      srcs.some((src) => /\/_astro\/market\.[\w-]+_[\w-]+\.webp$/.test(src)),
      srcs.join('\n'),
    ).toBe(true);
  });

  it('publishes no original: no file in dist/ is byte-identical to a file of the articles folder', () => {
    expect(copiesOf(dist, sources)).toEqual([]);
  });

  it('names the resized files after a hash of each photo read by the build itself, not by the bundler (src/integrations/photo-originals.ts)', () => {
    const page = readPage('/articles/photo-metadata/', dist);
    const srcs = selectAll('img', page).map((img) => attr(img, 'src') ?? '');
    for (const photo of sources.filter((file) => IMAGE_FILE.test(file) && file.includes('/photo-metadata/'))) {
      const ext = path.extname(photo);
      const hash = createHash('sha256').update(readFileSync(photo)).digest('base64url').slice(0, 8);
      const name = `/_astro/${path.basename(photo, ext)}.${hash}_`;
      expect(
        srcs.some((src) => src.includes(name)),
        `${name} in\n${srcs.join('\n')}`,
      ).toBe(true);
    }
  });

  it('publishes no metadata: no file in dist/ contains the owner, serial numbers or place, and no image has EXIF, XMP or IPTC', async () => {
    expect(filesWithMetadata(dist)).toEqual([]);
    expect(await imagesWithMetadata(dist)).toEqual([]);
  });
});

describe('the site build', () => {
  it('publishes no original of content/ and no image with EXIF, XMP or IPTC', async () => {
    expect(copiesOf(SITE_DIR, filesUnder(path.join(ROOT, 'content')))).toEqual([]);
    expect(await imagesWithMetadata(SITE_DIR)).toEqual([]);
  });
});

describe('image paths and body URLs the build refuses (fixture set "images-invalid")', () => {
  const DIR = FIXTURE_SETS['images-invalid'];
  const build = fixtureBuild('images-invalid');
  const dist = fixtureSiteDir('images-invalid');

  /** Every line the build must print: `<file>: <field>: <problem>`. */
  const EXPECTED = [
    // Paths that leave the article's folder.
    `${DIR}/outside-lead/index.md: image.src: file "../../images-outside/private.jpg" is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./private.jpg"`,
    `${DIR}/outside-body/index.md: body: image "../../images-outside/private.jpg" is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./private.jpg"`,
    `${DIR}/outside-body/index.md: body: image "photos/../../huge-lead/lead.png" is outside the article's folder`,
    // Symbolic links out of it.
    `${DIR}/symlink-lead/index.md: image.src: file "./lead.jpg" is a symbolic link to a file outside the article's folder; copy the photo itself into the article's folder in place of the link`,
    `${DIR}/symlink-body/index.md: body: image "./copy.jpg" is a symbolic link to a file outside the article's folder`,
    `${DIR}/linked-entry/index.md: folder: is a symbolic link to `,
    // Missing files, unusable paths.
    `${DIR}/missing-body-image/index.md: body: image "./missing.jpg" not found beside the entry`,
    `${DIR}/control-in-src/index.md: image.src: file "./lead\\u0000.jpg" contains a control character (U+0000)`,
    `${DIR}/body-image-paths/index.md: body: image "./50%-off.jpg" has a "%" that is not followed by two hexadecimal digits; write "%25" for a percent sign`,
    `${DIR}/body-image-paths/index.md: body: image "/images/photo.jpg" is a site path, not a file of the article; put the photo in the article's folder and write "./photo.jpg"`,
    // Over the pixel limit.
    `${DIR}/huge-lead/index.md: image.src: file "./lead.png" is 30,000 × 30,000 pixels (900 megapixels); the limit is 100 megapixels`,
    `${DIR}/huge-body/index.md: body: image "./big.png" is 16,000 × 16,000 pixels (256 megapixels); the limit is 100 megapixels`,
    // Malformed URLs (the feeds used to crash on them with "TypeError: Invalid URL").
    `${DIR}/malformed-links/index.md: body: link "https://exa mple.com/" is not a valid web address`,
    `${DIR}/malformed-links/index.md: body: link "https://exa mple.net/" is not a valid web address`,
    `${DIR}/malformed-links/index.md: body: link "http://exa mple.org/" is not a valid web address`,
    `${DIR}/malformed-links/index.md: body: cite URL "https://[oops/" is not a valid web address`,
  ];

  it('fails, and writes no pages', () => {
    expect(build.status).not.toBe(0);
    expect(filesUnder(dist).filter((f) => f.endsWith('.html'))).toEqual([]);
  });

  it('names file, field, problem and fix for every mistake, each on a line of its own', () => {
    const lines = build.output.split('\n').map((l) => l.trim());
    for (const expected of EXPECTED) {
      expect(
        lines.some((l) => l.startsWith(expected)),
        `missing line: ${expected}\n--- output ---\n${build.output}`,
      ).toBe(true);
    }
  });

  it('counts them: one error line per mistake, and every fixture entry is named', () => {
    expect(build.output).toContain(`${EXPECTED.length} problems in the articles:`);
    for (const entry of readdirSync(path.join(ROOT, DIR))) expect(build.output).toContain(`${DIR}/${entry}/index.md: `);
  });

  it('copies nothing from outside the articles folder', () => {
    expect(copiesOf(dist, filesUnder(path.join(ROOT, OUTSIDE)))).toEqual([]);
  });
});
