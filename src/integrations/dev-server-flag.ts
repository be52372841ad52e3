/**
 * `__DEV_SERVER__`: true in `astro dev` only, decided by the command Astro runs. The publishing gate
 * (src/content-model/collection.ts) reads it instead of `import.meta.env.DEV`, which a `DEV` variable in the
 * build's environment overrides: a stray `DEV=1` on a build machine must never publish drafts.
 */
import type { AstroIntegration } from 'astro';

export default function devServerFlag(): AstroIntegration {
  return {
    name: 'dev-server-flag',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { __DEV_SERVER__: JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
