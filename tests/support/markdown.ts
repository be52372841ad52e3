/**
 * The site's own markdown renderer, made from astro.config.mjs's `markdown` settings: the same
 * unified processor (remark-parse, remark-gfm, our remark and rehype plugins, Astro's heading ids and
 * image handling) that `astro build` uses for every entry.
 */
import config from '../../astro.config.mjs';

interface Renderer {
  render(content: string): Promise<{ code: string }>;
}
interface Processor {
  createRenderer(shared: Record<string, unknown>): Promise<Renderer>;
}

let renderer: Promise<Renderer> | undefined;

/** The HTML the site makes of a markdown body. */
export async function renderLikeTheSite(markdown: string): Promise<string> {
  const { processor, ...shared } = config.markdown as { processor: Processor } & Record<string, unknown>;
  renderer ??= processor.createRenderer(shared);
  return (await (await renderer).render(markdown)).code;
}
