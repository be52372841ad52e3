/**
 * `astro dev` shows drafts and scheduled articles (the production build leaves them out:
 * tests/build/editorial.test.ts), marked as such; and one broken entry does not take down the others:
 * the server starts, serves the valid articles, and shows each broken entry's problems at its URL,
 * following the editor's fixes. Starts a real dev server on a loopback port over a copy of the
 * editorial fixture set plus tests/fixtures/sets/dev-problems (an invalid entry, one whose body
 * cannot be rendered, and one the test breaks while the server runs), and asks it for the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll, text, attr } from '../support/html.ts';
import { astroLockFile } from '../../scripts/lib/astro-build.ts';
import { FIXTURE_SETS } from '../support/fixture-builds.ts';
import { OUTPUT, ROOT } from '../support/paths.ts';

/** The articles folder the dev server watches: a copy, so the tests can edit entries as an editor would. */
const ARTICLES = path.join(OUTPUT, 'dev-articles');

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
    rmSync(ARTICLES, { recursive: true, force: true });
    cpSync(path.join(ROOT, FIXTURE_SETS.editorial), ARTICLES, { recursive: true });
    cpSync(path.join(ROOT, 'tests/fixtures/sets/dev-problems'), ARTICLES, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
    // Under the same lock as the builds: the dev server writes .astro/ and the content store too.
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
    expect(links).toEqual(
      expect.arrayContaining(['/articles/draft-article/', '/articles/scheduled-article/', '/articles/published-article/']),
    );
  });
  /** Asks for a page until `done` holds for it (the dev server reloads content a moment after a save). */
  const until = async (p: string, done: (page: ReturnType<typeof fromHtml>) => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { page } = await get(p);
      if (done(page)) return page;
      if (Date.now() > deadline) throw new Error(`${p}: ${what} did not happen within 30 s:\n${log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const robots = (page: ReturnType<typeof fromHtml>) => attr(select('meta[name="robots"]', page), 'content');
  const problemLines = (page: ReturnType<typeof fromHtml>) => selectAll('.article-problems li', page).map((li) => text(li));
  const entryFile = (slug: string) => path.join(ARTICLES, slug, 'index.md');

  it('marks a draft: a visible banner, and noindex', async () => {
    const { page } = await get('/articles/draft-article/');
    expect(text(select('main', page))).toMatch(/^Draft — not published\./);
    expect(robots(page)).toBe('noindex');
  });

  it('marks a scheduled article with its date, and noindex', async () => {
    const { page } = await get('/articles/scheduled-article/');
    expect(text(select('.publication-notice', page))).toMatch(/^Scheduled for January 1, 2099 at 09:00 UTC\./);
    expect(attr(select('.publication-notice time', page), 'dateTime')).toBe('2099-01-01T09:00:00.000Z');
    expect(robots(page)).toBe('noindex');
  });

  it('does not mark a published article', async () => {
    const { page } = await get('/articles/published-article/');
    expect(select('.publication-notice', page)).toBeUndefined();
    expect(robots(page)).toMatch(/^index/);
  });

  it('starts with broken entries among the others, and serves the valid ones', async () => {
    const { status, page } = await get('/articles/edited-while-running/');
    expect(status).toBe(200);
    expect(text(select('h1', page))).toBe('An article that is valid when the server starts');
    expect(log).toMatch(/empty-summary\/index\.md: summary: /);
  });

  it('shows an invalid entry’s problems at its URL, as <field>: <problem> lines', async () => {
    const { page } = await get('/articles/empty-summary/');
    expect(text(select('h1', page))).toBe('This article cannot be published');
    expect(text(select('.article-problems', page))).toContain(entryFile('empty-summary').split(path.sep).join('/'));
    expect(problemLines(page)).toEqual([expect.stringMatching(/^summary: ./)]);
    expect(robots(page)).toBe('noindex');
  });

  it('shows an entry whose body cannot be rendered the same way', async () => {
    const { page } = await get('/articles/link-to-nothing/');
    expect(text(select('h1', page))).toBe('This article cannot be published');
    expect(problemLines(page)).toEqual([expect.stringMatching(/^body: link "#nowhere" points at nothing in the article/)]);
  });

  it('follows the editor: a fixed entry becomes its article', async () => {
    const file = entryFile('empty-summary');
    writeFileSync(file, readFileSync(file, 'utf8').replace('summary: []', 'summary:\n  - "A key point, added."'));
    const page = await until('/articles/empty-summary/', (p) => text(select('h1', p)) === 'An entry with no key points', 'the fix');
    expect(text(select('.key-points', page))).toContain('A key point, added.');
  });

  it('follows the editor: an entry broken while the server runs shows its problems, not a stale page', async () => {
    const file = entryFile('edited-while-running');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - "The test breaks it while the dev server runs."', '  - ""'));
    const page = await until(
      '/articles/edited-while-running/',
      (p) => text(select('h1', p)) === 'This article cannot be published',
      'the problem page',
    );
    expect(problemLines(page)).toEqual([expect.stringMatching(/^summary item 1: ./)]);
    // The others are still served.
    expect((await get('/articles/published-article/')).status).toBe(200);
  });
});
