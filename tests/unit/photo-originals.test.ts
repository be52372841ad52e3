/**
 * Collection photos enter the build by their facts, not their bytes (src/integrations/photo-originals.ts): the
 * facts are read from the file once and remembered by the file's identity (src/integrations/photo-facts.ts), and
 * the image module keeps Astro's proxy, which records a page's use of the original. Real files in a temp dir.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { photoFacts, readPhotoFact } from '../../src/integrations/photo-facts.ts';
import { contentAssetsModule, imageModule, type ImageObject } from '../../src/integrations/photo-originals.ts';
import { ROOT } from '../support/paths.ts';

const LEAD = path.join(ROOT, 'tests/fixtures/lead-480.jpg');

let dir: string;
let photo: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'photo-facts-'));
  photo = path.join(dir, 'lead.jpg');
  copyFileSync(LEAD, photo);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cache = () => path.join(dir, 'cache');

describe('a photo read', () => {
  it('is named by a hash of its bytes, and sized as Astro sizes it', async () => {
    const fact = await readPhotoFact(photo);
    const { width, height } = await sharp(photo).metadata();
    expect(fact).toEqual({
      hash: createHash('sha256').update(readFileSync(photo)).digest('base64url').slice(0, 8),
      width,
      height,
      format: 'jpg',
    });
  });

  it('stands upright when its EXIF orientation turns it (width and height swapped, as Astro does)', async () => {
    const turned = path.join(dir, 'turned.jpg');
    await sharp(LEAD).withMetadata({ orientation: 6 }).toFile(turned);
    const { width, height } = await sharp(LEAD).metadata();
    expect(await readPhotoFact(turned)).toMatchObject({ width: height, height: width, orientation: 6 });
  });

  it('stops the build with the file named when it is not an image', async () => {
    writeFileSync(photo, 'not a photo');
    await expect(readPhotoFact(photo)).rejects.toThrow(photo);
  });
});

describe('photos remembered between builds', () => {
  it('are not read again while the file is the same', async () => {
    const first = await photoFacts(cache());
    const fact = await first.of(photo);
    await first.save();
    expect(first.stats).toEqual({ read: 1, remembered: 0 });

    // A hard link made to it (the build links originals into dist/; a photo shared by two articles) changes its ctime only.
    linkSync(photo, path.join(dir, 'shared.jpg'));
    const second = await photoFacts(cache());
    expect(await second.of(photo)).toEqual(fact);
    expect(second.stats).toEqual({ read: 0, remembered: 1 });
  });

  it('are read again when the photo is replaced in place, and get a new name', async () => {
    const first = await photoFacts(cache());
    const before = await first.of(photo);
    await first.save();

    writeFileSync(photo, await sharp(LEAD).resize(200).jpeg().toBuffer());
    const second = await photoFacts(cache());
    const after = await second.of(photo);
    expect(second.stats).toEqual({ read: 1, remembered: 0 });
    expect(after.hash).not.toBe(before.hash);
    expect(after.width).toBe(200);
  });

  it('keep only the photos the last build asked for', async () => {
    const other = path.join(dir, 'other.jpg');
    copyFileSync(LEAD, other);
    const first = await photoFacts(cache());
    await Promise.all([first.of(photo), first.of(other)]);
    await first.save();
    const second = await photoFacts(cache());
    await second.of(photo);
    await second.save();
    const saved = JSON.parse(readFileSync(path.join(cache(), 'photo-facts.json'), 'utf8')) as { photos: Record<string, unknown> };
    expect(Object.keys(saved.photos)).toEqual([photo]);
  });
});

describe('the image module', () => {
  type Asset = { referencedImages: Set<string> };
  const globals = globalThis as { astroAsset?: Asset };
  afterEach(() => delete globals.astroAsset);

  async function load(fsPath: string) {
    const code = imageModule({ src: '/_astro/lead.abcdefgh.jpg', width: 480, height: 320, format: 'jpg' }, fsPath);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: Record<string, unknown> };
    return module.default;
  }

  it('records a use of the original when a page reads the image itself, not when it reads its clone or file', async () => {
    globals.astroAsset = { referencedImages: new Set() };
    const image = await load('/photos/lead.jpg');
    expect(image.clone).toEqual({ src: '/_astro/lead.abcdefgh.jpg', width: 480, height: 320, format: 'jpg' });
    expect(image.fsPath).toBe('/photos/lead.jpg');
    expect(globals.astroAsset.referencedImages.size).toBe(0);
    expect(image.width).toBe(480);
    expect([...globals.astroAsset.referencedImages]).toEqual(['/photos/lead.jpg']);
  });
});

describe("Astro's content-assets module", () => {
  // As Astro 7.3.5 writes it (.astro/content-assets.mjs): importers relative to the project root.
  const CODE = [
    '',
    'import __ASTRO_IMAGE_IMPORT_0 from "./lead.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md";',
    'import __ASTRO_IMAGE_IMPORT_1 from "./photos/detail.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md";',
    'import __ASTRO_IMAGE_IMPORT_2 from "./chart.svg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md";',
    'import __ASTRO_IMAGE_IMPORT_3 from "./gone.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md";',
    'export default new Map([["./lead.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md", __ASTRO_IMAGE_IMPORT_0], ' +
      '["./photos/detail.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md", __ASTRO_IMAGE_IMPORT_1]]);',
  ].join('\n');

  const original = async (file: string): Promise<ImageObject | undefined> =>
    file.endsWith('gone.jpg')
      ? undefined
      : { src: `/_astro/${path.basename(file, '.jpg')}.hash1234.jpg`, width: 10, height: 5, format: 'jpg' };

  it('writes each photo in place of its import, resolved from its entry, and keeps the imports it cannot answer', async () => {
    const code = await contentAssetsModule(CODE, '/site', original);
    expect(code).not.toContain('./lead.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md";');
    expect(code).toContain(
      'const __ASTRO_IMAGE_IMPORT_0 = photo({"src":"/_astro/lead.hash1234.jpg","width":10,"height":5,"format":"jpg"}, "/site/articles/alpha/lead.jpg");',
    );
    expect(code).toContain('"/site/articles/alpha/photos/detail.jpg"');
    // An SVG (Astro makes it a component) and a file the build could not answer for stay Astro's.
    expect(code).toContain('import __ASTRO_IMAGE_IMPORT_2 from "./chart.svg?');
    expect(code).toContain('import __ASTRO_IMAGE_IMPORT_3 from "./gone.jpg?');
  });

  it('gives each entry reference the same image object as its own module would', async () => {
    const answered = CODE.split('\n')
      .filter((line) => !/IMPORT_[23] from/.test(line))
      .join('\n');
    const code = await contentAssetsModule(answered, '/site', original);
    const map = ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: Map<string, Record<string, unknown>> })
      .default;
    const lead = map.get('./lead.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md')!;
    expect(lead.clone).toEqual({ src: '/_astro/lead.hash1234.jpg', width: 10, height: 5, format: 'jpg' });
    expect(lead.fsPath).toBe('/site/articles/alpha/lead.jpg');
    expect(map.get('./photos/detail.jpg?astroContentImageFlag=&importer=articles%2Falpha%2Findex.md')!.fsPath).toBe(
      '/site/articles/alpha/photos/detail.jpg',
    );
  });
});
