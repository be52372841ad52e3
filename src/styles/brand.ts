/**
 * The brand colours for the places outside CSS that need them: `theme-color` in every page's head and the web
 * app manifest. Their one home is src/styles/global.css (the custom properties `--bg` and `--accent`, for light
 * and dark): they are read from there at build, so a colour changes in one place.
 */
import css from './global.css?raw';

/** The value of custom property `name` in a block of declarations. */
function property(block: string, name: string, where: string): string {
  const value = new RegExp(`(?:^|[;{\\s])${name}\\s*:\\s*([^;}]+)`).exec(block)?.[1]?.trim();
  if (!value) throw new Error(`src/styles/global.css: ${where} has no ${name}; the brand colours (src/styles/brand.ts) need it`);
  return value;
}

/** The first `:root { … }` block, the light colours. */
const light = /(?:^|\n):root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
/** `:root` inside `@media (prefers-color-scheme: dark)`. */
const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';

export const BRAND = {
  /** The page background, light and dark (`--bg`). */
  background: { light: property(light, '--bg', ':root'), dark: property(dark, '--bg', 'the dark :root') },
  /** The accent of the light scheme (`--accent`), the colour of the icon. */
  accent: property(light, '--accent', ':root'),
} as const;
