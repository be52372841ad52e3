/**
 * src/integrations/output-folder.ts: the previous output is kept in place when it is exactly what the last build
 * that finished left, and then pruned to what this build made; otherwise it is moved aside and deleted once the
 * pages are made. Its hooks, called in Astro's order on real folders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import outputFolder, { outputInventory, pruneOutput } from '../../src/integrations/output-folder.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

type Hooks = Required<AstroIntegration['hooks']>;

/** Every file under `dir`, relative, sorted. */
const list = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

function write(file: string, text = file): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

interface Build {
  /** Runs while the site builds (between build:start and build:generated): Astro's writes. */
  pages?: (dist: string) => void;
  /** The routes' files Astro reports in build:done (relative to dist/). */
  routes?: string[];
  /** Stops the build before its end (no `last` hook). */
  fails?: boolean;
}

/** One build of the two integrations into `root/dist`, caches in `root/cache/`; returns the log and Astro's config changes. */
async function build({ pages = () => {}, routes = [], fails = false }: Build = {}) {
  const dist = path.join(root, 'dist');
  const { first, last } = outputFolder();
  const [hooks, lastHooks] = [first.hooks as Hooks, last.hooks as Hooks];
  const log: string[] = [];
  const logger = { info: (m: string) => log.push(m), warn: (m: string) => log.push(`warn: ${m}`) };
  const updates: unknown[] = [];
  const config = { outDir: pathToFileURL(`${dist}/`), cacheDir: pathToFileURL(`${root}/cache/`) };
  await hooks['astro:config:setup']({ config, command: 'build', updateConfig: (c: unknown) => updates.push(c) } as never);
  await hooks['astro:config:done']({ config } as never);
  await hooks['astro:build:start']({ logger } as never);
  const during = readdirSync(root);
  mkdirSync(dist, { recursive: true });
  pages(dist);
  await hooks['astro:build:generated']({ logger } as never);
  if (fails) return { log, updates, during };
  const assets = new Map([['/[...route]', routes.map((file) => pathToFileURL(path.join(dist, file)))]]);
  await hooks['astro:build:done']({ assets, logger, dir: config.outDir } as never);
  await lastHooks['astro:build:done']({} as never);
  return { log, updates, during };
}

const KEPT = 'the previous output is kept in place: unchanged pages stay where they are';

describe('output-folder', () => {
  it('moves the old output aside on a first build, and deletes it with what an interrupted build left beside it', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    write(path.join(root, 'dist/articles/old/index.html'), 'stale');
    mkdirSync(path.join(root, 'dist.old-1-2/x'), { recursive: true });
    const { updates, during, log } = await build({ pages: (dist) => write(path.join(dist, 'index.html')) });
    expect(updates).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    // While the site builds, the old output waits beside it (deleted once the pages are made, not while Vite works).
    expect(during).not.toContain('dist');
    expect(during.filter((name) => name.startsWith('dist.old-'))).toHaveLength(2);
    expect(readdirSync(root).sort()).toEqual(['cache', 'dist']);
    expect(list(path.join(root, 'dist'))).toEqual(['index.html']);
    expect(log).not.toContain(KEPT);
  });

  it('keeps an output in place that is what the last build left, and removes what this build did not make', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    const everything = ['index.html', 'articles/a/index.html', 'articles/b/index.html', 'articles/b/card.jpg', '_astro/old.js'];
    await build({
      pages: (dist) => {
        for (const file of everything) write(path.join(dist, file));
        for (const file of ['index.html', 'articles/a/index.html', 'articles/b/index.html']) {
          write(path.join(dist, `${file}.br`));
          write(path.join(dist, `${file}.gz`));
        }
      },
      routes: everything.filter((file) => !file.startsWith('_astro/')),
    });
    // The next build: article a kept by Astro (not written), article b withdrawn, index.html and a new script written.
    const { during, log } = await build({
      pages: (dist) => {
        write(path.join(dist, 'index.html'), 'new front page');
        write(path.join(dist, '_astro/new.js'));
      },
      routes: ['index.html', 'articles/a/index.html'],
    });
    expect(during).toContain('dist');
    expect(during.filter((name) => name.startsWith('dist.old-'))).toEqual([]);
    expect(log).toContain(KEPT);
    expect(log.at(-1)).toMatch(/^3 files of this build; 5 left by the previous build removed, in \d+ ms$/);
    expect(list(path.join(root, 'dist'))).toEqual([
      '_astro/new.js',
      'articles/a/index.html',
      'articles/a/index.html.br',
      'articles/a/index.html.gz',
      'index.html',
      'index.html.br',
      'index.html.gz',
    ]);
    // The withdrawn article's folder went with its files.
    expect(existsSync(path.join(root, 'dist/articles/b'))).toBe(false);
  });

  it('empties an output that changed since the last build: a file edited, added or removed by hand', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    for (const change of [
      (dist: string) => write(path.join(dist, 'index.html'), 'edited by hand'),
      (dist: string) => write(path.join(dist, 'extra.html')),
      (dist: string) => rmSync(path.join(dist, 'index.html')),
    ]) {
      const pages = (dist: string) => write(path.join(dist, 'index.html'));
      await build({ pages, routes: ['index.html'] });
      change(path.join(root, 'dist'));
      const { during, log } = await build({ pages, routes: ['index.html'] });
      expect(during).not.toContain('dist');
      expect(log).not.toContain(KEPT);
    }
  });

  it('empties the output after a build that did not finish (it may have written half a page)', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    const pages = (dist: string) => write(path.join(dist, 'index.html'));
    await build({ pages, routes: ['index.html'] });
    // Stopped after some pages: the record was taken at its start, none written at its end.
    await build({ pages, fails: true });
    expect(existsSync(path.join(root, 'cache/output-record.json'))).toBe(false);
    const { during, log } = await build({ pages, routes: ['index.html'] });
    expect(during).not.toContain('dist');
    expect(log).not.toContain(KEPT);
  });

  it('works on a first build, when neither the output nor the folder around it exists yet', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    const { first } = outputFolder();
    const hooks = first.hooks as Hooks;
    const config = { outDir: pathToFileURL(`${root}/not-yet/output/site/`), cacheDir: pathToFileURL(`${root}/cache/`) };
    await hooks['astro:config:setup']({ config, command: 'build', updateConfig: () => {} } as never);
    await hooks['astro:config:done']({ config } as never);
    await expect(hooks['astro:build:start']({ logger: { info: () => {} } } as never)).resolves.toBeUndefined();
    expect(existsSync(path.join(root, 'not-yet'))).toBe(false);
  });

  it("empties the output when another build used the cache in between (Astro's record is then another output's)", async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    const pages = (dist: string) => write(path.join(dist, 'index.html'));
    await build({ pages, routes: ['index.html'] });
    // A build into another folder, with the same cache: Astro rewrites its incremental record.
    write(path.join(root, 'cache/incremental-build.json'), '{}');
    const { during, log } = await build({ pages, routes: ['index.html'] });
    expect(during).not.toContain('dist');
    expect(log).not.toContain(KEPT);
  });

  it('keeps a .git checkout in the output, whether the rest is kept in place or moved aside', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    write(path.join(root, 'dist/.git/HEAD'), 'ref: refs/heads/gh-pages');
    write(path.join(root, 'dist/old.html'));
    const pages = (dist: string) => write(path.join(dist, 'index.html'));
    const first = await build({ pages, routes: ['index.html'] });
    expect(first.updates).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    expect(first.log).not.toContain(KEPT);
    expect(list(path.join(root, 'dist'))).toEqual(['.git/HEAD', 'index.html']);
    // In place: .git is neither in the inventory nor pruned.
    const second = await build({ pages: () => {}, routes: ['index.html'] });
    expect(second.log).toContain(KEPT);
    expect(list(path.join(root, 'dist'))).toEqual(['.git/HEAD', 'index.html']);
  });
});

describe('outputInventory and pruneOutput', () => {
  it('the inventory changes with a file written, replaced, added or removed; not with one read', () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    write(path.join(root, 'a.html'), 'a');
    write(path.join(root, 'b/c.html'), 'c');
    const before = outputInventory(root).digest;
    expect(outputInventory(root).digest).toBe(before);
    write(path.join(root, 'b/d.html'), 'd');
    expect(outputInventory(root).digest).not.toBe(before);
    rmSync(path.join(root, 'b/d.html'));
    expect(outputInventory(root).digest).toBe(before);
    // Same size, same bytes, another file (a new inode): a build that wrote it anew.
    rmSync(path.join(root, 'a.html'));
    write(path.join(root, 'a.html'), 'a');
    expect(outputInventory(root).digest).not.toBe(before);
  });

  it('a compressed copy stays with its file, and only with it; a folder left to another step stays whole', () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-folder-'));
    for (const file of ['kept.html', 'kept.html.br', 'gone.html', 'gone.html.gz', 'lone.txt.br', 'index/a/x.json', 'index/a/x.json.br'])
      write(path.join(root, file));
    const before = BigInt(Date.now() + 60_000) * 1_000_000n;
    const { kept, removed } = pruneOutput(root, new Set(['kept.html']), before, ['index']);
    expect(kept).toBe(1);
    expect(removed.sort()).toEqual(['gone.html', 'gone.html.gz', 'lone.txt.br']);
    // A folder left to the step that writes it.
    expect(list(root)).toEqual(['index/a/x.json', 'index/a/x.json.br', 'kept.html', 'kept.html.br']);
    // A compressed file this build wrote stays without its base (a data.csv.gz in public/, say).
    write(path.join(root, 'data.csv.gz'));
    expect(pruneOutput(root, new Set(['kept.html']), 0n).removed).toEqual([]);
    expect(list(root)).toContain('data.csv.gz');
  });
});
