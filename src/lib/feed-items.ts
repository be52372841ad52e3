/**
 * Feed items for the given articles (a feed's latest ones), shared by the RSS and JSON feeds so both say the
 * same thing. Runs inside Astro (it needs getImage for the lead image).
 */
import { getImage } from 'astro:assets';
import { imageSize } from './image-size.ts';
import type { Article } from './collection.ts';
import { absoluteUrl, articlePath } from './urls.ts';
import { describeArticle } from './describe.ts';
import { feedContentHtml } from './feed-content.ts';
import { lastRevised } from './articles.ts';
import { correctionNotices, correctionsHeading } from './corrections.ts';
import { SITE } from '../site.config.ts';

export interface FeedItem {
  url: string;
  title: string;
  description: string;
  contentHtml: string;
  imageUrl: string;
  published?: Date | undefined;
  /** When the article was last updated or corrected (src/lib/articles.ts lastRevised); undefined if never. */
  modified?: Date | undefined;
  authors: { name: string; url?: string | undefined }[];
  tags: string[];
}

export async function getFeedItems(site: string, articles: readonly Article[]): Promise<FeedItem[]> {
  const base = import.meta.env.BASE_URL;
  return Promise.all(
    articles.map(async (article) => {
      const { data } = article;
      const url = absoluteUrl(articlePath(article.id, base), site);
      const image = await getImage({ src: data.image.src, width: Math.min(1200, imageSize(data.image.src).width), format: 'jpeg', quality: 80 });
      const imageUrl = absoluteUrl(image.src, site);
      return {
        url,
        title: data.title,
        description: describeArticle(data),
        contentHtml: feedContentHtml({
          pageUrl: url,
          image: {
            url: imageUrl,
            alt: data.image.alt,
            width: Number(image.attributes.width),
            height: Number(image.attributes.height),
            caption: data.image.caption,
            credit: data.image.credit,
          },
          summary: data.summary,
          bodyHtml: article.rendered?.html ?? '',
          corrections: {
            heading: correctionsHeading(data.corrections.length),
            notices: correctionNotices(data.corrections, SITE.lang, SITE.timeZone),
          },
        }),
        imageUrl,
        published: data.published,
        modified: lastRevised(data),
        authors: data.byline,
        tags: data.tags,
      };
    }),
  );
}
