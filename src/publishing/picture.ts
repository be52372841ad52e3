/**
 * The files of a responsive <picture> of an imported image (a lead photo): one srcset per modern format and the
 * fallback <img>, exactly as Astro's <Picture> makes them, but asked of getImage() with only what decides each
 * derivative file (the image, its widths, format and quality).
 *
 * Why not <Picture> itself: it hands every attribute of the <img> (alt, sizes, loading, decoding, fetchpriority,
 * class) to getImage(), and Astro's incremental build records each transform with all its options, per page, in
 * `<cacheDir>/incremental-build.json`: 16 transforms per article page and 140 per list page, each with the photo's
 * alt text. At 10,000 articles the record was 438 MB, parsed at the start of every build and written (with the
 * whole of it as one string) at the end of the pages: the build's peak memory (README "Build performance").
 * The file names do not change: Astro names a derivative by a hash of src, width, height, format, quality, fit,
 * position and background only (DEFAULT_HASH_PROPS, astro/dist/assets/consts.js; checked on astro 7.3.5), and
 * those are the same either way. The components lay out the <picture> markup themselves, attribute for attribute
 * as <Picture> does (astro/components/Picture.astro), so the HTML is byte for byte the same too.
 */
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';

/** The modern formats a <source> offers (the fallback <img> keeps the photo's own format). */
export type SourceFormat = 'avif' | 'webp';

export interface PictureFiles {
  /** One <source> per format, in the order asked: its srcset and MIME type. */
  sources: { srcset: string; type: string }[];
  /** The fallback <img>: the full-size photo in its own format, the srcset (when widths were asked), its intrinsic size. */
  img: { src: string; srcset: string | undefined; width: number; height: number };
}

/** The formats <Picture> keeps as the fallback's format (others fall back to PNG). */
const KEEP_FORMAT = new Set(['gif', 'svg', 'jpg', 'jpeg']);

/**
 * The <picture> of `image` in `formats`, at `widths` (undefined: the full size only, as <Picture> without widths)
 * and `quality`. Each call of getImage() records the derivatives it names for the page being rendered.
 */
export async function pictureFiles(
  image: ImageMetadata,
  { formats, widths, quality }: { formats: readonly SourceFormat[]; widths: number[] | undefined; quality: number },
): Promise<PictureFiles> {
  // The proxy's clone, not the image: reading the image's own properties would publish the original
  // (src/publishing/imported-image.ts).
  const { format: ownFormat } = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
  const fallbackFormat = KEEP_FORMAT.has(ownFormat) ? ownFormat : 'png';
  const [fallback, ...modern] = await Promise.all(
    [fallbackFormat, ...formats].map((format) => getImage({ src: image, format, widths, quality })),
  );
  return {
    sources: modern.map((result, i) => ({
      // As <Picture>: with widths, the width descriptors alone; without, the full size first.
      srcset:
        widths !== undefined
          ? result!.srcSet.attribute
          : `${result!.src}${result!.srcSet.values.length > 0 ? `, ${result!.srcSet.attribute}` : ''}`,
      type: `image/${formats[i]}`,
    })),
    img: {
      src: fallback!.src,
      srcset: fallback!.srcSet.values.length > 0 ? fallback!.srcSet.attribute : undefined,
      width: Number(fallback!.attributes.width),
      height: Number(fallback!.attributes.height),
    },
  };
}
