/**
 * A build of broken entries (tests/fixtures/sets/invalid, one mistake per entry) fails, and
 * its output names every file, field and problem in one run, one line each.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_SETS, fixtureBuild, fixtureSiteDir } from '../support/fixture-builds.ts';
import { ROOT } from '../support/paths.ts';

const DIR = FIXTURE_SETS.invalid;
const build = fixtureBuild('invalid');

/** Every line the build must print: `<file>: <field>: <problem>`. */
const EXPECTED = [
  `${DIR}/empty-summary/index.md: summary: expected 1 to 5 items, got 0`,
  `${DIR}/missing-fields/index.md: title: required, but missing`,
  `${DIR}/missing-fields/index.md: summary item 2: must not be empty`,
  `${DIR}/missing-fields/index.md: image.alt: must not be empty`,
  `${DIR}/missing-fields/index.md: titel: unknown field; did you mean \`title\`?`,
  `${DIR}/missing-image/index.md: image.src: file "./no-such-photo.jpg" not found beside the entry`,
  `${DIR}/unreadable-image/index.md: image.src: file "./lead.jpg" cannot be read as an image`,
  `${DIR}/empty-body/index.md: body: is empty`,
  `${DIR}/Bad_Slug/index.md: slug: expected <articles folder>/<slug>/index.md with <slug> in lowercase words and hyphens`,
  `${DIR}/bad-date/index.md: published: expected a date such as 2022-08-20T09:00:00-04:00`,
  `${DIR}/image-url/index.md: image.src: expected a file beside index.md (e.g. ./photo.jpg), got the URL "https://example.com/photo.jpg"`,
  `${DIR}/broken-yaml/index.md: frontmatter: cannot be read as YAML`,
  `${DIR}/remote-image/index.md: body: image "https://example.com/50%-off.jpg" is not a file of the article, and pages show images from this site only; download it into the entry's folder and use "./50-off.jpg"`,
  `${DIR}/remote-image/index.md: body: image "//cdn.example.com/photos/crowd.png" is not a file of the article`,
  `${DIR}/remote-image/index.md: body: image "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciI…" is not a file of the article, and pages show images from this site only; download it into the entry's folder and use "./image.svg"`,
  `${DIR}/remote-image/index.md: body: image "javascript:alert(1)" is not a file of the article`,
  `${DIR}/byline-url/index.md: byline item 1.url: expected an http(s) URL such as https://example.com/staff/jane, got "javascript:alert(document.cookie)"`,
  `${DIR}/byline-url/index.md: byline item 2.url: expected an http(s) URL such as https://example.com/staff/jane, got "data:text/html,<script>alert(1)</script>"`,
  `${DIR}/impossible-date/index.md: updated: "2026-02-30T10:00:00Z" is not a real date: February 2026 has 28 days`,
  `${DIR}/byline-as-text/index.md: byline: expected a list of authors, got the text "Alex Smith"; write it as:`,
  `${DIR}/body-image-no-alt/index.md: body: image "lead.jpg" has no alt text; write what the image shows, e.g. ![Councillors in the chamber](./photo.jpg)`,
  `${DIR}/redirect-to-live/index.md: redirectFrom: "empty-summary" is the slug of another article (${DIR}/empty-summary/index.md)`,
  // What `npm run new` writes, published unedited (its `draft: true` deleted): placeholders and the stand-in photo.
  `${DIR}/unedited-template/index.md: summary item 1: still has the template's placeholder "Replace this with the first key point."`,
  `${DIR}/unedited-template/index.md: body: still has the template's placeholder "Write the article here`,
  `${DIR}/unedited-template/index.md: image.src: "./lead.jpg" is the project's stand-in illustration`,
  // A body that renders to nothing, text with nothing visible in it.
  `${DIR}/renders-nothing/index.md: body: renders to nothing (only an HTML comment, a <script> element and a link definition); write the article below the frontmatter`,
  `${DIR}/invisible-title/index.md: title: has no visible characters (only U+200B zero-width space); write the text itself`,
  `${DIR}/invisible-title/index.md: image.alt: has no visible characters (only U+00AD soft hyphen, U+200D zero-width joiner); write the text itself`,
  // The limits on a body, and markup nested past what the checks can parse.
  `${DIR}/nested-too-deep/index.md: body: block quotes and lists are nested 5,000 levels deep at line 11; the limit is 32: flatten them`,
  `${DIR}/body-too-long/index.md: body: is 300 KB; the limit is 256 KB (about 40,000 words): split it into several articles`,
  `${DIR}/too-many-quotes/index.md: body: has 1,101 block quotes and lists; the limit is 1,000: merge them (one list may have any number of items) or split the article`,
  `${DIR}/nested-html-too-deep/index.md: body: cannot be rendered: the text is nested too deeply (the renderer ran out of stack)`,
  // Files and folders that look like entries but would not be read.
  `${DIR}/upper-case-extension/index.MD: file: is not an article's index.md, so it is not published; rename it to index.md`,
  `${DIR}/markdown-extension/index.markdown: file: is not an article's index.md, so it is not published; rename it to index.md`,
  `${DIR}/Loose Notes.md: file: is not an article's index.md, so it is not published; move it to loose-notes/index.md`,
  `${DIR}/photos-without-entry/: folder: has no index.md, so nothing in it is published (it holds lead.jpg, second.jpg); write the article in photos-without-entry/index.md, or move the folder out of the articles folder`,
  // Files that are not UTF-8.
  `${DIR}/not-utf8/index.md: body: not valid UTF-8 at line 6 (byte E9 after "A caf"); save the file as UTF-8`,
  `${DIR}/utf16-file/index.md: file: is saved as UTF-16, which the build cannot read; save the file as UTF-8`,
];

describe('a build of invalid entries', () => {
  it('fails, and writes no pages', () => {
    expect(build.status).not.toBe(0);
    const built = (() => {
      try {
        return readdirSync(fixtureSiteDir('invalid'), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.html'));
      } catch {
        return [];
      }
    })();
    expect(built).toEqual([]);
  });

  it('names file, field and problem for every mistake, each on a line of its own', () => {
    const lines = build.output.split('\n').map((l) => l.trim());
    for (const expected of EXPECTED) {
      expect(
        lines.some((l) => l.startsWith(expected)),
        `missing line: ${expected}\n--- output ---\n${build.output}`,
      ).toBe(true);
    }
  });

  it('shows the right shape under a field written in the wrong one', () => {
    const lines = build.output.split('\n');
    const at = lines.findIndex((l) => l.includes(`${DIR}/byline-as-text/index.md: byline:`));
    expect(lines.slice(at + 1, at + 3)).toEqual(['    byline:', '      - name: "Alex Smith"']);
  });

  it('prints the problems without an empty "Stack trace:" after them', () => {
    expect(build.output).toContain('problems in the articles:');
    expect(build.output).not.toMatch(/Stack trace:/);
  });

  it('counts them: one error line per mistake, and every fixture entry is named', () => {
    expect(build.output).toContain(`${EXPECTED.length} problems in the articles:`);
    // Each by its index.md, or (an entry that would not be read) by the file or folder itself.
    const entries = readdirSync(path.join(ROOT, DIR));
    const named = (entry: string) => new RegExp(`^\\s*${`${DIR}/${entry}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^:\n]*)?: `, 'm');
    for (const entry of entries) expect(build.output).toMatch(named(entry));
  });
});
