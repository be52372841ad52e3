/**
 * Collection photos without their bytes in the Vite build.
 *
 * For every image a content entry names (the lead photo, images in the body), Astro's build reads the whole file,
 * hands its bytes to the Vite bundle as an emitted asset (so the original lands in `dist/_astro/`, where the image
 * step reads it to make the resized files, then deletes it), and makes a module for it. The bundler keeps those
 * bytes and what it allocated for them: at 10,000 articles the Vite build took 9.9 s instead of 1.6 s at 1,000,
 * and a bare Astro project with an `image()` field peaked 700 MB higher than without (1.9 GB at 1,000 articles
 * with 3.5 MB photos). None of that is needed: the image step only reads the original from `dist/_astro/`.
 *
 * In a build, this plugin answers the content images' modules first: the same image object Astro makes (width,
 * height, format, the `/_astro/<name>.<hash>.<ext>` URL of the original, and the file's path, behind the same
 * proxy that records when a page uses the original itself), without emitting the bytes. The original is linked
 * (hard link, a copy where links cannot be made) into `dist/_astro/` under that name, where Astro's image step
 * finds it, and deletes it unless a page used it, as before. The name's hash is of the file's bytes, as Vite's
 * is, so a changed photo gets a new name and new resized files; the bytes are hashed once and remembered by the
 * file's identity (src/integrations/photo-facts.ts), so a rebuild reads no unchanged photo.
 *
 * `astro dev` is left to Astro: there the image is served from its file.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkOrCopy } from './cache-links.ts';
import { photoFacts, type PhotoFactsStore } from './photo-facts.ts';

/** Astro's mark on an image import made by a content collection (astro/dist/content/consts.js). */
const CONTENT_IMAGE_FLAG = 'astroContentImageFlag';
/** Raster formats the image step resizes; SVGs (made into components by Astro) are left to Astro. */
const RASTER = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/**
 * The module Astro would make for an imported image (astro/dist/assets/utils/proxy.js, 7.3.5): the object behind
 * a proxy that answers `clone` and `fsPath` freely and records any other property read as a use of the original.
 */
export function imageModule(image: { src: string; width: number; height: number; format: string; orientation?: number }, fsPath: string): string {
  const file = JSON.stringify(fsPath);
  return `export default new Proxy(${JSON.stringify(image)}, {
  get(target, name) {
    if (name === 'clone') return structuredClone(target);
    if (name === 'fsPath') return ${file};
    if (target[name] !== undefined && globalThis.astroAsset) {
      globalThis.astroAsset.referencedImages?.add(${file});
      globalThis.astroAsset.recordReferencedImage?.(${file});
    }
    return target[name];
  }
});
`;
}

/** Astro's record of the originals a page used itself (the image module's proxy adds to it), in a build. */
function referencedOriginals(): Set<string> | undefined {
  return (globalThis as { astroAsset?: { referencedImages?: Set<string> } }).astroAsset?.referencedImages;
}

export default function photoOriginals(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let assetsDir = '_astro';
  let base = '/';
  let facts: Promise<PhotoFactsStore> | undefined;
  /** Each original linked into the output: its place there, and its file. */
  const linked = new Map<string, { file: string; done: Promise<void> }>();

  const plugin: Plugin = {
    name: 'news-reader:photo-originals',
    enforce: 'pre',
    apply: 'build',
    async load(id) {
      if (!id.includes(`?${CONTENT_IMAGE_FLAG}`)) return null;
      const file = id.slice(0, id.indexOf('?'));
      if (!RASTER.test(file)) return null;
      facts ??= photoFacts(cacheDir);
      const { hash, ...metadata } = await (await facts).of(file);
      // Named as Vite names an emitted file: `[name].[hash][extname]`.
      const ext = path.extname(file);
      const name = `${path.basename(file, ext)}.${hash}${ext}`;
      const target = path.join(outDir, assetsDir, name);
      let link = linked.get(target);
      if (!link) {
        link = { file, done: mkdir(path.dirname(target), { recursive: true }).then(() => linkOrCopy(file, target)) };
        linked.set(target, link);
      }
      await link.done;
      return imageModule({ src: `${base}${assetsDir}/${name}`, ...metadata }, file);
    },
    // Kept as soon as the bundle is made: facts of files hold whether or not the rest of the build succeeds.
    async buildEnd() {
      await (await facts)?.save();
    },
  };

  return {
    name: 'photo-originals',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        assetsDir = config.build.assets;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:setup': ({ vite }) => {
        // First among the build's plugins, before Astro's own answer for image modules.
        vite.plugins = [plugin, ...(vite.plugins ?? [])];
      },
      // After the resized files are made, the originals leave the output, as Astro's image step removes those it
      // resized: all but the ones a page used itself. Also those no page resized (a draft's photo, an article
      // scheduled for later), which Astro would have left in dist/_astro/.
      'astro:build:generated': async () => {
        const used = referencedOriginals();
        await Promise.all(
          [...linked].filter(([, { file }]) => !used?.has(file)).map(([target]) => rm(target, { force: true })),
        );
      },
    },
  };
}
