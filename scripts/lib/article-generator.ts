/**
 * Generated articles for tests and benchmarks: N entries with their own headlines, key points, bodies, sections and
 * dates, deterministic for a given seed. The words come from a made-up vocabulary of a few thousand words drawn
 * with Zipf's law (a few common words, many rare ones), as in real prose, so search indexes and feeds weigh what
 * they would weigh for real copy. Used by the test suite's "generated" fixture set (tests/support/generated-fixture.ts)
 * and by scripts/search-bench.mjs.
 */
import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export interface GeneratorOptions {
  count: number;
  /** Publication dates count back from here (ISO), one article every `spacingHours`. */
  newest: string;
  spacingHours?: number;
  /** Words in a short article's body; long reads (every 4th article) have `longWords`. */
  shortWords?: number;
  longWords?: number;
  seed?: number;
}

export interface GeneratedArticle {
  slug: string;
  title: string;
  section?: string | undefined;
  published: Date;
  summary: string[];
  paragraphs: string[];
  long: boolean;
}

/** Sections of the short articles, in turn; every 4th article is a long read; every 25th has no section. */
export const GENERATED_SECTIONS = ['Politics', 'Business', 'Sport'] as const;
export const LONG_READS = 'Long Reads';

/** A small, fast pseudo-random generator (mulberry32): the same seed gives the same articles. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rk', 'm'];

/** `size` distinct made-up words, deterministic. */
function vocabulary(size: number, rand: () => number): string[] {
  const words = new Set<string>();
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  while (words.size < size) {
    const syllables = 1 + Math.floor(rand() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    words.add(word);
  }
  return [...words];
}

/** Draws word ranks with Zipf's law (exponent 1): rank r with probability ∝ 1/r. */
function zipf(size: number, rand: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= size; r++) cumulative.push((total += 1 / r));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function generateArticles(options: GeneratorOptions): GeneratedArticle[] {
  const { count, spacingHours = 3, shortWords = 250, longWords = 2_500, seed = 1 } = options;
  const rand = random(seed);
  const words = vocabulary(6_000, rand);
  const rank = zipf(words.length, rand);
  const word = () => words[rank()]!;
  const sentence = (n: number) => capitalise(Array.from({ length: n }, word).join(' ')) + '.';
  const paragraph = (n: number) => {
    const sentences: string[] = [];
    for (let left = n; left > 0;) {
      const len = Math.min(left, 8 + Math.floor(rand() * 14));
      sentences.push(sentence(len));
      left -= len;
    }
    return sentences.join(' ');
  };
  const newest = new Date(options.newest).getTime();
  return Array.from({ length: count }, (_, i) => {
    const long = i % 4 === 3;
    const section = long ? LONG_READS : i % 25 === 0 ? undefined : GENERATED_SECTIONS[i % GENERATED_SECTIONS.length];
    // Headlines of rarer words, so each article has words of its own.
    const headWords = Array.from({ length: 5 + Math.floor(rand() * 4) }, () => words[100 + Math.floor(rand() * (words.length - 100))]!);
    const title = `${capitalise(headWords.join(' '))} ${i + 1}`;
    const total = long ? longWords : shortWords;
    const paragraphs: string[] = [];
    for (let left = total; left > 0; left -= 60) paragraphs.push(paragraph(Math.min(60, left)));
    return {
      slug: `generated-${String(i + 1).padStart(5, '0')}`,
      title,
      section,
      published: new Date(newest - i * spacingHours * 3_600_000),
      summary: [sentence(10), sentence(12), sentence(9)],
      paragraphs,
      long,
    };
  });
}

const yamlString = (s: string) => JSON.stringify(s);

/** The entry's index.md. */
function entryMarkdown(article: GeneratedArticle): string {
  return [
    '---',
    `title: ${yamlString(article.title)}`,
    `standfirst: ${yamlString(`A generated ${article.long ? 'long read' : 'article'} for tests and benchmarks.`)}`,
    'summary:',
    ...article.summary.map((s) => `  - ${yamlString(s)}`),
    'image:',
    '  src: ./photo.jpg',
    '  alt: "A plain grey rectangle standing in for a photo."',
    `published: ${article.published.toISOString()}`,
    ...(article.section ? [`section: ${yamlString(article.section)}`] : []),
    '---',
    ...article.paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
}

/**
 * Write the articles as entries under `dir` (emptied first), each with the same small photo (hard-linked), plus a
 * draft and a scheduled article that no feed, sitemap or search may show.
 */
export async function writeArticles(dir: string, articles: readonly GeneratedArticle[], now: Date): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const photo = path.join(dir, '.photo.jpg');
  await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 128, g: 132, b: 138 } } })
    .jpeg({ quality: 70 })
    .toFile(photo);
  const write = (slug: string, markdown: string) => {
    mkdirSync(path.join(dir, slug));
    writeFileSync(path.join(dir, slug, 'index.md'), markdown);
    linkSync(photo, path.join(dir, slug, 'photo.jpg'));
  };
  for (const article of articles) write(article.slug, entryMarkdown(article));
  const [first] = articles;
  if (first) {
    write(
      'generated-draft',
      entryMarkdown({ ...first, slug: 'generated-draft', title: 'Generated draft' }).replace('\n---\n', '\ndraft: true\n---\n'),
    );
    const later = new Date(now.getTime() + 86_400_000);
    write(
      'generated-scheduled',
      entryMarkdown({ ...first, slug: 'generated-scheduled', title: 'Generated scheduled article', published: later }),
    );
  }
}
