/**
 * Render an article body the way the site does, for unit tests of the markup policy:
 * `renderBody` runs remark-parse + GFM, our remark plugins, remark-rehype with our options and our rehype
 * chain (src/plugins/body-plugins.ts) in a unified processor; `renderBodyAsAstro` runs Astro's own markdown
 * processor (`createMarkdownProcessor`, which adds Astro's heading ids and image handling after our plugins),
 * configured as astro.config.mjs configures it.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import * as body from '../../src/plugins/body-plugins.ts';

const { bodyRemarkPlugins: remarkPlugins, bodyRemarkRehypeOptions: remarkRehypeOptions } = body;

const ARTICLE_FILE = '/site/content/articles/x/index.md';

export async function renderBody(markdown: string, filePath = ARTICLE_FILE): Promise<string> {
  const file = new VFile({ value: markdown, path: filePath });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins)
    // As Astro does: raw HTML passes remark-rehype as `raw` nodes for rehype-raw.
    .use(remarkRehype, { allowDangerousHtml: true, ...remarkRehypeOptions })
    .use(body.bodyRehypePlugins as never[])
    .use(rehypeStringify);
  return String(await processor.process(file));
}

let astro: Awaited<ReturnType<typeof createMarkdownProcessor>> | undefined;
export async function renderBodyAsAstro(markdown: string, filePath = ARTICLE_FILE): Promise<string> {
  astro ??= await createMarkdownProcessor({
    syntaxHighlight: false,
    gfm: true,
    smartypants: false,
    remarkPlugins: remarkPlugins as never[],
    rehypePlugins: body.bodyRehypePlugins as never[],
    remarkRehype: remarkRehypeOptions,
  });
  return (await astro.render(markdown, { fileURL: pathToFileURL(filePath) })).code;
}

/** The output as a browser reads it: parsed again from the serialised HTML. */
export const parseOutput = (html: string): Root => fromHtml(html, { fragment: true });

/** The text a reader sees, white space collapsed. */
export const visibleText = (html: string): string => toString(parseOutput(html)).replace(/\s+/g, ' ').trim();

/** Every element of a tree, including those inside `<template>` contents. */
export function elements(tree: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      found.push(node);
      if (node.content) walk(node.content);
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

/** Elements that may run code, restyle or re-base the page, embed other documents, or take input. */
const FORBIDDEN = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'title',
  'textarea',
  'select',
  'option',
  'button',
  'input',
  'form',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'video',
  'audio',
  'source',
  'track',
  'marquee',
  'portal',
]);

/**
 * What is unsafe in rendered HTML, as a browser would parse it: forbidden elements, event handlers,
 * style attributes, srcset, URLs with a scheme other than http(s)/mailto, and images from other sites.
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const el of elements(parseOutput(html))) {
    if (FORBIDDEN.has(el.tagName)) problems.push(`<${el.tagName}>`);
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on/i.test(key) || key === 'style' || /^srcset$/i.test(key)) problems.push(`${el.tagName}[${key}]`);
      if (['href', 'cite', 'longDesc', 'action', 'formAction', 'data', 'poster', 'background'].includes(key)) {
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a scheme
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(String(value).replace(/[\s\0-\x1f]/g, ''))?.[1]?.toLowerCase();
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`${el.tagName}[${key}=${String(value)}]`);
      }
      if (key === 'src') {
        const base = 'https://site.test/articles/x/';
        let origin: string;
        try {
          origin = new URL(String(value), base).origin;
        } catch {
          origin = 'invalid';
        }
        if (origin !== 'https://site.test') problems.push(`${el.tagName}[src=${String(value)}]`);
      }
    }
  }
  return problems;
}

/** Phrases that are missing from `text`, or out of order. */
export function missingInOrder(text: string, phrases: readonly string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from);
    if (at < 0) missing.push(phrase);
    else from = at + phrase.length;
  }
  return missing;
}
