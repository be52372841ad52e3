/** The tree comparison the equivalence test reports with (tests/support/tree-diff.ts), on real folders. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { diffTrees, formatDifferences, listFiles } from '../support/tree-diff.ts';

const root = mkdtempSync(path.join(tmpdir(), 'tree-diff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** A folder holding `files` (path → content). */
function tree(files: Record<string, string | Buffer>): string {
  const dir = path.join(root, String(count++));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const page = (nav: string, body: string) =>
  `<!DOCTYPE html><html><head><title>A page</title></head><body><nav><ul><li>Latest</li>${nav}</ul></nav>` +
  `<main><h1>Harbour bridge ${body} after repairs</h1><p>${'Words of the article. '.repeat(20)}</p></main></body></html>`;
const names = { expected: 'cold', actual: 'warm' };

describe('diffTrees', () => {
  it('finds nothing in two folders with the same files', () => {
    const files = { 'index.html': page('', 'reopens'), 'a/b.txt': 'x', 'img.jpg': Buffer.from([1, 2, 3]) };
    expect(diffTrees(tree(files), tree(files))).toEqual([]);
    expect(listFiles(tree(files))).toEqual(['a/b.txt', 'img.jpg', 'index.html']);
  });

  it('names the files only one folder has', () => {
    expect(diffTrees(tree({ 'a.html': 'a', 'gone.html': 'g' }), tree({ 'a.html': 'a', 'stale.html': 's' }), names)).toEqual([
      { file: 'gone.html', detail: 'only in the cold' },
      { file: 'stale.html', detail: 'only in the warm' },
    ]);
  });

  it('shows each change of a page, narrowed to the characters that differ, with what comes before', () => {
    const cold = page('<li>Sport</li>', 'reopens to traffic');
    const warm = page('', 'to reopen');
    const [difference] = diffTrees(tree({ 'index.html': cold }), tree({ 'index.html': warm }), names);
    expect(difference!.file).toBe('index.html');
    expect(difference!.detail).toContain('2 changes');
    expect(difference!.detail).toContain('<nav><ul><li>Latest</li>", before "</ul></nav><main><h1>Harbour b":');
    expect(difference!.detail).toContain('cold: "<li>Sport</li>"\n    warm: (nothing)');
    expect(difference!.detail).toContain('cold: "reopens to traffic"\n    warm: "to reopen"');
  });

  it('names a compressed copy that holds its differing original once, and describes a stale one in full', () => {
    const [cold, warm] = [page('', 'reopens to traffic'), page('', 'to reopen')];
    const differences = diffTrees(
      tree({ 'index.html': cold, 'index.html.br': brotliCompressSync(cold), 'index.html.gz': gzipSync(cold) }),
      // The warm .gz is stale: it holds the old page beside a fresh one.
      tree({ 'index.html': warm, 'index.html.br': brotliCompressSync(warm), 'index.html.gz': gzipSync(cold) }),
      names,
    );
    expect(differences.map((d) => d.file)).toEqual(['index.html', 'index.html.br']);
    expect(differences[1]!.detail).toBe('the compressed copy of index.html, which differs as shown there');

    const stale = diffTrees(
      tree({ 'index.html': warm, 'index.html.gz': gzipSync(warm) }),
      tree({ 'index.html': warm, 'index.html.gz': gzipSync(cold) }),
      names,
    );
    expect(stale).toHaveLength(1);
    expect(stale[0]!.detail).toMatch(/^\(gzip, compared decompressed\) 1 change/);
    expect(stale[0]!.detail).toContain('cold: "to reopen"\n    warm: "reopens to traffic"');
  });

  it('tells compressed files that differ only in their compression', () => {
    const text = page('', 'reopens');
    const [difference] = diffTrees(tree({ 'x.svg.gz': gzipSync(text, { level: 1 }) }), tree({ 'x.svg.gz': gzipSync(text, { level: 9 }) }));
    expect(difference!.detail).toMatch(/^the same content, gzip-compressed into other bytes/);
  });

  it('shows where binary files first differ', () => {
    const [difference] = diffTrees(
      tree({ 'card.jpg': Buffer.from([0xff, 0xd8, 1, 2, 3]) }),
      tree({ 'card.jpg': Buffer.from([0xff, 0xd8, 1, 9]) }),
    );
    expect(difference!.detail).toBe(
      'binary, first differs at byte 3 (5 vs 4 bytes):\n    expected: ff d8 01 02 03\n    actual: ff d8 01 09',
    );
  });
});

describe('formatDifferences', () => {
  it('reports every difference, up to a limit', () => {
    const differences = Array.from({ length: 3 }, (_, i) => ({ file: `f${i}.html`, detail: 'only in the cold' }));
    expect(formatDifferences(differences, 2)).toBe(
      '3 files differ:\nf0.html: only in the cold\nf1.html: only in the cold\n… and 1 more files',
    );
  });
});
