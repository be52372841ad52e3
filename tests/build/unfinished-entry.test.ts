/**
 * What `npm run new` writes cannot be published by accident: with its `draft: true` deleted and
 * nothing else changed, a production build fails naming the file and each placeholder field and the
 * stand-in photo, while `astro dev` keeps serving the article (with warnings) so it can be finished.
 * Runs the real script, a real `astro build` and a real `astro dev` on a loopback port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, text } from '../support/html.ts';
import { astroBuild, astroLockFile, type BuildResult } from '../../scripts/lib/astro-build.ts';
import { OUTPUT, ROOT, TEST_SITE_URL } from '../support/paths.ts';

const WORK = path.join(OUTPUT, 'unfinished-entry');
const ARTICLES = path.join(WORK, 'articles');
const SLUG = 'budget-vote-delayed';
const FILE = `${ARTICLES}/${SLUG}/index.md`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment without what Vitest adds (VITEST*, NODE_ENV=test, BASE_URL), which changes how Astro runs. */
function devEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'BASE_URL' || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  return env;
}

let build: BuildResult;

beforeAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(ARTICLES, { recursive: true });
  const created = spawnSync(process.execPath, [path.join(ROOT, 'scripts/new-article.ts'), 'Budget vote delayed', '--dir', ARTICLES], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`npm run new failed: ${created.stderr}`);
  // "Publish" it without editing anything else.
  writeFileSync(FILE, readFileSync(FILE, 'utf8').replace(/^draft: true.*\n/m, ''));
  build = astroBuild(path.join(WORK, 'dist'), { SITE_URL: TEST_SITE_URL, BASE_PATH: '/', ARTICLES_DIR: ARTICLES }, undefined, {
    silent: false,
  });
}, 120_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('an entry from `npm run new`, published unedited', () => {
  it('fails the production build, naming the file, each placeholder field and the stand-in photo', () => {
    expect(build.status).not.toBe(0);
    // eslint-disable-next-line no-control-regex
    const plain = build.output.replace(/\x1b\[[0-9;]*m/g, '');
    const lines = plain.split('\n').map((l) => l.trim());
    expect(lines).toContain('3 problems in the articles:');
    for (const expected of [
      `${FILE}: summary item 1: still has the template's placeholder "Replace this with the first key point."`,
      `${FILE}: body: still has the template's placeholder "Write the article here`,
      `${FILE}: image.src: "./lead.jpg" is the project's stand-in illustration`,
    ]) {
      expect(
        lines.some((l) => l.startsWith(expected)),
        `missing line: ${expected}\n--- output ---\n${build.output}`,
      ).toBe(true);
    }
  });

  describe('in astro dev', () => {
    let dev: ChildProcess;
    let origin: string;
    let log = '';

    beforeAll(async () => {
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
      dev = spawn('flock', [astroLockFile(), process.execPath, astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
        cwd: ROOT,
        env: { ...devEnv(), ASTRO_TELEMETRY_DISABLED: '1', ARTICLES_DIR: ARTICLES },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      dev.stdout!.on('data', (d) => (log += d));
      dev.stderr!.on('data', (d) => (log += d));
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (dev.exitCode !== null) throw new Error(`astro dev exited (${dev.exitCode}):\n${log}`);
        const ok = await fetch(`${origin}/`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 120_000);

    afterAll(() => {
      if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
    });

    it('serves the article, so it can be finished', async () => {
      const res = await fetch(`${origin}/articles/${SLUG}/`);
      expect(res.status).toBe(200);
      expect(text(select('h1', fromHtml(await res.text())))).toBe('Budget vote delayed');
    });

    it('prints the same problems as warnings', () => {
      // eslint-disable-next-line no-control-regex
      const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
      expect(plain).toContain(`warning: ${FILE}: summary item 1: still has the template's placeholder`);
      expect(plain).toContain(`warning: ${FILE}: image.src: "./lead.jpg" is the project's stand-in illustration`);
    });
  });
});
