/** What the terminal shows when rehype-image-alt stops a render (Astro's renderer console.error()s what it catches). */
import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import rehypeImageAlt from '../../src/plugins/rehype-image-alt.ts';

async function failure(markdown: string, filePath: string, cwd: string): Promise<Error> {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeImageAlt, { cwd }).use(rehypeStringify);
  return processor.process(new VFile({ value: markdown, path: filePath })).then(
    () => {
      throw new Error('expected the render to fail');
    },
    (error: Error) => error,
  );
}

describe('rehype-image-alt error', () => {
  it('prints as its message, not as a dump of an object’s fields', async () => {
    const error = await failure('![](missing.jpg)', '/site/content/articles/x/index.md', '/site');
    const printed = inspect(error);
    expect(printed).toBe(
      '[content/articles/x/index.md: body: image "missing.jpg" has no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)]',
    );
    expect(printed).not.toMatch(/fatal|ruleId|ancestors|\{/);
  });

  it('names a file outside the project by its absolute path, not ../../..', async () => {
    const error = await failure('![](a.jpg)', '/tmp/articles/x/index.md', '/site');
    expect(error.message).toMatch(/^\/tmp\/articles\/x\/index\.md: body: image "a.jpg" has no alt text/);
  });
});
