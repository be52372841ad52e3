/**
 * Images in an article body must be files of the article, not URLs of other sites. The page's
 * Content-Security-Policy only loads images from this site (`img-src 'self'`), so a remote image shows
 * broken there, while feed readers would fetch it from the other site. One policy for both: the entry
 * check refuses it, naming the file and the image, and the markup policy drops any that gets through.
 *
 * Reads the body as the build does (markdown with GFM, and remark-literal-html, so HTML that the build
 * shows as text is not taken for an image, and an unclosed `<!--` hides none): markdown images,
 * reference-style images, and `<img>`/`<source>` (`src`, `srcset`) written as HTML. A URL with a scheme (`https:`, `data:`, …) or a
 * scheme-relative one (`//host/…`) is remote; `./photo.jpg` is not.
 */
import type { Definition, Html, Image, ImageReference, Root } from 'mdast';
import type { Element } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import remarkLiteralHtml, { TOO_MANY_UNCLOSED } from '../plugins/remark-literal-html.ts';
import type { EntryProblem } from './entry-checks.ts';
import { isLocalUrl } from '../lib/urls.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkLiteralHtml).freeze();

/** Longest URL quoted in a message (a `data:` URL can be megabytes long). */
const SHOWN = 80;

/** A file name to suggest for the downloaded image: the URL's last path segment, or `image.<type>`. */
export function suggestedName(url: string): string {
  const data = /^\s*data:image\/([a-z0-9.+-]+)/i.exec(url);
  if (data)
    return `image.${data[1]!
      .toLowerCase()
      .replace(/^jpeg$/, 'jpg')
      .replace(/\+.*$/, '')}`;
  let last = url.split(/[?#]/)[0]!.split(/[/\\]/).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // Not valid percent-encoding (`50%-off.jpg`): keep it as written.
  }
  const name = last
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return /\.(jpe?g|png|webp|avif|gif)$/.test(name) ? name : 'image.jpg';
}

const shown = (url: string) => (url.length > SHOWN ? `${url.slice(0, SHOWN - 1)}…` : url);

/** `srcset` candidates: each URL before its optional width or density. */
const srcsetUrls = (srcset: unknown): string[] =>
  (Array.isArray(srcset) ? srcset.map(String) : typeof srcset === 'string' ? srcset.split(',') : [])
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** The image URLs in a piece of raw HTML. */
function htmlImageUrls(html: string): string[] {
  const urls: string[] = [];
  const walk = (node: { type: string; children?: unknown[]; content?: unknown }): void => {
    if (node.type === 'element') {
      const el = node as Element;
      if (el.tagName === 'img' || el.tagName === 'source') {
        if (typeof el.properties.src === 'string') urls.push(el.properties.src);
        urls.push(...srcsetUrls(el.properties.srcSet));
      }
      if (el.content) walk(el.content);
    }
    for (const child of (node.children ?? []) as { type: string }[]) walk(child);
  };
  walk(fromHtml(html, { fragment: true }));
  return urls;
}

/**
 * Every image in the body whose URL is not a file of the article. `parsed`: the body's tree from parseBody
 * (src/content-model/body-checks.ts, the same parser), when the caller has it; remark-literal-html rewrites it
 * in place, so the caller reads it first.
 */
export function remoteImageProblems(file: string, body: string, parsed?: Root): EntryProblem[] {
  let tree: Root;
  try {
    tree = markdown.runSync(parsed ?? markdown.parse(body), body) as Root;
  } catch (error) {
    // The only error remark-literal-html raises: reported here, naming the file, before the build renders.
    // Anything else (the stack run out on HTML nested thousands deep) is the caller's to report.
    if (!String((error as Error).message).includes(TOO_MANY_UNCLOSED)) throw error;
    return [{ file, field: 'body', problem: TOO_MANY_UNCLOSED, level: 'error' }];
  }
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'image') found.push((node as Image).url);
    else if (node.type === 'imageReference') {
      const url = definitions.get((node as ImageReference).identifier);
      if (url !== undefined) found.push(url);
    } else if (node.type === 'html') found.push(...htmlImageUrls((node as Html).value));
  });
  return found
    .filter((url) => !isLocalUrl(url))
    .map((url) => ({
      file,
      field: 'body',
      problem: `image "${shown(url)}" is not a file of the article, and pages show images from this site only; download it into the entry's folder and use "./${suggestedName(url)}"`,
      level: 'error' as const,
    }));
}
