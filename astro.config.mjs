// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import remarkReadingTime from './src/plugins/remark-reading-time.ts';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import { normaliseBase, normaliseSite } from './src/lib/urls.ts';

// Deploy-time settings come from the environment (see README "Configuration").
const site = normaliseSite(process.env.SITE_URL ?? 'http://localhost:4321');
const base = normaliseBase(process.env.BASE_PATH ?? '/');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One request per page: the CSS is small, so it rides inside the HTML.
    inlineStylesheets: 'always',
  },
  image: {
    // Responsive <img>/<picture> with srcset + sizes, without Astro's injected global styles.
    responsiveStyles: false,
  },
  markdown: {
    processor: unified({
      // Editors' words are kept exactly as written: no quote or dash rewriting.
      smartypants: false,
      gfm: true,
      remarkPlugins: [remarkReadingTime],
      // rehype-raw first: raw HTML in an entry becomes elements that our plugins can see.
      rehypePlugins: [rehypeRaw, rehypeParagraphIds],
    }),
  },
  devToolbar: { enabled: false },
});
