/**
 * A Netlify build plugin (local, no package to install; netlify.toml names it): keeps `node_modules/.astro` between
 * builds with Netlify's own build cache (`utils.cache`). That folder holds every cache of the build: the content
 * store, the optimised images, the incremental build's pages, the link-preview cards and the pre-compressed files
 * (README "Build performance"). Without it every Netlify build is a cold build.
 */
const CACHE = 'node_modules/.astro';

/** Before the build (after Netlify's npm install): bring the last successful build's caches back. */
export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(CACHE);
  console.log(restored ? `${CACHE} restored from the build cache` : `no ${CACHE} in the build cache yet: a cold build`);
}

/** After a successful build: keep its caches for the next one. */
export async function onPostBuild({ utils }) {
  await utils.cache.save(CACHE);
}
