/** The HTML pages of a build, by file and by the URL path they are served at. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from './paths.ts';

export interface BuiltPage {
  /** Path of the file inside the build, e.g. "articles/x/index.html". */
  file: string;
  /** Absolute path of the file. */
  abs: string;
  /** Where a browser gets it: "/articles/x/" (404.html is served for a miss: "/no-such-page/"). */
  url: string;
}

export function builtPages(dir = SITE_DIR, base = '/'): BuiltPage[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({
      file,
      abs: path.join(dir, file),
      url: file === '404.html' ? `${base}no-such-page/` : base + file.replace(/(^|\/)index\.html$/, '$1'),
    }));
}
