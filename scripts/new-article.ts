// Scaffolds a new article entry: content/articles/<slug>/index.md with a valid template and the
// project's stand-in lead photo, as a draft (it shows in `npm run dev`, not in production builds).
//
// Usage: npm run new -- "Headline" [--slug my-slug] [--dir content/articles]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slugify, uniqueSlug } from '../src/lib/slug.ts';
import { entryMarkdown } from '../src/lib/wire-copy.ts';
import { articlesDir, parseArgs, STANDIN_ALT, takenSlugs, writeStandin } from './entry-files.ts';

const USAGE = 'usage: npm run new -- "Headline" [--slug my-slug] [--dir content/articles]';
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`${USAGE}\n\nScaffolds a draft entry with a unique slug and the project's stand-in photo.`);
  process.exit(0);
}

try {
  const { positional, options } = parseArgs(process.argv.slice(2), ['slug', 'dir']);
  const headline = positional.join(' ').trim();
  if (!headline) throw new Error(USAGE);
  const dir = articlesDir(options.dir);
  const base = options.slug ?? slugify(headline);
  if (!base) throw new Error(`cannot make a slug from "${headline}": give one with --slug`);
  const slug = uniqueSlug(base, takenSlugs(dir));
  const entryDir = path.join(dir, slug);
  mkdirSync(entryDir, { recursive: true });
  writeStandin(path.join(entryDir, 'lead.jpg'));
  const markdown = entryMarkdown(
    {
      title: headline,
      summary: ['Replace this with the first key point.'],
      image: { src: './lead.jpg', alt: STANDIN_ALT },
      draft: true,
    },
    ['Write the article here, one paragraph per block, with a blank line between paragraphs.'],
  );
  writeFileSync(path.join(entryDir, 'index.md'), markdown, { flag: 'wx' });
  console.log(`created ${path.relative(process.cwd(), path.join(entryDir, 'index.md'))} (slug "${slug}"${slug !== base ? `; "${base}" was taken` : ''})`);
  console.log('it is a draft: replace the summary, body and stand-in photo, then delete the line "draft: true" to publish.');
} catch (error) {
  console.error(`new: ${(error as Error).message}`);
  process.exit(1);
}
