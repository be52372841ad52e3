import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkReadingTime from '../../src/plugins/remark-reading-time.ts';

async function frontmatterOf(markdown: string, wordsPerMinute?: number) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkReadingTime, wordsPerMinute === undefined ? {} : { wordsPerMinute })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown);
  return (file.data as { astro: { frontmatter: { readingTime: number; wordCount: number } } }).astro.frontmatter;
}

describe('remark-reading-time', () => {
  it('counts words from the tree, not the markdown syntax', async () => {
    const fm = await frontmatterOf('## Two words\n\n**Three** _more_ [words](https://example.com "title here").');
    expect(fm.wordCount).toBe(5);
  });

  it('gives at least one minute', async () => {
    expect((await frontmatterOf('Short.')).readingTime).toBe(1);
  });

  it('scales with length at the given speed', async () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect((await frontmatterOf(words)).readingTime).toBe(4); // 1000 / 230 ≈ 4.3
    expect((await frontmatterOf(words, 100)).readingTime).toBe(10);
  });

  it('keeps frontmatter already set by other plugins', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(() => (_tree, f) => {
        (f.data as Record<string, unknown>).astro = { frontmatter: { title: 'kept' } };
      })
      .use(remarkReadingTime)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process('Hello world.');
    expect((file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter).toMatchObject({
      title: 'kept',
      wordCount: 2,
      readingTime: 1,
    });
  });
});
