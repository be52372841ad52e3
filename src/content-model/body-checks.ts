/**
 * Checks on an entry's body (the markdown below the frontmatter), from one parse of it.
 *
 * `readBody()` parses the markdown once, as the build does (CommonMark + GFM), and collects what other
 * checks need: the images Astro will import from beside the entry (`![alt](./photo.jpg)`) and every URL
 * a reader or feed reader would follow (markdown links, and `href`/`src`/`cite`/`poster`/`srcset` in raw
 * HTML). `bodyProblems()`-style checks below turn those into `<file>: body: <problem>` lines; the
 * file-system side (does the image exist, where does it really live) is in src/content-model/image-files.ts.
 *
 * Pure functions: no file system, no network. New body checks join here, reading the same `BodyFacts`.
 */
import type { Definition, Html, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { EntryProblem } from './entry-checks.ts';

/** An image in the body, as written (`url`), and what the build does with it. */
export interface BodyImage {
  /** The URL as markdown gives it to Astro (after markdown's own normalisation). */
  url: string;
  /**
   * `local`: a file Astro imports from beside the entry; `remote`: an absolute URL (another policy's
   * concern); `root`: a site-root path (`/photo.jpg`), which Astro leaves alone and which points at no
   * file of the entry; `undecodable`: a `%` not followed by two hex digits (Astro's decodeURI throws).
   */
  kind: 'local' | 'remote' | 'root' | 'undecodable';
  /** For `local` images: the path relative to the entry's folder, percent-decoded as Astro does. */
  path?: string;
}

/** A URL the body asks readers to follow or load. */
interface BodyUrl {
  url: string;
  /** Where it came from, for messages: `link` (markdown or <a href>), `image`, or the HTML attribute. */
  source: 'link' | 'image' | 'cite' | 'poster' | 'srcset';
}

export interface BodyFacts {
  images: BodyImage[];
  urls: BodyUrl[];
}

/** A path or URL in quotes for a message, control characters shown as `\u0000` (printed raw, they vanish or garble the line). */
export function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)}"`;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * The body's markdown tree (CommonMark + GFM), as every check here and in src/content-model/empty-body.ts reads
 * it: the validation pass parses each body once and hands the tree to each of them.
 */
export function parseBody(markdown: string): Root {
  return parser.parse(markdown) as Root;
}

/** An absolute URL (`https:`, `mailto:`, `data:` …), as Astro's `URL.canParse` decides. */
function isAbsoluteUrl(url: string): boolean {
  return URL.canParse(url);
}

/** How Astro's markdown pipeline (remark-collect-images) treats an image URL. */
export function classifyImage(url: string): BodyImage {
  // An address on another site is refused as such (src/content-model/remote-images.ts), whatever its `%`s.
  if (isAbsoluteUrl(url) || url.startsWith('//')) return { url, kind: 'remote' };
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return { url, kind: 'undecodable' };
  }
  if (isAbsoluteUrl(decoded) || decoded.startsWith('//')) return { url, kind: 'remote' };
  if (decoded.startsWith('/')) return { url, kind: 'root' };
  return { url, kind: 'local', path: decoded };
}

/** URL-valued attributes in raw HTML: the ones the feeds make absolute (src/publishing/feed-content.ts). */
const HTML_URL_ATTRIBUTES = [
  ['href', 'link'],
  ['src', 'image'],
  ['cite', 'cite'],
  ['poster', 'poster'],
] as const;

/** The URLs of a `srcset` value (`a.jpg 1x, b.jpg 2x`). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function htmlUrls(node: Html, urls: BodyUrl[]): void {
  const tree = fromHtml(node.value, { fragment: true });
  visit(tree, 'element', (element) => {
    for (const [name, source] of HTML_URL_ATTRIBUTES) {
      const value = element.properties[name];
      if (typeof value === 'string') urls.push({ url: value, source });
    }
    const srcset = element.properties.srcSet;
    if (srcset !== undefined && srcset !== null) {
      const value = Array.isArray(srcset) ? srcset.join(',') : String(srcset);
      for (const url of srcsetUrls(value)) urls.push({ url, source: 'srcset' });
    }
  });
}

/** Parse the body once (or take its tree from parseBody, which it does not change) and collect its images and URLs. */
export function readBody(body: string | Root): BodyFacts {
  const tree = typeof body === 'string' ? parseBody(body) : body;
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    // As mdast-util-definitions: the first definition of an identifier wins.
    const id = node.identifier.toLowerCase();
    if (!definitions.has(id)) definitions.set(id, node);
  });
  const images: BodyImage[] = [];
  const urls: BodyUrl[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'image':
        images.push(classifyImage((node as Image).url));
        urls.push({ url: (node as Image).url, source: 'image' });
        break;
      case 'imageReference': {
        const definition = definitions.get((node as ImageReference).identifier.toLowerCase());
        if (definition) {
          images.push(classifyImage(definition.url));
          urls.push({ url: definition.url, source: 'image' });
        }
        break;
      }
      case 'link':
        urls.push({ url: (node as Link).url, source: 'link' });
        break;
      case 'linkReference': {
        const definition = definitions.get((node as LinkReference).identifier.toLowerCase());
        if (definition) urls.push({ url: definition.url, source: 'link' });
        break;
      }
      case 'html':
        htmlUrls(node as Html, urls);
        break;
    }
  });
  return { images, urls };
}

/**
 * A URL the page and the feeds cannot use: one that does not parse even against the article's own
 * address (the feeds make every URL absolute this way), e.g. `https://exa mple.com/` or `https://[oops/`.
 */
export function isMalformedUrl(url: string): boolean {
  return !URL.canParse(url, 'https://example.invalid/articles/an-article/');
}

const WHAT: Record<BodyUrl['source'], string> = {
  link: 'link',
  image: 'image',
  cite: 'cite URL',
  poster: 'poster URL',
  srcset: 'srcset URL',
};

/** Malformed URLs in links, images and raw HTML. */
export function bodyUrlProblems(file: string, facts: BodyFacts): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const seen = new Set<string>();
  for (const { url, source } of facts.urls) {
    if (!isMalformedUrl(url) || seen.has(`${source} ${url}`)) continue;
    seen.add(`${source} ${url}`);
    problems.push({
      file,
      field: 'body',
      problem: `${WHAT[source]} ${quoted(url)} is not a valid web address (a space or other character that cannot be in one?); correct it or remove the ${source === 'link' || source === 'image' ? source : 'attribute'}`,
      level: 'error',
    });
  }
  return problems;
}

/**
 * Image URLs that cannot be published as written: a `%` that does not start an escape, or a site-root
 * path. Local paths are checked against the file system in src/content-model/image-files.ts; remote images are
 * the markup policy's concern.
 */
export function bodyImageUrlProblems(file: string, facts: BodyFacts): EntryProblem[] {
  const problems: EntryProblem[] = [];
  for (const image of facts.images) {
    if (image.kind === 'undecodable') {
      problems.push({
        file,
        field: 'body',
        problem: `image ${quoted(image.url)} has a "%" that is not followed by two hexadecimal digits; write "%25" for a percent sign, or rename the file`,
        level: 'error',
      });
    } else if (image.kind === 'root') {
      problems.push({
        file,
        field: 'body',
        problem: `image ${quoted(image.url)} is a site path, not a file of the article; put the photo in the article's folder and write "./${image.url.split('/').pop()}"`,
        level: 'error',
      });
    }
  }
  return problems;
}
