/** The built site carries .br and .gz beside every text asset (src/integrations/precompress.ts). */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEFAULT_EXTENSIONS } from '../../src/integrations/precompress.ts';
import { SITE_DIR } from '../support/paths.ts';

const files = readdirSync(SITE_DIR, { recursive: true, encoding: 'utf8' });
const text = files.filter((f) => (DEFAULT_EXTENSIONS as readonly string[]).includes(path.extname(f).slice(1)));

describe('pre-compressed build output', () => {
  it('covers the pages', () => {
    expect(text).toContain('index.html');
    expect(text).toContain('404.html');
    expect(text.filter((f) => f.startsWith('articles/')).length).toBeGreaterThan(0);
  });

  it.each(text)('%s has a .gz and a .br that decode to it', (file) => {
    const original = readFileSync(path.join(SITE_DIR, file));
    expect(gunzipSync(readFileSync(path.join(SITE_DIR, `${file}.gz`))).equals(original)).toBe(true);
    expect(brotliDecompressSync(readFileSync(path.join(SITE_DIR, `${file}.br`))).equals(original)).toBe(true);
  });

  it('leaves images alone', () => {
    expect(files.filter((f) => /\.(avif|webp|jpe?g|png)\.(gz|br)$/.test(f))).toEqual([]);
  });
});
