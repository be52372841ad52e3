/** Runs a real `astro build` in a child process (same Node as the tests), with the given environment. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { realpathSync } from 'node:fs';
import { ROOT } from './paths.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  ms: number;
  /** When the build started (epoch ms): with `ms`, the window in which the build decided what is published. */
  startedAt: number;
}

/**
 * Astro processes on one project root share `.astro/` and the content store in `node_modules/.astro`,
 * so two at once (test files in parallel, or two people's suites in one tree) corrupt each other.
 * Every astro process the tests start runs under this lock (util-linux `flock`).
 */
export function astroLockFile(root = ROOT): string {
  // Keyed by the real node_modules: a checkout that links to this one's node_modules shares its caches too.
  let key = path.resolve(root);
  try {
    key = realpathSync(path.join(root, 'node_modules'));
  } catch {
    // No node_modules of its own: the root is the key.
  }
  return path.join(tmpdir(), `astro-${createHash('sha256').update(key).digest('hex').slice(0, 12)}.lock`);
}

/**
 * The environment without what Vitest's workers add: BASE_URL=/ (Vite's import.meta.env, which would
 * override the build's BASE_PATH), DEV/PROD/MODE/SSR (likewise: Astro copies environment variables
 * into import.meta.env, so DEV=1 would make a build include drafts), NODE_ENV=test and VITEST_*.
 */
const VITE_ENV_KEYS = new Set(['BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR']);
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (VITE_ENV_KEYS.has(key) || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

export function astroBuild(outDir: string, env: Record<string, string> = {}, root = ROOT, { silent = true } = {}): BuildResult {
  const startedAt = Date.now();
  const start = performance.now();
  const astroBin = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const args = [
    astroLockFile(root),
    process.execPath,
    astroBin,
    'build',
    '--root',
    root,
    '--outDir',
    outDir,
    ...(silent ? ['--silent'] : []),
  ];
  const result = spawnSync('flock', args, {
    cwd: root,
    env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, ms: performance.now() - start, startedAt };
}
