import { describe, expect, it } from 'vitest';
import { netlifyRedirects, nginxRedirects, redirectMap, redirectRules } from '../../src/publishing/redirects.ts';

const a = (id: string, redirectFrom: string[] = []) => ({ id, filePath: `content/articles/${id}/index.md`, data: { redirectFrom } });

describe('redirectMap', () => {
  it('maps each old slug to its article', () => {
    const x = a('new-x', ['old-x', 'older-x']);
    expect([...redirectMap([x, a('y')])]).toEqual([
      ['old-x', x],
      ['older-x', x],
    ]);
  });
  it('refuses an old slug that is a live article, naming both files', () => {
    expect(() => redirectMap([a('x', ['y']), a('y')])).toThrow(
      'content/articles/x/index.md: redirectFrom: "y" is the slug of a live article (content/articles/y/index.md)',
    );
  });
  it('refuses an old slug claimed twice', () => {
    expect(() => redirectMap([a('x', ['old']), a('y', ['old'])])).toThrow(
      /content\/articles\/y\/index\.md: redirectFrom: "old" is already redirected to content\/articles\/x\/index\.md/,
    );
  });
});

describe('redirectRules', () => {
  const x = a('new-x', ['old-x']);
  const y = a('y', ['b-old-y']);
  it('gives each old URL, with and without its slash, the article’s one path, under the base, sorted', () => {
    expect(redirectRules([x, y], '/')).toEqual([
      { from: '/articles/b-old-y', to: '/articles/y/' },
      { from: '/articles/b-old-y/', to: '/articles/y/' },
      { from: '/articles/old-x', to: '/articles/new-x/' },
      { from: '/articles/old-x/', to: '/articles/new-x/' },
    ]);
    expect(redirectRules([x], 'news')).toEqual([
      { from: '/news/articles/old-x', to: '/news/articles/new-x/' },
      { from: '/news/articles/old-x/', to: '/news/articles/new-x/' },
    ]);
  });
  it('is empty without renamed articles, and refuses ambiguous ones as redirectMap does', () => {
    expect(redirectRules([a('x')], '/')).toEqual([]);
    expect(() => redirectRules([a('x', ['y']), a('y')], '/')).toThrow(/is the slug of a live article/);
  });
});

describe('netlifyRedirects (Netlify, Cloudflare Pages)', () => {
  const rules = [{ from: '/news/articles/old/', to: '/news/articles/new/' }];
  const lines = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));
  it('writes one "from to 301" line a rule, after a comment', () => {
    const text = netlifyRedirects(rules);
    expect(text.startsWith('# ')).toBe(true);
    expect(lines(text)).toEqual(['/news/articles/old/ /news/articles/new/ 301']);
  });
  it('forces the rule for Netlify (which otherwise serves the redirect page that exists at the old path)', () => {
    expect(lines(netlifyRedirects(rules, { force: true }))).toEqual(['/news/articles/old/ /news/articles/new/ 301!']);
  });
  it('keeps the site’s own rules from public/_redirects, after ours', () => {
    const own = '# mine\n/feed /rss.xml 301\n/blog/* /articles/:splat 301\n';
    expect(lines(netlifyRedirects(rules, { own }))).toEqual([
      '/news/articles/old/ /news/articles/new/ 301',
      '/feed /rss.xml 301',
      '/blog/* /articles/:splat 301',
    ]);
    expect(netlifyRedirects(rules, { own })).toContain('# mine');
  });
  it('is a comment only when there is nothing to redirect', () => {
    expect(lines(netlifyRedirects([]))).toEqual([]);
  });
});

describe('nginxRedirects', () => {
  it('writes an exact-match location per rule that answers 301 with the new path and keeps the query', () => {
    const text = nginxRedirects([
      { from: '/articles/old', to: '/articles/new/' },
      { from: '/articles/old/', to: '/articles/new/' },
    ]);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'location = /articles/old { return 301 /articles/new/$is_args$args; }',
      'location = /articles/old/ { return 301 /articles/new/$is_args$args; }',
    ]);
  });
  it('is a comment only (still a valid include) when there is nothing to redirect', () => {
    expect(nginxRedirects([]).trim()).toMatch(/^#[^\n]*$/);
  });
});
