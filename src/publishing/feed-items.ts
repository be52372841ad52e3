/**
 * Feed items for the given articles (a feed's latest ones), shared by the RSS and JSON feeds so both say the
 * same thing. Runs inside Astro (it needs getImage for the lead image).
 */
import { getImage } from 'astro:assets';
import { imageSize } from './imported-image.ts';
import { getArticles, type Article } from '../content-model/collection.ts';
import { absolute, articleUrl } from '../site-urls.ts';
import { describeArticle } from './describe.ts';
import { feedContentHtml } from './feed-content.ts';
import { lastRevised } from '../content-model/articles.ts';
import { correctionNotices, correctionsHeading } from './corrections.ts';
import { SITE } from '../site.config.ts';

export interface FeedItem {
  url: string;
  title: string;
  description: string;
  contentHtml: string;
  imageUrl: string;
  published?: Date | undefined;
  /** When the article was last updated or corrected (src/content-model/articles.ts lastRevised); undefined if never. */
  modified?: Date | undefined;
  authors: { name: string; url?: string | undefined }[];
  tags: string[];
}

export async function getFeedItems(list?: readonly Article[]): Promise<FeedItem[]> {
  const articles = list ?? (await getArticles());
  return Promise.all(
    articles.map(async (article) => {
      const { data } = article;
      const url = articleUrl(article.id);
      const image = await getImage({
        src: data.image.src,
        width: Math.min(1200, imageSize(data.image.src).width),
        format: 'jpeg',
        quality: 80,
      });
      const imageUrl = absolute(image.src);
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
