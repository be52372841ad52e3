import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, normaliseBase, normaliseSite, withBase } from '../../src/lib/urls.ts';

describe('normaliseBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['news', '/news/'],
    ['/news', '/news/'],
    ['/news/', '/news/'],
    ['//a//b//', '/a/b/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('normaliseSite', () => {
  it('keeps only the origin', () => {
    expect(normaliseSite('https://news.example.com/')).toBe('https://news.example.com');
    expect(normaliseSite('http://localhost:4321')).toBe('http://localhost:4321');
  });
  it('names the variable when the value is wrong', () => {
    expect(() => normaliseSite('news.example.com')).toThrow(/SITE_URL/);
    expect(() => normaliseSite('ftp://x.org')).toThrow(/SITE_URL/);
  });
});

describe('articlePath', () => {
  it('is a directory URL under the base path', () => {
    expect(articlePath('budget-vote', '/')).toBe('/articles/budget-vote/');
    expect(articlePath('budget-vote', '/news/')).toBe('/news/articles/budget-vote/');
    expect(articlePath('budget-vote', 'news')).toBe('/news/articles/budget-vote/');
  });
  it('refuses a malformed slug', () => {
    expect(() => articlePath('Budget Vote', '/')).toThrow(/slug/);
    expect(() => articlePath('a--b', '/')).toThrow(/slug/);
  });
});

describe('withBase and absoluteUrl', () => {
  it('join without doubled slashes', () => {
    expect(withBase('/feed.xml', '/news/')).toBe('/news/feed.xml');
    expect(withBase('', '/')).toBe('/');
    expect(absoluteUrl('/news/articles/x/', 'https://n.example/')).toBe('https://n.example/news/articles/x/');
  });
});
