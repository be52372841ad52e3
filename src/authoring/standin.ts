/**
 * The project's stand-in lead photo (scripts/make-standin-image.mjs): an abstract skyline that
 * `npm run new` and `npm run import` write beside a new entry until the real photo arrives, and
 * that the seed article uses on purpose (its wire photo is licensed). A production build refuses it
 * as the lead photo of a non-draft entry unless the entry says `image.standIn: true`.
 */

/**
 * Written by the generator into the JPEG's EXIF ImageDescription; found again in the file's EXIF
 * block. It survives copying and renaming, which is how a stand-in travels between entries.
 */
export const STANDIN_MARKER = 'Stand-in illustration made by the project';

/** Whether an image's raw EXIF block (sharp's `metadata().exif`) carries the stand-in marker. */
export function isStandinExif(exif: Uint8Array | undefined): boolean {
  return exif !== undefined && Buffer.from(exif).includes(STANDIN_MARKER, 0, 'latin1');
}

/** The alt text of the stand-in: it says what the picture is, and that it is a stand-in. */
export const STANDIN_ALT =
  'Stand-in illustration: an abstract city skyline of dark blue blocks with lit windows under a warm glow. It takes the place of the licensed news photograph described in the caption.';
