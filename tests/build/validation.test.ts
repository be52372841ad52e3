/**
 * A build of broken entries (tests/fixtures/articles-invalid, one mistake per entry) fails, and
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
  `${DIR}/missing-fields/index.md: titel: unknown field (a typo?); see the field table in README.md`,
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
];

describe('a build of invalid entries', () => {
  it('fails, and writes no pages', () => {
    expect(build.status).not.toBe(0);
    const built = (() => {
      try {
        return readdirSync(fixtureSiteDir('invalid'), { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
      } catch {
        return [];
      }
    })();
    expect(built).toEqual([]);
  });

  it('names file, field and problem for every mistake, each on a line of its own', () => {
    const lines = build.output.split('\n').map((l) => l.trim());
    for (const expected of EXPECTED) {
      expect(lines.some((l) => l.startsWith(expected)), `missing line: ${expected}\n--- output ---\n${build.output}`).toBe(true);
    }
  });

  it('counts them: one error line per mistake, and every fixture entry is named', () => {
    expect(build.output).toContain(`${EXPECTED.length} problems in the articles:`);
    const entries = readdirSync(path.join(ROOT, DIR));
    for (const entry of entries) expect(build.output).toContain(`${DIR}/${entry}/index.md: `);
  });
});
