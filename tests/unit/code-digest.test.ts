/** Digests of code (src/content-model/code-digest.ts): what a remembered result is valid for. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeDigest, siteCodeDigest } from '../../src/content-model/code-digest.ts';

const root = mkdtempSync(path.join(tmpdir(), 'code-digest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
write('package-lock.json', '{"lockfileVersion":3}');
write('src/integrations/step.ts', "import { a } from '../lib/a.ts';\nimport type { T } from './types.ts';\nexport const step = a;\n");
write('src/integrations/types.ts', 'export type T = string;\n');
write('src/lib/a.ts', "export { b as a } from './b.ts';\nimport { z } from 'astro/zod';\n");
write('src/lib/b.ts', 'export const b = 1;\n');
write('src/lib/unrelated.ts', 'export const c = 1;\n');
const digest = () => codeDigest([path.join(root, 'src/integrations/step.ts')], root);

describe('codeDigest', () => {
  it('is the same while nothing it covers changes', () => {
    expect(digest()).toMatch(/^[0-9a-f]{64}$/);
    expect(digest()).toBe(digest());
  });

  it('changes with a module imported through others (re-exports and type imports too), not with a module nobody imports', () => {
    const before = digest();
    write('src/lib/unrelated.ts', 'export const c = 2;\n');
    expect(digest()).toBe(before);
    write('src/lib/b.ts', 'export const b = 2;\n');
    const afterB = digest();
    expect(afterB).not.toBe(before);
    write('src/integrations/types.ts', 'export type T = number;\n');
    expect(digest()).not.toBe(afterB);
  });

  it('changes with the installed packages (the lockfile)', () => {
    const before = digest();
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(digest()).not.toBe(before);
  });

  it('is undefined without a lockfile: then nothing may be reused', () => {
    rmSync(path.join(root, 'package-lock.json'));
    expect(digest()).toBeUndefined();
  });
});

/** A project folder with a markdown plugin, a page and a config. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'code-digest-'));
  mkdirSync(path.join(root, 'src/plugins'), { recursive: true });
  mkdirSync(path.join(root, 'src/pages'), { recursive: true });
  writeFileSync(path.join(root, 'src/plugins/remark-x.ts'), 'export default () => {};\n');
  writeFileSync(path.join(root, 'src/pages/index.astro'), '<p>hi</p>\n');
  writeFileSync(path.join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  return root;
}

describe('siteCodeDigest', () => {
  it('is the same for the same code, wherever the project is', () => {
    expect(siteCodeDigest(project())).toBe(siteCodeDigest(project()));
  });
  it('changes when a markdown plugin, a page, the config or the lockfile changes, or a file is added', () => {
    const root = project();
    const seen = new Set([siteCodeDigest(root)]);
    for (const [file, text] of [
      ['src/plugins/remark-x.ts', 'export default () => { /* new */ };\n'],
      ['src/pages/index.astro', '<p>hello</p>\n'],
      ['astro.config.mjs', 'export default { base: "/news" };\n'],
      ['package-lock.json', '{ "lockfileVersion": 3 }\n'],
      ['src/lib/new-helper.ts', 'export const x = 1;\n'],
    ] as const) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
      const digest = siteCodeDigest(root);
      expect(seen.has(digest), file).toBe(false);
      seen.add(digest);
    }
  });
  it('does not change for files outside the code (content, output, caches)', () => {
    const root = project();
    const before = siteCodeDigest(root);
    for (const dir of ['content/articles/a', 'dist', 'node_modules/.astro']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'index.md'), 'x\n');
    }
    expect(siteCodeDigest(root)).toBe(before);
  });
});
