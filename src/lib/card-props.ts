/**
 * The props of an ArticleCard for an article: its link, headline, teaser (standfirst, else the first key
 * point), lead photo, date, and a recent update or correction (within 48 hours of the build) as "Updated".
 * One rule for the front page and every listing page.
 */
import type { ImageMetadata } from 'astro';
import { isRecentlyRevised, lastRevised } from '../content-model/articles.ts';
import { articlePath } from './urls.ts';

export interface CardArticle {
  id: string;
  data: {
    title: string;
    standfirst?: string | undefined;
    summary: string[];
    image: { src: ImageMetadata; alt: string };
    published?: Date | undefined;
    updated?: Date | undefined;
    corrections?: readonly { date: Date }[] | undefined;
  };
}

export function cardProps(article: CardArticle, base: string, now: Date) {
  const { data } = article;
  const revised = isRecentlyRevised(data, now) ? lastRevised(data) : undefined;
  return {
    href: articlePath(article.id, base),
    title: data.title,
    teaser: data.standfirst ?? data.summary[0]!,
    image: data.image.src,
    imageAlt: data.image.alt,
    published: data.published,
    updated: revised,
  };
}
