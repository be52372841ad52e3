/**
 * An imported image's size and file, read without publishing the original.
 *
 * In a build, Astro wraps every imported image (a lead photo from the collection, an `import` of a
 * file) in a proxy: reading any of its properties (`width`, `src`, `format` …) in our code tells Astro
 * the original file itself is used, and Astro then copies the original, with its camera metadata
 * (GPS position, serial numbers), into `dist/_astro/` (withastro/astro#11887). Astro's own <Picture>
 * reads such properties from a copy, the proxy's `clone`, which does not count as a use; so does this.
 * Outside a build (dev server, plain objects in tests) there is no proxy and the object is read as is. (In a build,
 * collection photos get the same proxy from src/integrations/photo-originals.ts instead of Astro.)
 *
 * Hand the image itself only to <Picture>/<Image>/getImage(), which publish resized derivatives.
 */
import type { ImageMetadata } from 'astro';

export function imageSize(image: ImageMetadata): { width: number; height: number } {
  const copy = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  return { width: copy.width, height: copy.height };
}

/**
 * The file an imported image was read from, for code that works on the original itself (the link-preview card
 * crops it with sharp). The proxy answers `fsPath` without counting it as a use of the original, like `clone`.
 * Neither is in Astro's documented types, and there is no documented way to reach a collection image's file
 * (checked on astro 7.3.5: getImage() gives the URL of a derivative written after the pages are rendered, and the
 * entry's `image.src` as written is gone once the schema has resolved it): both are read here and nowhere else.
 * Undefined when Astro does not say.
 */
export function imageFile(image: ImageMetadata): string | undefined {
  const file = (image as ImageMetadata & { fsPath?: unknown }).fsPath;
  return typeof file === 'string' && file !== '' ? file : undefined;
}

/**
 * What identifies an imported image's content, for cache keys (src/publishing/cache-keys.ts): its build URL,
 * whose name carries a hash of the file's bytes (`/_astro/lead.CRQCB_G2.jpg`), and its size. Read from the
 * proxy's `clone`, like imageSize(), so keying a page does not publish the original.
 */
export function imageKey(image: ImageMetadata): string {
  const copy = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  return `${copy.src} ${copy.width}×${copy.height} ${copy.format}`;
}
