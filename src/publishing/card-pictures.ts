/**
 * The pictures of article cards (src/components/ArticleCard.astro): each layout's widths and sizes, and the files
 * of a card's <picture> (src/publishing/picture.ts).
 *
 * The cards of the list pages are asked for before any page renders: every list route's getStaticPaths() passes
 * its pages through withListCards(). Astro's incremental build records, per page, the image files asked for while
 * the page renders, and replays that record when it copies the page from the previous build; files asked for in
 * getStaticPaths(), which runs in every build, belong to no page and are made in every build (astro 7.3.5:
 * dist/core/render-scope, dist/core/build/generate.js). So a list page records none of its cards' files (140 per
 * page before: with 10,000 articles, 60 % of a 438 MB record, README "Build performance"), and every file is still
 * made: a page copied from the previous build shows the same cards (its cache key covers them,
 * src/publishing/cache-keys.ts), which its route's getStaticPaths() has asked for again in this build.
 * The front page's cards ("top", "lead") are asked for as it renders; it has no cache key, so no record.
 */
import type { ImageMetadata } from 'astro';
import type { Article } from '../content-model/collection.ts';
import { imageSize } from './imported-image.ts';
import { pictureFiles, type PictureFiles } from './picture.ts';

export type CardVariant = 'list' | 'top' | 'lead';

/** Widths cover each layout at 1x and 2x (never wider than the photo itself). */
export const CARD_LAYOUTS: Record<CardVariant, { widths: number[]; sizes: string }> = {
  lead: { widths: [480, 800, 1200], sizes: '(min-width: 64rem) 38rem, (min-width: 48rem) 58vw, calc(100vw - 2rem)' },
  top: { widths: [200, 400, 640], sizes: '(min-width: 64rem) 20rem, (min-width: 40rem) 30vw, 6.5rem' },
  list: { widths: [200, 400], sizes: '(min-width: 40rem) 12rem, 6.5rem' },
};

function askFor(image: ImageMetadata, variant: CardVariant): Promise<PictureFiles> {
  // imageSize, not image.width: reading the image's own properties would publish the original (imported-image.ts).
  const widths = CARD_LAYOUTS[variant].widths.filter((w) => w <= imageSize(image).width);
  return pictureFiles(image, { formats: ['avif', 'webp'], widths: widths.length ? widths : undefined, quality: 60 });
}

/** The "list" pictures asked for by getStaticPaths() in this build, by photo. */
const listed = new WeakMap<ImageMetadata, Promise<PictureFiles>>();

/**
 * The paths of a list route, once the "list" pictures of every card on them have been asked for. Call it in
 * getStaticPaths() only: asked for while a page renders, the files would be recorded on that page.
 */
export async function withListCards<P extends { props: { page: { data: readonly Article[] } } }>(paths: P[]): Promise<P[]> {
  const asked: Promise<PictureFiles>[] = [];
  for (const path of paths) {
    for (const { data } of path.props.page.data) {
      const image = data.image.src;
      let files = listed.get(image);
      if (!files) listed.set(image, (files = askFor(image, 'list')));
      asked.push(files);
    }
  }
  await Promise.all(asked);
  return paths;
}

/** The files of a card's picture: asked for already by withListCards(), or now. */
export function cardPicture(image: ImageMetadata, variant: CardVariant): Promise<PictureFiles> {
  return (variant === 'list' && listed.get(image)) || askFor(image, variant);
}
