/**
 * Render errors as problems (src/content-model/render-problems.ts), from the real errors the body pipeline throws:
 * each case is rendered through a real unified processor with the site's plugins and Astro's own image
 * collector, and the thrown message is wrapped as @astrojs/markdown-remark wraps it.
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { bodyRehypePlugins } from '../../src/plugins/body-plugins.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { parseRenderError, renderProblem } from '../../src/content-model/render-problems.ts';

const FILE = 'content/articles/sale/index.md';

/** The message Astro's glob loader logs for this body: `Error rendering <entry>: <message>`. */
async function renderError(body: string): Promise<string> {
  const processor = await createMarkdownProcessor({ rehypePlugins: bodyRehypePlugins, syntaxHighlight: false, smartypants: false });
  try {
    await processor.render(body, { fileURL: new URL('file:///site/content/articles/sale/index.md') });
  } catch (error) {
    return `Error rendering sale/index.md: ${(error as Error).message}`;
  }
  throw new Error('rendered without an error');
}

describe('render problems', () => {
  it('reads the glob loader log line', () => {
    expect(parseRenderError('Error rendering sale/index.md: Failed to parse\nURI malformed')).toEqual({
      entry: 'sale/index.md',
      message: 'Failed to parse\nURI malformed',
    });
    expect(parseRenderError('Error reading sale/index.md: ENOENT')).toBeUndefined();
  });

  it('an image without alt text: our plugin’s own message, on one line', async () => {
    const logged = parseRenderError(await renderError('Text.\n\n![](missing.jpg)'))!;
    expect(formatProblem(renderProblem(FILE, logged.message))).toBe(
      `${FILE}: body: image "missing.jpg" has no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)`,
    );
  });

  it('a malformed URL (URIError from a library plugin): says how to write the %', async () => {
    const logged = parseRenderError(await renderError('![Sale](https://example.com/50%-off.jpg)'))!;
    const line = formatProblem(renderProblem(FILE, logged.message));
    expect(line).toMatch(new RegExp(`^${FILE}: body: cannot be rendered: .*URI malformed.*%25`));
    expect(line).not.toContain('\n');
  });

  it('nesting too deep: says what to flatten, however the stack ran out', { timeout: 60_000 }, async () => {
    const expected = new RegExp(`^${FILE}: body: cannot be rendered: the text is nested too deeply \\(the renderer ran out of stack\\)`);
    const logged = parseRenderError(await renderError(`${'>'.repeat(5000)} deep`))!;
    expect(formatProblem(renderProblem(FILE, logged.message))).toMatch(expected);
    // Where the stack runs out decides the error: a RangeError, or a regular expression that cannot be compiled.
    expect(formatProblem(renderProblem(FILE, 'RangeError: Maximum call stack size exceeded'))).toMatch(expected);
    expect(formatProblem(renderProblem(FILE, 'Invalid regular expression: /(?<![\\w+])@/g: Stack overflow'))).toMatch(expected);
  });

  it('any other error: its message, on one line', () => {
    expect(formatProblem(renderProblem(FILE, 'Failed to parse Markdown file "/x/index.md":\nTypeError: boom\n  at plugin'))).toBe(
      `${FILE}: body: cannot be rendered: TypeError: boom at plugin`,
    );
  });
});
