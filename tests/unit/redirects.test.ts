import { describe, expect, it } from 'vitest';
import { redirectMap } from '../../src/lib/redirects.ts';

const a = (id: string, redirectFrom: string[] = []) => ({ id, filePath: `content/articles/${id}/index.md`, data: { redirectFrom } });

describe('redirectMap', () => {
  it('maps each old slug to its article', () => {
    const x = a('new-x', ['old-x', 'older-x']);
    expect([...redirectMap([x, a('y')])]).toEqual([['old-x', x], ['older-x', x]]);
  });
  it('refuses an old slug that is a live article, naming both files', () => {
    expect(() => redirectMap([a('x', ['y']), a('y')])).toThrow('content/articles/x/index.md: redirectFrom: "y" is the slug of a live article (content/articles/y/index.md)');
  });
  it('refuses an old slug claimed twice', () => {
    expect(() => redirectMap([a('x', ['old']), a('y', ['old'])])).toThrow(/content\/articles\/y\/index\.md: redirectFrom: "old" is already redirected to content\/articles\/x\/index\.md/);
  });
});
