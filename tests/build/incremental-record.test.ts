/**
 * What Astro's incremental build records per page stays lean (issue 12: the build's peak memory at 10,000 articles).
 *
 * Astro writes `<cacheDir>/incremental-build.json` at the end of the pages and reads it at the start of the next
 * build: for every keyed page, each image transform the page used, with the options it was asked with. <Picture>
 * asked with every attribute of the <img> (the photo's alt text, sizes, loading, decoding, fetchpriority, class),
 * so the record grew with the alt texts of every card of every list: 438 MB at 10,000 articles, held as one string
 * when written. The pictures now ask for their files with only what decides them (src/publishing/picture.ts), and the
 * list pages' cards ask for theirs in getStaticPaths(), where no page records them (src/publishing/card-pictures.ts).
 *
 * Read from the listings fixture's build (tests/support/fixture-builds.ts: 300 articles, article pages and list
 * pages of cards), whose cache the global setup has just written.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentCacheDir } from '../../src/content-model/articles-folder.ts';
import { fixtureBuild } from '../support/fixture-builds.ts';
import { LISTINGS_ARTICLES_DIR } from '../support/listings-fixture.ts';
import { ROOT } from '../support/paths.ts';

interface RecordedImage {
  finalPath: string;
  transform: Record<string, unknown>;
}
interface Manifest {
  routes: Record<string, { paths: Record<string, { staticImages?: RecordedImage[] }> }>;
}

const MANIFEST = path.join(ROOT, contentCacheDir(LISTINGS_ARTICLES_DIR)!, 'incremental-build.json');

/** Markup attributes of an <img>: they decide nothing about the file, so they have no business in the record. */
const MARKUP = ['alt', 'sizes', 'class', 'fetchpriority', 'priority'];

describe("Astro's incremental-build record (listings fixture)", () => {
  it('builds', () => {
    expect(fixtureBuild('listings').status).toBe(0);
  });

  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const pages = Object.entries(manifest.routes).flatMap(([route, { paths }]) =>
    Object.entries(paths).map(([pathname, entry]) => ({ route, pathname, images: entry.staticImages ?? [] })),
  );

  it('records the images of the article pages (so the check of the markup can fail)', () => {
    const withImages = pages.filter((page) => page.route === 'src/pages/articles/[slug].astro' && page.images.length > 0);
    expect(withImages.length).toBeGreaterThan(100);
  });

  it("records none of the list pages' card pictures (asked for in getStaticPaths, made in every build)", () => {
    const lists = pages.filter(
      (page) => /^src\/pages\/(latest|sections|topics|authors)\//.test(page.route) && !/feed|rss/.test(page.route),
    );
    expect(lists.length).toBeGreaterThan(20);
    const recording = lists.filter((page) => page.images.length > 0).map((page) => `${page.pathname}: ${page.images.length}`);
    expect(recording.slice(0, 10), `${recording.length} list pages record images`).toEqual([]);
  });

  it("records no image transform with the <img>'s markup (alt text, sizes, loading, priority, class)", () => {
    const heavy = pages.flatMap(({ pathname, images }) =>
      images.flatMap(({ finalPath, transform }) => {
        const markup = MARKUP.filter((key) => key in transform);
        // getImage() itself sets loading="lazy" and decoding="async" on every transform; anything else came from markup.
        if (transform.loading !== undefined && transform.loading !== 'lazy') markup.push(`loading=${String(transform.loading)}`);
        if (transform.decoding !== undefined && transform.decoding !== 'async') markup.push(`decoding=${String(transform.decoding)}`);
        return markup.length > 0 ? [`${pathname} ${finalPath}: ${markup.join(', ')}`] : [];
      }),
    );
    expect(heavy.slice(0, 10), `${heavy.length} transforms carry markup`).toEqual([]);
  });
});
