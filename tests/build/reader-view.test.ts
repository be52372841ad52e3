/** Firefox Reader View's engine (@mozilla/readability) on the built article page. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { SITE_DIR, TEST_SITE_URL } from '../support/paths.ts';
import { readSourceArticle, SEED_SLUG } from '../support/source-article.ts';

const url = `${TEST_SITE_URL}/articles/${SEED_SLUG}/`;
const dom = new JSDOM(readFileSync(path.join(SITE_DIR, 'articles', SEED_SLUG, 'index.html'), 'utf8'), { url });
const source = readSourceArticle();

describe('reader view', () => {
  it('considers the page an article', () => {
    expect(isProbablyReaderable(dom.window.document)).toBe(true);
  });

  const parsed = new Readability(dom.window.document.cloneNode(true) as Document).parse();

  it('takes the headline as the title', () => {
    expect(parsed?.title).toBe('Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says');
  });

  it('keeps the key points and every body paragraph, in order', () => {
    const content = parsed!.textContent!.replace(/\s+/g, ' ');
    let from = 0;
    for (const part of [...source.summary, ...source.body]) {
      const at = content.indexOf(part, from);
      expect(at, part).toBeGreaterThanOrEqual(from);
      from = at + part.length;
    }
  });

  it('leaves the site chrome out', () => {
    const content = parsed!.textContent!;
    expect(content).not.toContain('Skip to content');
    expect(content).not.toContain('static pages, readable anywhere');
    expect(parsed!.siteName).toBe('The Reader');
  });
});
