/** The precompress integration's core: .gz and .br beside each text file, decodable, byte-for-byte deterministic. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('never reuses a result made with other settings: a cache entry is named by the content and the settings', async () => {
    // A cache left by a build with another Brotli quality or gzip level (or the naming before settings were part
    // of it): entries named by the content hash alone. Reusing them would make a rebuild differ from a cold build.
    const dir = fixture();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    mkdirSync(cacheDir);
    const index = readFileSync(path.join(dir, 'index.html'));
    const key = createHash('sha256').update(index).digest('hex');
    writeFileSync(path.join(cacheDir, `${key}.gz`), 'not what this build makes');
    writeFileSync(path.join(cacheDir, `${key}.br`), 'not what this build makes');
    const { fromCache } = await precompressDir(dir, { cacheDir });
    expect(fromCache).toBe(0);
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).equals(index)).toBe(true);
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).equals(index)).toBe(true);
    // The stale entries are gone with everything else this run did not use.
    expect(readdirSync(cacheDir)).not.toContain(`${key}.gz`);
    rmSync(dir, { recursive: true });
    rmSync(cacheDir, { recursive: true });
  });

  it('gives the output files their cached bytes without ever writing through to the cache', async () => {
    // Cached results are hard-linked into the output: a later run over the same folder (a file changed in place)
    // must replace the output's .br and .gz, not write the new bytes into the cache entry they share.
    const dir = fixture();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    await precompressDir(dir, { cacheDir });
    await precompressDir(dir, { cacheDir }); // every file from the cache
    const original = readFileSync(path.join(dir, 'index.html'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>changed</title>'.repeat(20));
    await precompressDir(dir, { cacheDir });
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).toString()).toContain('changed');
    // Back to the original bytes: its entry is gone (unused by the last run), so it is compressed afresh and right.
    writeFileSync(path.join(dir, 'index.html'), original);
    await precompressDir(dir, { cacheDir });
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).equals(original)).toBe(true);
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).equals(original)).toBe(true);
    // And the cache's entries still decode to the files they were made from.
    for (const name of readdirSync(cacheDir)) {
      const decoded = name.endsWith('.gz')
        ? gunzipSync(readFileSync(path.join(cacheDir, name)))
        : brotliDecompressSync(readFileSync(path.join(cacheDir, name)));
      expect(createHash('sha256').update(decoded).digest('hex'), name).toBe(name.split('-')[0]);
    }
    rmSync(dir, { recursive: true });
    rmSync(cacheDir, { recursive: true });
  });

  it('compresses files with the same bytes once, into one cache entry', async () => {
    const dir = fixture();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    for (const n of [1, 2, 3, 4]) {
      mkdirSync(path.join(dir, `old-${n}`));
      writeFileSync(path.join(dir, `old-${n}/index.html`), '<meta http-equiv="refresh" content="0;url=/articles/a/">'.repeat(10));
    }
    const { files } = await precompressDir(dir, { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(2 * (files.length - 3));
    for (const n of [1, 2, 3, 4]) {
      const file = path.join(dir, `old-${n}/index.html`);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(readFileSync(file))).toBe(true);
    }
    rmSync(dir, { recursive: true });
    rmSync(cacheDir, { recursive: true });
  });

  it('holds only the files being compressed, not every result until the end (issue 12: 730 MB at 10,000 articles)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precompress-memory-'));
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    // 48 pages of 1 MB that compress poorly (pseudo-random letters): about 60 MB of .gz and .br in all.
    let seed = 12345;
    const letter = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return 97 + ((seed >>> 0) % 26);
    };
    for (let n = 0; n < 48; n++) writeFileSync(path.join(dir, `page-${n}.html`), Buffer.from(Array.from({ length: 1 << 20 }, letter)));
    // What is still referenced, not what the collector has yet to free: a full collection before each sample.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const held = () => (gc(), process.memoryUsage().arrayBuffers);
    const before = held();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, held())), 20);
    const { files } = await precompressDir(dir, { cacheDir });
    clearInterval(sampler);
    const output = files.reduce((sum, file) => sum + readFileSync(`${file}.gz`).length + readFileSync(`${file}.br`).length, 0);
    expect(output).toBeGreaterThan(40 * (1 << 20));
    expect(peak - before, `held ${Math.round((peak - before) / 1e6)} MB of ${Math.round(output / 1e6)} MB compressed`).toBeLessThan(
      output / 4,
    );
    rmSync(dir, { recursive: true });
    rmSync(cacheDir, { recursive: true });
  }, 60_000);

  it('compresses a folder another step is still writing once it is written, and fails with that step', async () => {
    const dir = fixture();
    const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
    mkdirSync(path.join(dir, 'index-in-progress'));
    writeFileSync(path.join(dir, 'index-in-progress/partial.js'), 'half of it');
    let finish!: () => void;
    const written = new Promise<void>((resolve) => (finish = resolve));
    const running = precompressDir(dir, { cacheDir, after: { dir: 'index-in-progress', written } });
    // The rest is compressed meanwhile; the folder is left alone until the step is done.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(path.join(dir, 'index-in-progress/partial.js.gz'))).toBe(false);
    writeFileSync(path.join(dir, 'index-in-progress/partial.js'), 'all of it'.repeat(20));
    writeFileSync(path.join(dir, 'index-in-progress/entry.json'), '{"done":true}');
    finish();
    const { files } = await running;
    expect(files.map((f) => path.relative(dir, f)).filter((f) => f.startsWith('index-in-progress'))).toEqual([
      'index-in-progress/entry.json',
      'index-in-progress/partial.js',
    ]);
    expect(gunzipSync(readFileSync(path.join(dir, 'index-in-progress/partial.js.gz'))).toString()).toBe('all of it'.repeat(20));

    const failed = Promise.reject(new Error('search index: Pagefind could not start'));
    await expect(precompressDir(dir, { cacheDir, after: { dir: 'index-in-progress', written: failed } })).rejects.toThrow(
      'Pagefind could not start',
    );
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
