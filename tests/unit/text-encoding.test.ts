/** Entries that are not UTF-8 (src/content-model/text-encoding.ts), checked against the platform's own strict decoder. */
import { describe, expect, it } from 'vitest';
import { encodingProblem, invalidUtf8, wideEncoding } from '../../src/content-model/text-encoding.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
const strictlyValid = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

/** Byte sequences that are not UTF-8, each as editors get them. */
const INVALID: Record<string, number[]> = {
  'é in Windows-1252 / Latin-1': [0xe9],
  '’ in Windows-1252': [0x92],
  'a lone continuation byte': [0x80],
  'a cut-off three-byte character': [0xe2, 0x80],
  'an overlong slash': [0xc0, 0xaf],
  'an overlong three-byte form': [0xe0, 0x80, 0xaf],
  'a UTF-16 surrogate written as UTF-8 (CESU-8)': [0xed, 0xa0, 0x80],
  'a code point past U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
  'bytes that never appear in UTF-8': [0xfe],
};

describe('finding bytes that are not UTF-8', () => {
  for (const [name, bad] of Object.entries(INVALID)) {
    it(name, () => {
      const b = bytes('Text ', bad, ' more');
      expect(strictlyValid(b)).toBe(false);
      expect(invalidUtf8(b)).toEqual({ offset: 5, length: bad.length });
    });
  }

  it('agrees with the strict decoder on valid text of every length of character, and a BOM', () => {
    for (const text of ['', 'ASCII', 'Café', '東京', '👩‍👩‍👧', '\uFEFF---\ntitle: "x"\n---\n', '\uFFFD written on purpose', '\u{10FFFF}']) {
      const b = bytes(text);
      expect(strictlyValid(b)).toBe(true);
      expect(invalidUtf8(b), text).toBeUndefined();
    }
  });

  it('agrees with the strict decoder on random bytes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2_000; n++) {
      const b = new Uint8Array(Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 256)));
      expect(invalidUtf8(b) === undefined, [...b].join(',')).toBe(strictlyValid(b));
    }
  });
});

describe('UTF-16 and UTF-32', () => {
  const text = '---\ntitle: "Budget vote"\n---\nBody.\n';
  it('by their byte order marks', () => {
    expect(wideEncoding(bytes([0xff, 0xfe], [...Buffer.from(text, 'utf16le')]))).toBe('UTF-16');
    expect(wideEncoding(bytes([0xfe, 0xff], [...Buffer.from(text, 'utf16le').swap16()]))).toBe('UTF-16');
    expect(wideEncoding(bytes([0xff, 0xfe, 0, 0], [0x2d, 0, 0, 0]))).toBe('UTF-32');
    expect(wideEncoding(bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x2d]))).toBe('UTF-32');
  });
  it('without a byte order mark, by their zero bytes', () => {
    expect(wideEncoding(new Uint8Array(Buffer.from(text, 'utf16le')))).toBe('UTF-16');
    expect(wideEncoding(new Uint8Array(Buffer.from(text, 'utf16le').swap16()))).toBe('UTF-16');
  });
  it('not UTF-8 text, even with a NUL pasted into it', () => {
    expect(wideEncoding(bytes(text))).toBeUndefined();
    expect(wideEncoding(bytes('\uFEFF', text))).toBeUndefined();
    expect(wideEncoding(bytes(text, [0], 'More text after a NUL.'))).toBeUndefined();
  });
});

describe('the problem', () => {
  const FILE = 'content/articles/x/index.md';
  const entry = '---\ntitle: "T"\nsummary: ["One."]\n---\n';
  it('says where: the line of the file, frontmatter or body, and what comes before the byte', () => {
    expect(encodingProblem(FILE, bytes(entry, 'Line one.\nCaf', [0xe9], '\n'))).toEqual({
      file: FILE,
      field: 'body',
      problem: 'not valid UTF-8 at line 6 (byte E9 after "Caf"); save the file as UTF-8',
      level: 'error',
    });
    expect(encodingProblem(FILE, bytes('---\ntitle: "', [0x93], 'Quoted', [0x94], '"\n---\nBody.'))?.problem).toBe(
      'not valid UTF-8 at line 2 (byte 93 after "title: \\""); save the file as UTF-8',
    );
    expect(encodingProblem(FILE, bytes('---\ntitle: "', [0x93], 'Quoted', [0x94], '"\n---\nBody.'))?.field).toBe('frontmatter');
    expect(encodingProblem(FILE, bytes(entry, [0xe9], 't\u00e9'))?.problem).toBe(
      'not valid UTF-8 at line 5 (byte E9 at the start of the line); save the file as UTF-8',
    );
  });
  it('names a UTF-16 file as such', () => {
    expect(encodingProblem(FILE, bytes([0xff, 0xfe], [...Buffer.from(entry, 'utf16le')]))).toEqual({
      file: FILE,
      field: 'file',
      problem: 'is saved as UTF-16, which the build cannot read; save the file as UTF-8',
      level: 'error',
    });
  });
  it('has nothing to say about UTF-8', () => {
    expect(encodingProblem(FILE, bytes(entry, 'Café, 東京, 👍.'))).toBeUndefined();
  });
});
