/** Runs a real `astro build` in a child process (same Node as the tests), with the given environment. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface BuildResult {
  status: number | null;
  output: string;
  ms: number;
}

export function astroBuild(outDir: string, env: Record<string, string> = {}, root = ROOT): BuildResult {
  const start = performance.now();
  const astroBin = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astroBin, 'build', '--root', root, '--outDir', outDir, '--silent'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, ms: performance.now() - start };
}
