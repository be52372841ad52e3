/**
 * Limits on a body (src/content-model/body-limits.ts), counted on the source lines before anything parses it. The
 * line scan must count what the parser builds: checked here against remark's own tree for the shapes
 * editors write and the corners of CommonMark's container rules.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { BODY_SIZE_LIMIT, CONTAINER_LIMIT, NESTING_LIMIT, bodyLimitProblems, scanBlocks } from '../../src/content-model/body-limits.ts';
import { ROOT } from '../support/paths.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

/** What the parser builds: the deepest nesting of quotes and list items, and the number of quotes and lists. */
function parsed(markdown: string): { depth: number; containers: number } {
  let containers = 0;
  const walk = (node: Nodes, depth: number): number => {
    const here = node.type === 'blockquote' || node.type === 'listItem' ? depth + 1 : depth;
    if (node.type === 'blockquote' || node.type === 'list') containers++;
    let deepest = here;
    if ('children' in node) for (const child of node.children as Nodes[]) deepest = Math.max(deepest, walk(child, here));
    return deepest;
  };
  const depth = walk(parser.parse(markdown) as Root, 0);
  return { depth, containers };
}

const scanned = (markdown: string) => {
  const { depth, containers } = scanBlocks(markdown);
  return { depth, containers };
};

const SHAPES: Record<string, string> = {
  'plain paragraphs': 'One.\n\nTwo.\nStill two.\n',
  'a quote over several lines': '> One.\n> Two.\n>\n> Three.',
  'two quotes split by a blank line': '> One.\n\n> Two.',
  'a lazy continuation line': '> One.\nstill the quote.\n\nAfter.',
  'a nested quote with a lazy line': '> > Deep.\nlazy.\n> Back at one.',
  'quotes written without spaces': '>>> Three deep.\n>> Two.',
  'a list with loose items': '- One.\n\n- Two.\n\n  Still two.\n- Three.',
  'a nested list by indentation': '- One\n  - Two\n    - Three\n  - Two again\n- One again',
  'a numbered list nested in a bullet list': '- One\n  1. A\n  2. B\n- Two',
  'a list changing its bullet is a new list': '- One\n+ Two\n* Three',
  'numbered lists with . and )': '1. One\n2. Two\n1) Three',
  'a number that does not start at 1 cannot interrupt a paragraph': 'In\n2026. the vote.\n\n2026. A list.',
  'an empty item cannot interrupt a paragraph': 'Text\n-\nmore',
  'a paragraph, then a list after a blank line': 'Intro.\n\n- a\n- b\n\nOutro.\n\n- c',
  'items on one line': '- - - x',
  'a quote in a list in a quote': '> - > x\n>   > y',
  'a thematic break is not a list': '- - -\n\n* * *\n\n___',
  'a fenced code block hides markers': '```\n> not a quote\n- not a list\n```\n\n~~~~\n> x\n```\n~~~~',
  'a fence inside a list item': '- Item\n\n  ```\n  > code\n  ```\n- Next',
  'a fence closed by its container': '> ```\n> code\n\n> quote',
  'indented code hides markers': 'Text.\n\n    > code\n    - code\n\nText.',
  'indented code continuing a list item': '- Item\n\n      code in the item\n- Next',
  'tabs as indentation': '-\tOne\n\t-\tTwo\n\t\t-\tThree',
  'a heading and a list': '# Title\n- a\n## Sub\n- b',
  'wide item markers': '10. Ten\n    - nested under ten\n11. Eleven',
  'five spaces after a marker': '-     code in item\n- next',
  'Windows line endings': '> One.\r\n> Two.\r\n\r\n- a\r\n  - b\r\n',
  'an email thread quoted ten times': Array.from({ length: 10 }, (_, i) => `${'>'.repeat(10 - i)} Reply ${i}.`).join('\n'),
  'a quote after a list item': '- Item\n> Quote',
  'a table in a quote': '> | a | b |\n> |---|---|\n> | 1 | 2 |',
  'a quote in a footnote': 'Text[^1].\n\n[^1]: A note.\n    > quoted in the note\n\n    - and a list\n\nAfter.',
  'a footnote whose text goes on lazily': 'Text[^a].\n\n[^a]: A note\ngoing on.\n- A list after it.',
};

describe('the line scan counts what the parser builds', () => {
  for (const [name, markdown] of Object.entries(SHAPES)) {
    it(name, () => expect(scanned(markdown)).toEqual(parsed(markdown)));
  }

  it('for every entry of the project and its fixtures', () => {
    const dirs = ['content/articles', 'tests/fixtures'];
    const files = dirs.flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('index.md'))
        .map((f) => path.join(ROOT, dir, f)),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      if (body.length > 20_000 || scanBlocks(body).depth > NESTING_LIMIT) continue; // past the limits: not parsed
      expect(scanned(body), file).toEqual(parsed(body));
    }
  });

  it('deep nesting however it is written', () => {
    for (const markdown of ['>'.repeat(200), '- '.repeat(200) + 'x', '> - '.repeat(100) + 'x', '1. '.repeat(200) + 'x']) {
      expect(scanned(markdown)).toEqual(parsed(markdown));
    }
    const indented = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    expect(scanned(indented)).toEqual(parsed(indented));
  });
});

describe('the limits', () => {
  it('are 32 levels, 1,000 quotes and lists, 256 KB', () => {
    expect([NESTING_LIMIT, CONTAINER_LIMIT, BODY_SIZE_LIMIT]).toEqual([32, 1000, 262_144]);
  });

  it('stops at the first line past the nesting limit, and reports the line of the file', () => {
    expect(scanBlocks(`a\n\n${'>'.repeat(50)}\n${'>'.repeat(60)}`, 32)).toMatchObject({ depth: 50, line: 3 });
    expect(bodyLimitProblems('f.md', `\na\n\n${'>'.repeat(50)}\n${'>'.repeat(60)}`, 5)).toEqual([
      {
        file: 'f.md',
        field: 'body',
        problem: 'block quotes and lists are nested 50 levels deep at line 8; the limit is 32: flatten them',
        level: 'error',
      },
    ]);
  });

  it('200,000 quote markers cost one line, not a render', () => {
    const started = performance.now();
    expect(bodyLimitProblems('f.md', `${'>'.repeat(200_000)}\n`.repeat(1000).slice(0, BODY_SIZE_LIMIT))[0]?.problem).toMatch(
      /^block quotes and lists are nested 200,000 levels deep at line 1;/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a body at the limits passes, one past them does not', () => {
    expect(bodyLimitProblems('f.md', `${'>'.repeat(32)} x`)).toEqual([]);
    expect(bodyLimitProblems('f.md', '> q\n\np\n\n'.repeat(1000))).toEqual([]);
    expect(bodyLimitProblems('f.md', '> q\n\np\n\n'.repeat(1001))).toHaveLength(1);
    expect(bodyLimitProblems('f.md', 'x'.repeat(BODY_SIZE_LIMIT))).toEqual([]);
    expect(bodyLimitProblems('f.md', 'x'.repeat(BODY_SIZE_LIMIT + 1))[0]?.problem).toBe(
      'is 256 KB; the limit is 256 KB (about 40,000 words): split it into several articles',
    );
  });

  it('counts the size in bytes of UTF-8, as the file holds it', () => {
    expect(bodyLimitProblems('f.md', '東'.repeat(BODY_SIZE_LIMIT / 3 + 1))).toHaveLength(1);
  });
});
