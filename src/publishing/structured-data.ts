/**
 * schema.org JSON-LD for articles and the site. Only what the content states goes in:
 * missing dates or authors are left out, never invented.
 */
import { lastModified } from '../content-model/articles.ts';
import { oldestFirst } from './corrections.ts';
import { safeHttpUrl } from '../lib/urls.ts';

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** Absolute URLs of the lead image in 16:9, 4:3 and 1:1. */
  images: string[];
  published?: Date | undefined;
  updated?: Date | undefined;
  /** Published corrections: each becomes a schema.org CorrectionComment. */
  corrections?: readonly { date: Date; text: string }[] | undefined;
  authors: { name: string; url?: string | undefined }[];
  section?: string | undefined;
  tags: string[];
  publisher: { name: string; url: string; logo: { url: string; width: number; height: number } };
}

type JsonLd = Record<string, unknown>;

export function newsArticle(input: NewsArticleInput): JsonLd {
  const modified = lastModified(input);
  const corrections = oldestFirst(input.corrections ?? []);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    image: input.images,
    ...(input.published && { datePublished: input.published.toISOString() }),
    ...(modified && { dateModified: modified.toISOString() }),
    ...(corrections.length > 0 && {
      correction: corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date.toISOString() })),
    }),
    ...(input.authors.length > 0 && {
      author: input.authors.map((a) => {
        const url = safeHttpUrl(a.url);
        return { '@type': 'Person', name: a.name, ...(url && { url }) };
      }),
    }),
    ...(input.section && { articleSection: input.section }),
    ...(input.tags.length > 0 && { keywords: input.tags }),
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      logo: { '@type': 'ImageObject', ...input.publisher.logo },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    isAccessibleForFree: true,
  };
}

export function breadcrumbList(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

export function webSite(input: { name: string; url: string; description: string }): JsonLd {
  return { '@context': 'https://schema.org', '@type': 'WebSite', ...input };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the script element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
