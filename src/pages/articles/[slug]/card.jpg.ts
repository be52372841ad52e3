/** The link-preview card of each article, generated at build (see src/publishing/social-card.ts). */
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type Article } from '../../../content-model/collection.ts';
import { renderSocialCard } from '../../../publishing/social-card.ts';
import { missingCardGlyphs } from '../../../publishing/card-fonts.ts';
import { imageFile, imageKey } from '../../../publishing/imported-image.ts';
import { cacheKey } from '../../../publishing/cache-keys.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  // A card shows the headline over the lead photo: unchanged, it is copied from the previous build.
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { article },
    cacheKey: cacheKey('card', article.data.title, imageKey(article.data.image.src), SITE.name),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const { data } = props.article;
  const photoPath = imageFile(data.image.src);
  if (!photoPath)
    throw new Error(`${props.article.filePath}: image.src: could not locate the lead photo file (src/publishing/imported-image.ts)`);
  // The card's fonts cover Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese, Korean and emoji;
  // anything else would show as empty boxes on the card (the page itself is fine): say so, and go on.
  const missing = missingCardGlyphs(data.title);
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    console.warn(
      `warning: ${props.article.filePath}: title: the link-preview card has no font for ${list}; those characters show as empty boxes on the card`,
    );
  }
  // Cards are content-addressed, so every build of this project (any ARTICLES_DIR) can share the folder.
  const jpeg = await renderSocialCard(photoPath, data.title, SITE.name, { cacheDir: path.resolve('node_modules/.astro/social-cards') });
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg' } });
};
