// ESLint (flat config): `npm run lint`. JavaScript's and typescript-eslint's recommended rules, the Astro plugin's
// for .astro files, and eslint-config-prettier last, so that formatting is Prettier's business alone.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'tests/.output/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  // Everything runs in Node (the build, the scripts, the tests), except the <script>s of components.
  { languageOptions: { globals: globals.node } },
  { files: ['**/*.astro/*.js', '**/*.astro/*.ts'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      // `_` marks a parameter a callback must take but does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests read parsed YAML, JSON and HTML loosely: `any` there is a choice, not an oversight.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
);
