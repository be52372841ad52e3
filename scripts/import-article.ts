// Turns plain-text wire copy into an article entry, word for word (the parsing rules are in
// src/authoring/wire-copy.ts): caption + credit, summary lines, body paragraphs. Prints what it detected.
// Refuses to overwrite an existing entry. The entry is a draft until an editor removes `draft: true`.
//
// Lead photo: --image <file> --alt "…" copies your photo beside the entry; without --image the
// project's stand-in illustration is written, with alt text saying it is a stand-in.
// Headline: --headline "…"; without it the first summary line stands in as a provisional headline.
//
// Usage: npm run import -- path/to/article.txt [--headline "…"] [--slug …] [--image photo.jpg --alt "…"]
//                                              [--summary N] [--dir content/articles]
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugify } from '../src/lib/slug.ts';
import { entryMarkdown } from '../src/authoring/entry-writer.ts';
import { parseWireCopy } from '../src/authoring/wire-copy.ts';
import { STANDIN_ALT } from '../src/authoring/standin.ts';
import { entriesDir, writeStandin } from './lib/entry-files.ts';

const USAGE =
  'usage: npm run import -- path/to/article.txt [--headline "…"] [--slug …] [--image photo.jpg --alt "…"] [--summary N] [--dir content/articles]';
const HELP = `${USAGE}

Turns plain-text wire copy (caption ending in the credit, summary lines, body paragraphs) into a draft
entry, word for word. Without --image the project's stand-in photo is used; without --headline the
first summary line stands in for the headline. Never overwrites an existing entry.`;

try {
  const text = { type: 'string' } as const;
  const { positionals, values: options } = parseArgs({
    options: { headline: text, slug: text, image: text, alt: text, summary: text, dir: text, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (options.help) {
    console.log(HELP);
    process.exit(0);
  }
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new Error(USAGE);
  if (options.image && !options.alt) throw new Error('--image needs --alt "what the photo shows"');
  if (options.alt && !options.image) throw new Error('--alt describes the photo given with --image');
  const summaryCount = options.summary === undefined ? undefined : Number(options.summary);
  const copy = parseWireCopy(readFileSync(source, 'utf8'), { summaryCount });

  const title = options.headline?.trim() || copy.summary[0]!;
  const slug = options.slug ?? slugify(title);
  if (!slug) throw new Error('cannot make a slug: give one with --slug');
  const dir = entriesDir(options.dir);
  const entryDir = path.join(dir, slug);
  if (existsSync(entryDir))
    throw new Error(`${path.relative(process.cwd(), entryDir)} already exists: not overwriting it (choose another --slug)`);

  const imageName = options.image ? `lead${path.extname(options.image).toLowerCase()}` : 'lead.jpg';
  mkdirSync(entryDir, { recursive: true });
  try {
    if (options.image) copyFileSync(options.image, path.join(entryDir, imageName));
    else writeStandin(path.join(entryDir, imageName));
    const markdown = entryMarkdown(
      {
        title,
        summary: copy.summary,
        image: { src: `./${imageName}`, alt: options.alt ?? STANDIN_ALT, caption: copy.caption, credit: copy.credit },
        draft: true,
      },
      copy.body,
    );
    writeFileSync(path.join(entryDir, 'index.md'), markdown, { flag: 'wx' });
  } catch (error) {
    rmSync(entryDir, { recursive: true, force: true });
    throw error;
  }

  const file = path.relative(process.cwd(), path.join(entryDir, 'index.md'));
  console.log(`created ${file}`);
  console.log(`  headline: ${title}${options.headline ? '' : '  (provisional: the first summary line; pass --headline)'}`);
  console.log(`  caption:  ${copy.caption}`);
  console.log(`  credit:   ${copy.credit ?? '(none detected: no "Name/Agency" after the caption\'s last sentence)'}`);
  console.log(
    `  summary:  ${copy.summary.length} lines${summaryCount === undefined ? ' (one-sentence lines after the caption)' : ' (--summary)'}`,
  );
  copy.summary.forEach((s, i) => console.log(`    ${i + 1}. ${s}`));
  console.log(`  body:     ${copy.body.length} paragraphs`);
  console.log(
    `  photo:    ${options.image ? `${options.image} → ${imageName}` : "the project's stand-in illustration (pass --image and --alt for the real one)"}`,
  );
  console.log('it is a draft: check it in `npm run dev`, then delete the line "draft: true" to publish.');
} catch (error) {
  console.error(`import: ${(error as Error).message}`);
  process.exit(1);
}
