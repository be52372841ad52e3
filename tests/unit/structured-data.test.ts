import { describe, expect, it } from 'vitest';
import { breadcrumbList, newsArticle, serializeJsonLd, webSite } from '../../src/publishing/structured-data.ts';

const base = {
  url: 'https://n.example/articles/a/',
  headline: 'Headline',
  description: 'Description.',
  images: ['https://n.example/16x9.jpg', 'https://n.example/4x3.jpg', 'https://n.example/1x1.jpg'],
  authors: [],
  tags: [],
  publisher: { name: 'The Reader', url: 'https://n.example/', logo: { url: 'https://n.example/icon-512.png', width: 512, height: 512 } },
};

describe('newsArticle', () => {
  it('leaves out what the content does not state', () => {
    const ld = newsArticle(base);
    for (const key of ['datePublished', 'dateModified', 'author', 'articleSection', 'keywords']) expect(ld).not.toHaveProperty(key);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      isAccessibleForFree: true,
      mainEntityOfPage: { '@id': base.url },
      image: base.images,
    });
  });
  it('uses the published date as modified date when there is no update', () => {
    const ld = newsArticle({ ...base, published: new Date('2022-08-20T13:00:00Z') });
    expect(ld).toMatchObject({ datePublished: '2022-08-20T13:00:00.000Z', dateModified: '2022-08-20T13:00:00.000Z' });
  });
  it('names authors as Persons, with URLs when given', () => {
    const ld = newsArticle({ ...base, authors: [{ name: 'A', url: 'https://a.example/' }, { name: 'B' }] });
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'A', url: 'https://a.example/' },
      { '@type': 'Person', name: 'B' },
    ]);
  });
});

describe('breadcrumbList and webSite', () => {
  it('numbers breadcrumbs from 1', () => {
    expect(
      breadcrumbList([
        { name: 'Home', url: 'https://n.example/' },
        { name: 'A', url: 'https://n.example/a/' },
      ]),
    ).toMatchObject({
      itemListElement: [
        { position: 1, name: 'Home' },
        { position: 2, name: 'A' },
      ],
    });
    expect(webSite({ name: 'N', url: 'https://n.example/', description: 'd' })).toMatchObject({ '@type': 'WebSite', name: 'N' });
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed early by text in the data', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
