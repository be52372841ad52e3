/** The precompress integration's core: .gz and .br beside each text file, decodable, byte-for-byte deterministic. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../src/integrations/precompress.ts';

function fixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  mkdirSync(path.join(dir, 'articles/a'), { recursive: true });
  mkdirSync(path.join(dir, '_astro'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>'.repeat(50));
  writeFileSync(path.join(dir, 'articles/a/index.html'), '<p>article</p>'.repeat(40));
  writeFileSync(path.join(dir, '_astro/app.js'), 'console.log(1);'.repeat(30));
  writeFileSync(path.join(dir, 'rss.xml'), '<rss></rss>');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"x"}');
  writeFileSync(path.join(dir, '_astro/photo.avif'), Buffer.from([0, 1, 2, 3]));
  return dir;
}

describe('precompressDir', () => {
  it('writes .gz and .br beside every text file, and nothing beside images', async () => {
    const dir = fixture();
    const { files: done } = await precompressDir(dir);
    expect(done.map((f) => path.relative(dir, f)).sort()).toEqual([
      '_astro/app.js',
      'articles/a/index.html',
      'index.html',
      'manifest.webmanifest',
      'rss.xml',
    ]);
    for (const file of done) {
      const original = readFileSync(file);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), file).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), file).toBe(true);
    }
    expect(existsSync(path.join(dir, '_astro/photo.avif.gz'))).toBe(false);
    expect(existsSync(path.join(dir, '_astro/photo.avif.br'))).toBe(false);
    // Compressed is smaller for anything worth compressing.
    expect(readFileSync(path.join(dir, 'index.html.br')).length).toBeLessThan(readFileSync(path.join(dir, 'index.html')).length / 5);
    rmSync(dir, { recursive: true });
  });

  it('is deterministic: same input, same bytes (no mtime or name in the gzip header)', async () => {
    const a = fixture();
    await precompressDir(a);
    const b = fixture();
    await precompressDir(b);
    for (const rel of ['index.html.gz', 'index.html.br', '_astro/app.js.gz', '_astro/app.js.br']) {
      expect(readFileSync(path.join(a, rel)).equals(readFileSync(path.join(b, rel))), rel).toBe(true);
    }
    const header = readFileSync(path.join(a, 'index.html.gz')).subarray(0, 10);
    expect(header.readUInt32LE(4)).toBe(0); // MTIME
    expect(header[3]! & 0x08).toBe(0); // no FNAME
    rmSync(a, { recursive: true });
    rmSync(b, { recursive: true });
  });

  it('reuses compressed results by content hash from its cache, and keeps the cache to one build', async () => {
    const dir = fixture();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    const first = await precompressDir(dir, { cacheDir });
    expect(first.fromCache).toBe(0);
    const expected = readFileSync(path.join(dir, 'index.html.br'));
    rmSync(path.join(dir, 'index.html.br'));
    writeFileSync(path.join(dir, 'rss.xml'), '<rss><channel/></rss>'); // changed: compressed afresh
    const second = await precompressDir(dir, { cacheDir });
    expect(second.fromCache).toBe(first.files.length - 1);
    expect(readFileSync(path.join(dir, 'index.html.br')).equals(expected)).toBe(true);
    expect(gunzipSync(readFileSync(path.join(dir, 'rss.xml.gz'))).toString()).toBe('<rss><channel/></rss>');
    // Two entries per file of this run, none for the old rss.xml.
    expect(readdirSync(cacheDir)).toHaveLength(2 * first.files.length);
    rmSync(dir, { recursive: true });
    rmSync(cacheDir, { recursive: true });
  });

  it('does not compress its own output again on a second run', async () => {
    const dir = fixture();
    await precompressDir(dir);
    await precompressDir(dir);
    expect(existsSync(path.join(dir, 'index.html.gz.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'index.html.br.gz'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});
