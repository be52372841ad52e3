/**
 * Pages that other parts of the site provide (issue 11: the search page, each section's feeds), linked from
 * the header, the 404 page and the section pages only when their routes exist in src/pages, so that no
 * build links to a page it does not have. Once those routes are part of the site for good, these are
 * simply `true`.
 */
const routes = Object.keys(
  import.meta.glob(['/src/pages/search.astro', '/src/pages/search/index.astro', '/src/pages/sections/**/rss.xml.ts', '/src/pages/sections/**/feed.json.ts']),
);

/** Whether the build has the search page (`/search/`). */
export const hasSearchPage = routes.some((r) => /\/search(\/index)?\.astro$/.test(r));

/** Whether the build has each section's feeds (`/sections/<slug>/rss.xml` and `feed.json`). */
export const hasSectionFeeds = routes.some((r) => r.endsWith('/rss.xml.ts')) && routes.some((r) => r.endsWith('/feed.json.ts'));
