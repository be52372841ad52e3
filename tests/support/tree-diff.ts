/**
 * Two built sites compared file by file, byte for byte, with a readable account of every difference: which
 * files only one of them has, and for each file both have but with other bytes, where it first differs and
 * how. Compressed files (.br, .gz, Pagefind's gzipped index files) are compared by their decompressed
 * content, so the account says what changed, not which compressed bytes did.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface TreeDifference {
  /** Path relative to the compared folders, with "/" separators. */
  file: string;
  /** What is wrong, e.g. "only in the cold build", or where and how the bytes differ. */
  detail: string;
}

/** Every file under `dir` (recursively), as sorted relative paths with "/" separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => lstatSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'))
    .sort();
}

/** The files of two folders that differ: present in one only, or with other bytes. Empty when the folders are the same. */
export function diffTrees(
  expectedDir: string,
  actualDir: string,
  names: { expected: string; actual: string } = { expected: 'expected', actual: 'actual' },
): TreeDifference[] {
  const expected = new Set(listFiles(expectedDir));
  const actual = new Set(listFiles(actualDir));
  const differences: TreeDifference[] = [];
  for (const file of [...new Set([...expected, ...actual])].sort()) {
    if (!actual.has(file)) differences.push({ file, detail: `only in the ${names.expected}` });
    else if (!expected.has(file)) differences.push({ file, detail: `only in the ${names.actual}` });
    else {
      const a = readFileSync(path.join(expectedDir, file));
      const b = readFileSync(path.join(actualDir, file));
      if (a.equals(b)) continue;
      differences.push({ file, detail: compressedCopy(file, a, b, expectedDir, actualDir) ?? describeDifference(file, a, b, names) });
    }
  }
  return differences;
}

/**
 * For `x.br` or `x.gz` holding exactly `x` on each side: says so, since `x` itself is reported (a stale copy
 * beside a fresh `x` is described in full instead).
 */
function compressedCopy(file: string, expected: Buffer, actual: Buffer, expectedDir: string, actualDir: string): string | undefined {
  const original = file.replace(/\.(br|gz)$/, '');
  if (original === file) return undefined;
  const read = (dir: string) => {
    try {
      return readFileSync(path.join(dir, original));
    } catch {
      return undefined;
    }
  };
  const [a, b] = [read(expectedDir), read(actualDir)];
  if (!a || !b || a.equals(b)) return undefined;
  if (!decoded(file, expected).bytes.equals(a) || !decoded(file, actual).bytes.equals(b)) return undefined;
  return `the compressed copy of ${original}, which differs as shown there`;
}

/** One list of differences as a report: one block per file, at most `max` blocks. */
export function formatDifferences(differences: TreeDifference[], max = 40): string {
  const shown = differences.slice(0, max).map(({ file, detail }) => `${file}: ${detail}`);
  if (differences.length > max) shown.push(`… and ${differences.length - max} more files`);
  return `${differences.length} files differ:\n${shown.join('\n')}`;
}

/** What a file holds once its compression is undone: `.br` (Brotli) and gzip streams (`.gz`, Pagefind's files). */
function decoded(file: string, bytes: Buffer): { bytes: Buffer; how?: string } {
  try {
    if (file.endsWith('.br')) return { bytes: brotliDecompressSync(bytes), how: 'Brotli' };
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { bytes: gunzipSync(bytes), how: 'gzip' };
  } catch {
    // Not a whole stream: compare the bytes as they are.
  }
  return { bytes };
}

const looksLikeText = (bytes: Buffer) => !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

/** Where two versions of one file differ, and what each has there. */
function describeDifference(
  file: string,
  expected: Buffer,
  actual: Buffer,
  names: { expected: string; actual: string } = { expected: 'expected', actual: 'actual' },
): string {
  const a = decoded(file, expected);
  const b = decoded(file, actual);
  if (a.how && b.how && a.bytes.equals(b.bytes)) {
    return `the same content, ${a.how}-compressed into other bytes (${expected.length} vs ${actual.length} bytes)`;
  }
  const prefix = a.how ? `(${a.how}, compared decompressed) ` : '';
  if (looksLikeText(a.bytes) && looksLikeText(b.bytes))
    return prefix + textDifference(a.bytes.toString('utf8'), b.bytes.toString('utf8'), names);
  return prefix + byteDifference(a.bytes, b.bytes, names);
}

/** Characters of context shown before a change, the most of one side of a change shown, the most changes shown per file. */
const CONTEXT = 60;
const MAX_CHANGE = 300;
const MAX_HUNKS = 8;
/** Above this many tokens (pairs compared, after the common start and end), only the whole differing stretch is shown. */
const MAX_CELLS = 4_000_000;
/** Changes at most this many tokens and characters apart are shown as one. */
const MERGE_GAP = { tokens: 2, characters: 80 };

const clip = (s: string, max = MAX_CHANGE) =>
  s.length > max ? `${s.slice(0, max / 2)}[… ${s.length - max} characters …]${s.slice(-max / 2)}` : s;
const quote = (s: string) => (s === '' ? '(nothing)' : JSON.stringify(clip(s)));

/** Markup is cut before each tag (a page is often one long line), other text into lines. */
const tokens = (text: string) => (text.includes('<') ? text.split(/(?=<)/) : text.split(/(?<=\n)/));

/** A change: `expected[a0, a1)` became `actual[b0, b1)` (token indexes). */
interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The changes between two token lists (longest common subsequence), or undefined when they are too long for it. */
function hunks(a: string[], b: string[]): Hunk[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const n = a.length - start - end;
  const m = b.length - start - end;
  if (n * m > MAX_CELLS) return undefined;
  // lcs[i][j]: the longest common subsequence of a[start+i…] and b[start+j…] (their middles).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const found: Hunk[] = [];
  let open: Hunk | undefined;
  let i = 0;
  let j = 0;
  const close = () => {
    if (open) found.push({ ...open, a1: start + i, b1: start + j });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { a0: start + i, a1: 0, b0: start + j, b1: 0 };
    if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) j++;
    else i++;
  }
  close();
  // Changes a few characters apart read as one.
  const merged: Hunk[] = [];
  for (const h of found) {
    const last = merged.at(-1);
    const close = last && h.a0 - last.a1 <= MERGE_GAP.tokens && a.slice(last.a1, h.a0).join('').length <= MERGE_GAP.characters;
    if (close) Object.assign(last, { a1: h.a1, b1: h.b1 });
    else merged.push({ ...h });
  }
  return merged;
}

/**
 * Each change, with what comes just before it: the tokens one side has in place of the other's. Without a
 * usable token diff, the stretch from the first to the last differing character.
 */
function textDifference(expected: string, actual: string, names: { expected: string; actual: string }): string {
  const a = tokens(expected);
  const b = tokens(actual);
  const found = hunks(a, b);
  const head = `${expected.length} vs ${actual.length} characters`;
  if (!found) {
    let start = 0;
    while (start < expected.length && start < actual.length && expected[start] === actual[start]) start++;
    let end = 0;
    while (end < expected.length - start && end < actual.length - start && expected.at(-1 - end) === actual.at(-1 - end)) end++;
    return [
      `differs from character ${start} (${head}), after ${quote(expected.slice(Math.max(0, start - CONTEXT), start))}:`,
      `    ${names.expected}: ${quote(expected.slice(start, expected.length - end))}`,
      `    ${names.actual}: ${quote(actual.slice(start, actual.length - end))}`,
    ].join('\n');
  }
  const lines = [`${found.length} change${found.length === 1 ? '' : 's'} (${head}):`];
  for (const h of found.slice(0, MAX_HUNKS)) {
    const [x, y] = [a.slice(h.a0, h.a1).join(''), b.slice(h.b0, h.b1).join('')];
    // One token for another (a tag, a line, a feed's escaped content): only the characters that differ.
    let p = 0;
    let q = 0;
    if (h.a1 - h.a0 === 1 && h.b1 - h.b0 === 1) {
      while (p < x.length && p < y.length && x[p] === y[p]) p++;
      while (q < x.length - p && q < y.length - p && x.at(-1 - q) === y.at(-1 - q)) q++;
    }
    const before = a.slice(0, h.a0).join('') + x.slice(0, p);
    const after = x.slice(x.length - q) + a.slice(h.a1).join('');
    const where = [
      before ? `after ${quote(before.slice(-CONTEXT))}` : 'at the start',
      after ? `before ${quote(after.slice(0, CONTEXT / 2))}` : 'at the end',
    ];
    lines.push(
      `  at line ${before.split('\n').length}, ${where.join(', ')}:`,
      `    ${names.expected}: ${quote(x.slice(p, x.length - q))}`,
      `    ${names.actual}: ${quote(y.slice(p, y.length - q))}`,
    );
  }
  if (found.length > MAX_HUNKS) lines.push(`  … and ${found.length - MAX_HUNKS} more changes`);
  return lines.join('\n');
}

const hex = (bytes: Buffer) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** The first differing byte of two binary files, with the bytes around it. */
function byteDifference(expected: Buffer, actual: Buffer, names: { expected: string; actual: string }): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const around = (bytes: Buffer) => hex(bytes.subarray(Math.max(0, at - 8), at + 16));
  return [
    `binary, first differs at byte ${at} (${expected.length} vs ${actual.length} bytes):`,
    `    ${names.expected}: ${around(expected)}`,
    `    ${names.actual}: ${around(actual)}`,
  ].join('\n');
}
