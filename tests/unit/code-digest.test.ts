import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codeDigest } from '../../src/content-model/code-digest.ts';

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

describe('codeDigest', () => {
  it('is the same for the same code, wherever the project is', () => {
    expect(codeDigest(project())).toBe(codeDigest(project()));
  });
  it('changes when a markdown plugin, a page, the config or the lockfile changes, or a file is added', () => {
    const root = project();
    const seen = new Set([codeDigest(root)]);
    for (const [file, text] of [
      ['src/plugins/remark-x.ts', 'export default () => { /* new */ };\n'],
      ['src/pages/index.astro', '<p>hello</p>\n'],
      ['astro.config.mjs', 'export default { base: "/news" };\n'],
      ['package-lock.json', '{ "lockfileVersion": 3 }\n'],
      ['src/lib/new-helper.ts', 'export const x = 1;\n'],
    ] as const) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
      const digest = codeDigest(root);
      expect(seen.has(digest), file).toBe(false);
      seen.add(digest);
    }
  });
  it('does not change for files outside the code (content, output, caches)', () => {
    const root = project();
    const before = codeDigest(root);
    for (const dir of ['content/articles/a', 'dist', 'node_modules/.astro']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'index.md'), 'x\n');
    }
    expect(codeDigest(root)).toBe(before);
  });
});
