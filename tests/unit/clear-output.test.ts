/**
 * src/integrations/clear-output.ts: the previous output is moved aside at the start of a build and deleted in the
 * background once the pages are made. Its hooks, called in Astro's order on real folders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import clearOutput from '../../src/integrations/clear-output.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs the integration's hooks for a build into `outDir`; returns what it asked Astro to change in the config. */
async function build(outDir: string, between: () => void = () => {}) {
  const { hooks } = clearOutput() as Required<Pick<AstroIntegration, 'hooks'>>;
  const updates: unknown[] = [];
  const logger = { warn: (m: string) => updates.push(`warn: ${m}`) };
  await hooks['astro:config:setup']!({
    config: { outDir: pathToFileURL(`${outDir}/`) },
    command: 'build',
    updateConfig: (c: unknown) => updates.push(c),
  } as never);
  await hooks['astro:build:start']!({ logger } as never);
  between();
  await hooks['astro:build:generated']!({ logger } as never);
  await hooks['astro:build:done']!({} as never);
  return updates;
}

describe('clear-output', () => {
  it('moves the old output aside and deletes it, with what an interrupted build left beside it', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'clear-output-'));
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(dist, 'articles/old'), { recursive: true });
    writeFileSync(path.join(dist, 'articles/old/index.html'), 'stale');
    mkdirSync(path.join(root, 'dist.old-1-2/x'), { recursive: true });
    let duringBuild: string[] = [];
    const updates = await build(dist, () => {
      duringBuild = readdirSync(root);
    });
    expect(updates).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    // While the site builds, the old output waits beside it (deleted once the pages are made, not while Vite works).
    expect(duringBuild).not.toContain('dist');
    expect(duringBuild.filter((name) => name.startsWith('dist.old-'))).toHaveLength(2);
    expect(readdirSync(root)).toEqual([]);
  });

  it('works on a first build, when neither the output nor the folder around it exists yet', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'clear-output-'));
    const dist = path.join(root, 'not-yet/output/site');
    await expect(build(dist)).resolves.toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    expect(existsSync(path.join(root, 'not-yet'))).toBe(false);
  });

  it('leaves an output that holds a .git checkout to Astro, which keeps .git', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'clear-output-'));
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(dist, '.git'), { recursive: true });
    expect(await build(dist)).toEqual([]);
    expect(existsSync(path.join(dist, '.git'))).toBe(true);
  });
});
