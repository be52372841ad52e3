/**
 * The full content of an article for feed readers: lead image with caption and credit, the key points,
 * then the body. Frontmatter text is escaped (it becomes hast text nodes); the body is the HTML the
 * markdown pipeline already sanitised. Every URL is made absolute, since feed readers have no base.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { CorrectionNotice } from './corrections.ts';

export interface FeedContentInput {
  /** Absolute URL of the article page; relative URLs in the body resolve against it. */
  pageUrl: string;
  image: { url: string; alt: string; width: number; height: number; caption?: string | undefined; credit?: string | undefined };
  summary: readonly string[];
  bodyHtml: string;
  /** Correction notices, shown after the body as on the page (src/publishing/corrections.ts). */
  corrections?: { heading: string; notices: readonly CorrectionNotice[] } | undefined;
}

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'] as const;

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });

/** `url` made absolute against `base`, or undefined when it is not a URL at all (`https://exa mple.com/`). */
function absolute(url: string, base: string): string | undefined {
  return URL.canParse(url, base) ? new URL(url, base).href : undefined;
}

/**
 * Rewrite every URL attribute (and srcset candidate) of a hast tree to an absolute URL. One that does not
 * parse is dropped (a link without href stays as its text), never passed on: validation reports such URLs
 * (src/content-model/body-checks.ts), so this only guards the feeds.
 */
function absolutizeUrls(tree: Root, pageUrl: string): void {
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      if (typeof value !== 'string') continue;
      const url = absolute(value, pageUrl);
      if (url === undefined) delete node.properties[name];
      else node.properties[name] = url;
    }
    const srcset = node.properties.srcSet;
    if (srcset !== undefined && srcset !== null) {
      const candidates = Array.isArray(srcset) ? srcset.map(String) : String(srcset).split(',');
      const kept = candidates.flatMap((candidate) => {
        const [value = '', ...descriptor] = candidate.trim().split(/\s+/);
        const url = absolute(value, pageUrl);
        return url === undefined ? [] : [[url, ...descriptor].join(' ')];
      });
      if (kept.length > 0) node.properties.srcSet = kept.join(', ');
      else delete node.properties.srcSet;
    }
  });
}

export function feedContentHtml(input: FeedContentInput): string {
  const { image } = input;
  const caption: ElementContent[] = [];
  if (image.caption) caption.push(txt(image.caption));
  if (image.caption && image.credit) caption.push(txt(' '));
  if (image.credit) caption.push(el('small', {}, [txt(image.credit)]));

  const body = fromHtml(input.bodyHtml, { fragment: true });
  const tree: Root = {
    type: 'root',
    children: [
      el('figure', {}, [
        el('img', { src: image.url, alt: image.alt, width: image.width, height: image.height }),
        ...(caption.length > 0 ? [el('figcaption', {}, caption)] : []),
      ]),
      el('h2', {}, [txt('Key points')]),
      el(
        'ul',
        {},
        input.summary.map((point) => el('li', {}, [txt(point)])),
      ),
      ...(body.children as ElementContent[]),
      ...(input.corrections && input.corrections.notices.length > 0
        ? [
            el('h2', {}, [txt(input.corrections.heading)]),
            ...input.corrections.notices.map((n) => el('p', {}, [el('strong', {}, [txt(`${n.label}:`)]), txt(` ${n.text}`)])),
          ]
        : []),
    ],
  };
  absolutizeUrls(tree, input.pageUrl);
  return toHtml(tree);
}
