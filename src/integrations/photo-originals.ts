/**
 * Collection photos without their bytes, or a module each, in the Vite build.
 *
 * For every image a content entry names (the lead photo, images in the body), Astro's build reads the whole file,
 * hands its bytes to the bundler as an emitted asset (so the original lands in `dist/_astro/`, where the image step
 * reads it to make the resized files, then deletes it), and makes a module for it, imported by one module of all
 * of them (`.astro/content-assets.mjs`). Measured (2 cores): with 10,000 articles the Vite build took 7.6 s on
 * every build, 2.5 s without those modules; with 1,000 articles of 3.3 MB photos it took 17.6 s and held 5.3 GB.
 * None of it is needed: the image step only reads the original from `dist/_astro/`.
 *
 * In a build, this plugin writes the content-assets module itself, with each photo's object in place of its
 * import: the object Astro makes (the `/_astro/<name>.<hash>.<ext>` URL of the original, width, height, format,
 * orientation, and the file's path), behind the same proxy that records when a page uses the original itself.
 * The original is linked (hard link, a copy where links cannot be made) into `dist/_astro/` under that name, where
 * Astro's image step finds it. The name's hash is of the file's bytes, as Vite's is, so a changed photo gets a new
 * name and new resized files; the bytes are read once and the facts remembered by the file's identity
 * (src/integrations/photo-facts.ts), so a rebuild reads no unchanged photo. After the image step, every original
 * leaves the output unless a page used it itself: as Astro does for those it resized, and also for those no page
 * resized (a draft's photo, an article scheduled for later), which Astro's own way left in `dist/_astro/` with
 * their camera metadata.
 *
 * What this cannot answer (an SVG, which Astro makes a component; a path it cannot resolve as Astro would) keeps
 * Astro's import, and its image module is still made without the bytes. `astro dev` is left to Astro.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkOrCopy } from './cache-links.ts';
import { photoFacts, type PhotoFactsStore } from './photo-facts.ts';

/** Astro's mark on an image import made by a content collection (astro/dist/content/consts.js). */
const CONTENT_IMAGE_FLAG = 'astroContentImageFlag';
/** Raster formats the image step resizes; SVGs (made into components by Astro) are left to Astro. */
const RASTER = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** What a page gets for an imported image. */
export interface ImageObject {
  src: string;
  width: number;
  height: number;
  format: string;
  orientation?: number;
}

/**
 * The proxy Astro puts around an imported image (astro/dist/assets/utils/proxy.js, 7.3.5), as a function: it answers
 * `clone` and `fsPath` freely and records any other property read as a page's use of the original itself.
 */
const PROXY = `function photo(target, file) {
  return new Proxy(target, {
    get(target, name) {
      if (name === 'clone') return structuredClone(target);
      if (name === 'fsPath') return file;
      if (target[name] !== undefined && globalThis.astroAsset) {
        globalThis.astroAsset.referencedImages?.add(file);
        globalThis.astroAsset.recordReferencedImage?.(file);
      }
      return target[name];
    },
  });
}
`;

const proxied = (image: ImageObject, file: string) => `photo(${JSON.stringify(image)}, ${JSON.stringify(file)})`;

/** The module of one imported image, as Astro would make it. */
export function imageModule(image: ImageObject, file: string): string {
  return `${PROXY}export default ${proxied(image, file)};\n`;
}

/** An import line of Astro's content-assets module: `import __ASTRO_IMAGE_IMPORT_12 from "./lead.jpg?astroContentImageFlag=&importer=…";`. */
const ASSET_IMPORT = /^import (__ASTRO_IMAGE_IMPORT_\d+) from ("[^"\n]*");$/;

/**
 * Astro's content-assets module (`.astro/content-assets.mjs`: one import per image a content entry names, and a
 * map from each entry's reference to it) with the photos' objects written in place of their imports: one module
 * instead of one per photo. `original` gives a photo's object from its file, or undefined to keep the import
 * (not a raster image, a path this cannot resolve as Astro would): Astro then handles it as before.
 */
export async function contentAssetsModule(
  code: string,
  root: string,
  original: (file: string) => Promise<ImageObject | undefined>,
): Promise<string> {
  const lines = await Promise.all(
    code.split('\n').map(async (line) => {
      const match = ASSET_IMPORT.exec(line);
      if (!match) return line;
      const spec = JSON.parse(match[2]!) as string;
      const [base = '', query = ''] = spec.split('?');
      const importer = new URLSearchParams(query).get('importer');
      if (!importer || !/^\.\.?\//.test(base) || !RASTER.test(base)) return line;
      const file = path.resolve(path.dirname(path.resolve(root, importer)), base);
      const image = await original(file);
      return image ? `const ${match[1]} = ${proxied(image, file)};` : line;
    }),
  );
  return `${PROXY}${lines.join('\n')}`;
}

/** Astro's record of the originals a page used itself (the image module's proxy adds to it), in a build. */
function referencedOriginals(): Set<string> | undefined {
  return (globalThis as { astroAsset?: { referencedImages?: Set<string> } }).astroAsset?.referencedImages;
}

export default function photoOriginals(): AstroIntegration {
  let enabled = true;
  let outDir = '';
  let cacheDir = '';
  let root = '';
  /** Astro's content-assets module (ASSET_IMPORTS_FILE in astro/dist/content/consts.js). */
  let contentAssets = '';
  let assetsDir = '_astro';
  let base = '/';
  let facts: Promise<PhotoFactsStore> | undefined;
  /** Each original linked into the output: its place there, and the files of that name and bytes. */
  const linked = new Map<string, { files: Set<string>; done: Promise<void> }>();

  /** The object of the photo at `file`, its original linked into the output under the name the object gives. */
  async function original(file: string): Promise<ImageObject> {
    facts ??= photoFacts(cacheDir);
    const { hash, ...metadata } = await (await facts).of(file);
    // Named as Vite names an emitted file: `[name].[hash][extname]`.
    const ext = path.extname(file);
    const name = `${path.basename(file, ext)}.${hash}${ext}`;
    const target = path.join(outDir, assetsDir, name);
    let link = linked.get(target);
    if (!link) {
      // The file itself, not a symbolic link to it (a link inside the article's folder is allowed).
      const done = mkdir(path.dirname(target), { recursive: true }).then(async () => linkOrCopy(await realpath(file), target));
      link = { files: new Set(), done };
      linked.set(target, link);
    }
    link.files.add(file);
    await link.done;
    return { src: `${base}${assetsDir}/${name}`, ...metadata };
  }

  const plugin: Plugin = {
    name: 'news-reader:photo-originals',
    enforce: 'pre',
    apply: 'build',
    async load(id) {
      if (id === contentAssets) {
        return contentAssetsModule(await readFile(id, 'utf8'), root, async (file) =>
          (await stat(file).catch(() => undefined))?.isFile() ? original(file) : undefined,
        );
      }
      // An image module asked for on its own (when the content-assets module kept its import).
      if (!id.includes(`?${CONTENT_IMAGE_FLAG}`)) return null;
      const file = id.slice(0, id.indexOf('?'));
      if (!RASTER.test(file)) return null;
      return imageModule(await original(file), file);
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
        root = fileURLToPath(config.root);
        contentAssets = path.join(root, '.astro', 'content-assets.mjs');
        cacheDir = fileURLToPath(config.cacheDir);
        assetsDir = config.build.assets;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Assets served from another origin (build.assetsPrefix) are named by Astro's own rules: left to Astro.
        enabled = !config.build.assetsPrefix;
      },
      'astro:build:setup': ({ vite }) => {
        // First among the build's plugins, before Astro's own answer for image modules.
        if (enabled) vite.plugins = [plugin, ...(vite.plugins ?? [])];
      },
      // After the resized files are made, the originals leave the output, as Astro's image step removes those it
      // resized: all but the ones a page used itself. Also those no page resized (a draft's photo, an article
      // scheduled for later), which Astro would have left in dist/_astro/.
      'astro:build:generated': async () => {
        const used = referencedOriginals();
        await Promise.all(
          [...linked].filter(([, { files }]) => ![...files].some((file) => used?.has(file))).map(([target]) => rm(target, { force: true })),
        );
      },
    },
  };
}
