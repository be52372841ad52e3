// Scaffolds a new article entry: content/articles/<slug>/index.md with every field of the field
// table (the optional ones commented out, each with a hint; src/authoring/entry-template.ts), `published`
// set to now, and the project's stand-in lead photo, as a draft (it shows in `npm run dev`, not in
// production builds). A production build refuses a non-draft entry that still has the template's
// placeholder text or the stand-in photo.
//
// Usage: npm run new -- "Headline" [--slug my-slug] [--dir content/articles]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugify, uniqueSlug } from '../src/lib/slug.ts';
import { templateMarkdown } from '../src/authoring/entry-template.ts';
import { STANDIN_ALT } from '../src/authoring/standin.ts';
import { entriesDir, takenSlugs, writeStandin } from './lib/entry-files.ts';

const USAGE = 'usage: npm run new -- "Headline" [--slug my-slug] [--dir content/articles]';

try {
  const { positionals, values: options } = parseArgs({
    options: { slug: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (options.help) {
    console.log(
      `${USAGE}\n\nScaffolds a draft entry with a unique slug, every field (optional ones commented out), published set to now, and the project's stand-in photo.`,
    );
    process.exit(0);
  }
  const headline = positionals.join(' ').trim();
  if (!headline) throw new Error(USAGE);
  const dir = entriesDir(options.dir);
  const base = options.slug ?? slugify(headline);
  if (!base) throw new Error(`cannot make a slug from "${headline}": give one with --slug`);
  const slug = uniqueSlug(base, takenSlugs(dir));
  const entryDir = path.join(dir, slug);
  mkdirSync(entryDir, { recursive: true });
  writeStandin(path.join(entryDir, 'lead.jpg'));
  const markdown = templateMarkdown({ title: headline, imageSrc: './lead.jpg', imageAlt: STANDIN_ALT, published: new Date() });
  writeFileSync(path.join(entryDir, 'index.md'), markdown, { flag: 'wx' });
  console.log(
    `created ${path.relative(process.cwd(), path.join(entryDir, 'index.md'))} (slug "${slug}"${slug !== base ? `; "${base}" was taken` : ''})`,
  );
  console.log(
    'it is a draft: write the key points and the body, put the real photo in place of the stand-in (lead.jpg), fill in or delete the commented fields, set "published", then delete the line "draft: true" to publish.',
  );
} catch (error) {
  console.error(`new: ${(error as Error).message}`);
  process.exit(1);
}
