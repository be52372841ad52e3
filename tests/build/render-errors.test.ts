/**
 * An error while rendering an entry's body stops the build and `astro check` (Astro's glob loader only
 * logs it and would publish the article without its body: an empty page reading "undefined min read").
 * tests/fixtures/sets/render-errors holds entries that pass every frontmatter check but whose bodies
 * fail while rendering (a link to no id in the article: our rehype-fragment-links; inline HTML nested past
 * the renderer's stack, which the validation pass does not parse as a whole), beside a good entry. Alt-less
 * images, malformed URLs, quotes and lists nested past the limit and block HTML nested too deep are caught
 * earlier, by the validation pass (tests/build/validation.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { astroLockFile } from '../../scripts/lib/astro-build.ts';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

const DIR = FIXTURE_SETS['render-errors'];
const build = fixtureBuild('render-errors');

/** Every line the build must print: `<file>: body: <problem>`. */
const EXPECTED = [
  `${DIR}/link-to-nothing/index.md: body: link "#nowhere" points at nothing in the article`,
  `${DIR}/nested-inline-html/index.md: body: cannot be rendered: the text is nested too deeply (the renderer ran out of stack)`,
];

const lines = (output: string) => output.split('\n').map((l) => l.trim());

describe('a build with entries that cannot be rendered', () => {
  it('fails, and writes no pages', () => {
    expect(build.status, build.output).not.toBe(0);
    const built = (() => {
      try {
        return readdirSync(fixtureSiteDir('render-errors'), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.html'));
      } catch {
        return [];
      }
    })();
    expect(built).toEqual([]);
  });

  it('names every failing file and its problem at once, one line each, and not the good entry', () => {
    for (const expected of EXPECTED) {
      expect(
        lines(build.output).some((l) => l.startsWith(expected)),
        `missing line: ${expected}\n--- output ---\n${build.output}`,
      ).toBe(true);
    }
    expect(build.output).toContain(`${EXPECTED.length} problems in the articles:`);
    expect(build.output).not.toContain(`${DIR}/valid-article/index.md:`);
    // Astro's own "logged and carried on" line is not what the editor is left with.
    expect(build.output).not.toMatch(/\[ERROR\] \[articles-loader\] Error rendering/);
  });

  it('fails `astro check` (npm run check) the same way', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARTICLES_DIR: DIR };
    for (const key of Object.keys(env)) if (key === 'BASE_URL' || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
    const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const check = spawnSync('flock', [astroLockFile(), process.execPath, astro, 'check'], { cwd: ROOT, env, encoding: 'utf8' });
    // eslint-disable-next-line no-control-regex
    const output = `${check.stdout}\n${check.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(check.status, output).not.toBe(0);
    for (const expected of EXPECTED)
      expect(
        lines(output).some((l) => l.startsWith(expected)),
        `missing line: ${expected}\n${output}`,
      ).toBe(true);
  }, 240_000);
});
