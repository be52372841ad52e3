/** Settings in src/site.config.ts reach what uses them. */
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import remarkReadingTime from '../../src/plugins/remark-reading-time.ts';
import { SITE } from '../../src/site.config.ts';

describe('astro.config.mjs', () => {
  it('gives remark-reading-time the site’s reading speed (SITE.wordsPerMinute)', () => {
    const processor = config.markdown?.processor as { options: { remarkPlugins: unknown[] } } | undefined;
    const entry = processor?.options.remarkPlugins.find((p) => (Array.isArray(p) ? p[0] : p) === remarkReadingTime);
    expect(entry).toEqual([remarkReadingTime, { wordsPerMinute: SITE.wordsPerMinute }]);
  });
});
