/** remark-literal-html's decisions, one by one (the whole chain is tests/unit/body-markup-policy.test.ts). */
import { describe, expect, it } from 'vitest';
import { escapeDisallowed, hasOwnWords, inlineHtmlIsText, repairBlock, swallowingAt } from '../../src/plugins/remark-literal-html.ts';
import { ALLOWED_ELEMENTS } from '../../src/plugins/sanitize-schema.ts';
import { renderBody, visibleText } from '../support/render-body.ts';

describe('remark-literal-html', () => {
  it('allows no element the HTML parser treats specially', () => {
    for (const name of [
      'script',
      'style',
      'template',
      'textarea',
      'title',
      'xmp',
      'iframe',
      'noembed',
      'noframes',
      'noscript',
      'plaintext',
      'select',
      'svg',
      'math',
      'object',
      'button',
    ]) {
      expect(ALLOWED_ELEMENTS.has(name), name).toBe(false);
    }
  });

  it('shows inline tags of elements that are not allowed, and declarations, as text', () => {
    for (const tag of [
      '<select>',
      '</select>',
      '<SCRIPT src="x">',
      '<svg/>',
      '<my-widget>',
      '<?php echo 1 ?>',
      '<!DOCTYPE html>',
      '<![CDATA[x]]>',
    ]) {
      expect(inlineHtmlIsText(tag), tag).toBe(true);
    }
    for (const tag of ['<b>', '</b>', '<a href="x">', '<img src="x" alt="y">', '<!-- note -->', '<ABBR title="t">'])
      expect(inlineHtmlIsText(tag), tag).toBe(false);
  });

  it('finds what in a block would swallow what follows', () => {
    expect(swallowingAt('<div>ok</div>')).toBeUndefined();
    expect(swallowingAt('<script>x</script>')).toBeUndefined();
    expect(swallowingAt('<div>a <select> b</div>')).toBe(7);
    expect(swallowingAt('<div>a <!-- b</div>')).toBe(7);
    // An attribute value never closed: its tag is shown as written.
    expect(repairBlock('<div>a <img alt="b</div>')).toBe('<div>a &lt;img alt="b&lt;/div>');
    expect(swallowingAt('<template><p>x</p>')).toBe(0);
    expect(swallowingAt('<div><textarea>x</div>')).toBe(5);
  });

  it('tells a block of words from a block of markup only', () => {
    expect(hasOwnWords('<form> tags are dangerous')).toBe(true);
    expect(hasOwnWords('<div>Intro <script>x</script></div>')).toBe(true);
    expect(hasOwnWords('<script>alert(1)</script>\n<style>p{}</style>')).toBe(false);
    expect(hasOwnWords('<form><input value="v"><button>Go</button></form>')).toBe(false);
    expect(hasOwnWords('<iframe src="https://x.test"></iframe>')).toBe(false);
  });

  it('escapes only the tags that are not allowed, wherever they are', () => {
    expect(escapeDisallowed('<div title="<b>">A <select> and <b>b</b></div><?x>')).toBe(
      '<div title="<b>">A &lt;select> and <b>b</b></div>&lt;?x>',
    );
    expect(escapeDisallowed('<p>ok <!-- note --></p>')).toBe('<p>ok <!-- note --></p>');
  });

  it('repairs a block in place, or asks for the markdown to be read again', () => {
    expect(repairBlock('<div>Look at the <select> here.</div>')).toBe('<div>Look at the &lt;select> here.</div>');
    expect(repairBlock('<script>x</script>')).toBe('<script>x</script>');
    expect(repairBlock('<select>')).toBeUndefined();
    expect(repairBlock('<!-- never closed')).toBeUndefined();
    expect(repairBlock('<pre>\nnever closed')).toBeUndefined();
    expect(repairBlock('<?php echo 1; ?>')).toBeUndefined();
  });

  it('reads the markdown again as often as it takes, within a limit, and then stops the build naming the file', async () => {
    const openers = (n: number) => Array.from({ length: n }, (_, i) => `<!-- note ${i + 1}\n\nParagraph ${i + 1}.`).join('\n\n');
    const text = visibleText(await renderBody(openers(20)));
    for (let i = 1; i <= 20; i += 1) expect(text).toContain(`<!-- note ${i} Paragraph ${i}.`);
    await expect(renderBody(openers(40), `${process.cwd()}/content/articles/x/index.md`)).rejects.toThrow(
      'content/articles/x/index.md: body: more than 32 pieces of HTML that never close',
    );
  });
});
