/**
 * Where an article's files may come from, checked before anything is built.
 *
 * The policy (README, "Images"): an article's images — the lead photo (`image.src`) and every image in
 * its body (`![alt](./photo.jpg)`) — are files in the article's own folder (or a folder below it).
 * A path that leads out of the folder (`../other/photo.jpg`, `../../../outside/private.jpg`), a
 * symbolic link to a file outside it, and an entry folder that is a link to somewhere outside the
 * articles folder are refused: otherwise the build would copy whatever they point at into `dist/`.
 * Images over IMAGE_PIXEL_LIMIT are refused too (decoding them takes gigabytes; past ~270 megapixels the
 * build crashes). Only the image's header is read here.
 *
 * This is the file-system side of the checks; the messages follow src/content-model/entry-checks.ts.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_FORMATS, imagePathProblem, type EntryProblem } from './entry-checks.ts';
import { bodyImageUrlProblems, bodyUrlProblems, quoted, readBody, type BodyFacts } from './body-checks.ts';

/**
 * The most pixels an image may have (width × height × frames): 100 megapixels, e.g. 12,000 × 8,300.
 * Measured here (README, "Images"): an article with a 50-megapixel PNG as lead photo and another in its
 * body builds with 1.2 GB peak memory, with two 100-megapixel PNGs 1.5 GB, a 256-megapixel one 2.0 GB; a
 * 900-megapixel one fails. Cameras up to 61 megapixels and phones' 50-megapixel modes are inside it.
 */
export const IMAGE_PIXEL_LIMIT = 100_000_000;

/** C0 and C1 control characters and DEL: never part of a file name an editor meant to type. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** `a` is `b` or inside it (both absolute, normalised). */
function isInside(a: string, b: string): boolean {
  const relative = path.relative(b, a);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

const mp = (pixels: number) => `${(pixels / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} megapixels`;
const n = (value: number) => value.toLocaleString('en');

/** Reads an image's header (sharp's metadata: format, size, EXIF), given its absolute path. */
export type MetadataReader = (file: string) => Promise<Metadata>;

/** Header only; no pixel limit here, so that an oversized image is reported with its size. */
const readMetadata: MetadataReader = (file) => sharp(file, { limitInputPixels: false }).metadata();

/**
 * A reader that opens each file once, for one validation pass: the lead photo's header serves both its
 * checks here and the stand-in check (src/content-model/articles-loader.ts).
 */
export function metadataReader(): MetadataReader {
  const read = new Map<string, Promise<Metadata>>();
  return (file) => {
    let metadata = read.get(file);
    if (!metadata) read.set(file, (metadata = readMetadata(file)));
    return metadata;
  };
}

/**
 * The problem with a local image path (relative to the entry's folder), or undefined. `subject` is how
 * the message names it: `file "./photo.jpg"` for the lead photo, `image "./photo.jpg"` in the body.
 */
export async function localImageProblem(
  entryFile: string,
  src: string,
  subject: string,
  metadataOf: MetadataReader = readMetadata,
): Promise<string | undefined> {
  const control = CONTROL.exec(src);
  if (control) {
    return `${subject} contains a control character (${codePoint(control[0])}), which cannot be part of a file name; retype the path, e.g. ./photo.jpg`;
  }
  const folder = path.dirname(entryFile);
  const file = path.resolve(folder, src);
  const name = path.basename(file);
  if (!isInside(file, folder) || file === folder) {
    return `${subject} is outside the article's folder; copy the photo into the article's folder (beside index.md) and write "./${name}"`;
  }
  try {
    await stat(file);
  } catch {
    return `${subject} not found beside the entry`;
  }
  const [realFile, realFolder] = await Promise.all([realpath(file), realpath(folder)]);
  if (!isInside(realFile, realFolder)) {
    return `${subject} is a symbolic link to a file outside the article's folder; copy the photo itself into the article's folder in place of the link`;
  }
  let metadata: Metadata;
  try {
    metadata = await metadataOf(file);
  } catch (error) {
    return `${subject} cannot be read as an image (${(error as Error).message.split('\n')[0]})`;
  }
  const { format, width = 0, height = 0, pages = 1 } = metadata;
  if (!IMAGE_FORMATS.includes(format as (typeof IMAGE_FORMATS)[number])) {
    return `${subject} is ${format ?? 'an unknown format'}; expected JPEG, PNG, WebP or AVIF`;
  }
  const pixels = width * height * pages;
  if (pixels > IMAGE_PIXEL_LIMIT) {
    const frames = pages > 1 ? ` in ${n(pages)} frames` : '';
    return `${subject} is ${n(width)} × ${n(height)} pixels${frames} (${mp(pixels)}); the limit is ${mp(IMAGE_PIXEL_LIMIT)}: save a smaller copy (4,000 pixels on the long side is plenty) and use that`;
  }
  return undefined;
}

/** An entry whose folder (or index.md) is a link to somewhere outside the articles folder. */
export async function entryFolderProblem(file: string, entryFile: string, articlesDir: string): Promise<EntryProblem | undefined> {
  const [realEntry, realArticles] = await Promise.all([realpath(entryFile), realpath(articlesDir)]);
  if (isInside(realEntry, realArticles)) return undefined;
  return {
    file,
    field: 'folder',
    problem: `is a symbolic link to ${path.dirname(realEntry)}, outside the articles folder; move the article's folder itself into the articles folder`,
    level: 'error',
  };
}

export interface ArticleFiles {
  /** The entry's file as the editor knows it (for messages). */
  file: string;
  /** Its absolute path. */
  entryFile: string;
  /** The articles folder, absolute. */
  articlesDir: string;
  /** The frontmatter's `image.src`, as written. */
  imageSrc: unknown;
  /** The markdown below the frontmatter. */
  body: string;
  /** The body's images and URLs, when the caller has read them already (readBody of `body`). */
  facts?: BodyFacts;
  /** How image headers are read (default: each time, from the file). */
  metadataOf?: MetadataReader;
}

/**
 * Every file-related problem of one entry: its folder, its lead photo (`image.src`), its body images and
 * the URLs in its body (src/content-model/body-checks.ts).
 */
export async function articleFileProblems({
  file,
  entryFile,
  articlesDir,
  imageSrc,
  body,
  facts: known,
  metadataOf = readMetadata,
}: ArticleFiles): Promise<EntryProblem[]> {
  const problems: EntryProblem[] = [];
  const folder = await entryFolderProblem(file, entryFile, articlesDir);
  if (folder) return [folder];

  const lead = (problem: string): EntryProblem => ({ file, field: 'image.src', problem, level: 'error' });
  const pathProblem = imagePathProblem(imageSrc);
  if (pathProblem) problems.push(lead(pathProblem));
  else if (typeof imageSrc === 'string' && imageSrc.trim() !== '') {
    const problem = await localImageProblem(entryFile, imageSrc.trim(), `file ${quoted(imageSrc)}`, metadataOf);
    if (problem) problems.push(lead(problem));
  }

  const facts = known ?? readBody(body);
  problems.push(...bodyImageUrlProblems(file, facts), ...bodyUrlProblems(file, facts));
  const seen = new Set<string>();
  for (const image of facts.images) {
    if (image.kind !== 'local' || image.path === undefined || seen.has(image.path)) continue;
    seen.add(image.path);
    const problem = await localImageProblem(entryFile, image.path, `image ${quoted(image.url)}`, metadataOf);
    if (problem) problems.push({ file, field: 'body', problem, level: 'error' });
  }
  return problems;
}
