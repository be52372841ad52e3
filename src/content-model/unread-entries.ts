/**
 * Files and folders under the articles folder that look like entries but would not be published.
 *
 * An article is `<articles folder>/<slug>/index.md`, exactly: the glob loader reads `**\/*.md`, case
 * sensitively, and only `<slug>/index.md` makes an article. Anything else an editor may have meant as an
 * article was skipped without a word: `index.MD`, `index.markdown`, `index.mdx`, `Index.md`,
 * `article.md`, a stray `notes.md` at the top of the articles folder, a folder with the photos but no
 * index.md. Each is reported here, named, with what to rename or move it to. Names starting with a dot
 * (`.DS_Store`, `.git`) are not looked at; a file beside an index.md that is not markdown (the wire copy
 * as `source.txt`, the photos) is the article's own business.
 *
 * Pure: given the folder's listing (paths relative to it, `/`-separated, folders and files).
 */
import type { EntryProblem } from './entry-checks.ts';
import { slugify } from '../lib/slug.ts';

/** Extensions of markdown files, in any case. */
const MARKDOWN = /\.(?:md|markdown|mdown|mkdn|mkd|mdwn|mdx)$/i;
/** Named like an entry, whatever the extension: `index.txt`, `Index.MD`, `index.md.txt`. */
const INDEX = /^index\./i;

const NOT_PUBLISHED = "is not an article's index.md, so it is not published";
const SHOWN = 3;

/** Every file or folder under the articles folder that looks like an entry but is not one. */
export function unreadEntryProblems(dir: string, names: readonly string[]): EntryProblem[] {
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  const listed = names.map((n) => n.replace(/\/+$/, '')).filter((n) => n !== '' && !n.split('/').some((part) => part.startsWith('.')));
  const folders = new Set<string>();
  for (const name of listed) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const files = listed.filter((n) => !folders.has(n));
  const hasIndex = new Set(files.filter((f) => /^[^/]+\/index\.md$/.test(f)).map((f) => f.split('/')[0]!));

  const problems: EntryProblem[] = [];
  const problem = (name: string, field: string, text: string) =>
    problems.push({ file: `${prefix}${name}`, field, problem: text, level: 'error' });
  const explained = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const base = parts.at(-1)!;
    const markdown = MARKDOWN.test(base);
    if (parts.length === 1) {
      if (!markdown && !INDEX.test(base)) continue;
      const slug = slugify(base.replace(/\.[^.]*$/, '')) || '<slug>';
      problem(file, 'file', `${NOT_PUBLISHED}; move it to ${slug}/index.md`);
    } else if (parts.length === 2) {
      if (file.endsWith('/index.md')) continue;
      const folder = parts[0]!;
      if (hasIndex.has(folder)) {
        if (!markdown) continue;
        problem(file, 'file', `${NOT_PUBLISHED}; move its text into ${folder}/index.md, or move it out of the articles folder`);
      } else {
        if (!markdown && !INDEX.test(base)) continue;
        problem(file, 'file', `${NOT_PUBLISHED}; rename it to index.md`);
      }
      explained.add(folder);
    } else {
      // Deeper: a `.md` file is read, and refused with its slug (src/content-model/entry-checks.ts, slugOf).
      if (markdown) explained.add(parts[0]!);
      if (!markdown || base.endsWith('.md')) continue;
      problem(
        file,
        'file',
        `${NOT_PUBLISHED}; an article is a folder in the articles folder with an index.md: move it to ${parts.at(-2)}/index.md there`,
      );
    }
  }

  // A folder with files but no index.md (and no markdown file already explained above).
  const topFolders = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]!))];
  for (const folder of topFolders) {
    if (hasIndex.has(folder) || explained.has(folder)) continue;
    const inside = files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
    const more = inside.length > SHOWN ? ` and ${inside.length - SHOWN} more` : '';
    problem(
      `${folder}/`,
      'folder',
      `has no index.md, so nothing in it is published (it holds ${inside.slice(0, SHOWN).join(', ')}${more}); write the article in ${folder}/index.md, or move the folder out of the articles folder`,
    );
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file, 'en'));
}
