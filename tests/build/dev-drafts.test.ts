/**
 * `astro dev` shows drafts and scheduled articles (the production build leaves them out:
 * tests/build/editorial.test.ts). Starts a real dev server on a loopback port over the editorial
 * fixture set and asks it for the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll, text, attr } from '../support/html.ts';
import { astroLockFile } from '../support/astro-build.ts';
import { FIXTURE_SETS } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

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

describe('astro dev', () => {
  let dev: ChildProcess;
  let origin: string;
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
    // Under the same lock as the builds: the dev server writes .astro/ and the content store too.
    dev = spawn('flock', [astroLockFile(), process.execPath, astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: { ...devEnv(), ASTRO_TELEMETRY_DISABLED: '1', ARTICLES_DIR: FIXTURE_SETS.editorial },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d) => (log += d));
    dev.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`astro dev exited (${dev.exitCode}):\n${log}`);
      const ok = await fetch(`${origin}/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  const get = async (p: string) => {
    const res = await fetch(origin + p);
    return { status: res.status, page: fromHtml(await res.text()) };
  };

  it('renders a draft', async () => {
    const { status, page } = await get('/articles/draft-article/');
    expect(status).toBe(200);
    expect(text(select('h1', page))).toBe('Draft article that must stay out of production');
    expect(text(select('.article-body', page))).toContain('Draft body paragraph.');
  });

  it('renders an article scheduled for a future date', async () => {
    const { status, page } = await get('/articles/scheduled-article/');
    expect(status).toBe(200);
    expect(text(select('h1', page))).toBe('Scheduled article that must wait for its date');
  });

  it('lists drafts and scheduled articles on the front page', async () => {
    const { page } = await get('/');
    const links = selectAll('main a', page).map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/articles/draft-article/', '/articles/scheduled-article/', '/articles/published-article/']));
  });
});
