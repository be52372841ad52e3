/**
 * Feed items for the given articles (a feed's latest ones), shared by the RSS and JSON feeds so both say the
 * same thing. Runs inside Astro (it needs getImage for the lead image).
 */
import { getImage } from 'astro:assets';
import { imageSize } from './imported-image.ts';
import { getArticles, type Article } from '../content-model/collection.ts';
import { absolute, articleUrl } from '../site-urls.ts';
import { describeArticle } from './describe.ts';
import { feedContentHtml, type FeedContentInput } from './feed-content.ts';
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

/**
 * Each article's feed content, made once per build: an article is in the site's feeds and its section's (RSS
 * and JSON), four feeds in all, and re-reading its body HTML is most of an item's cost. Keyed by the entry
 * object (a changed entry is a new object) and the lead image's URL and size. getImage() itself runs for every
 * feed, so that each feed page records the images it uses (for Astro's incremental builds).
 */
const contents = new WeakMap<Article, { key: string; html: string }>();

function feedContent(article: Article, input: FeedContentInput): string {
  const key = JSON.stringify([input.pageUrl, input.image.url, input.image.width, input.image.height]);
  const known = contents.get(article);
  if (known?.key === key) return known.html;
  const html = feedContentHtml(input);
  contents.set(article, { key, html });
  return html;
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
        contentHtml: feedContent(article, {
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
