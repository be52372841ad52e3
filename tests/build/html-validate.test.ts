/**
 * Every built page of every site build (content/ and the newsroom fixture: tests/support/site-builds.ts) is
 * valid HTML by html-validate's recommended rules (.htmlvalidate.mjs): zero errors.
 */
import { describe, expect, it } from 'vitest';
import { HtmlValidate, formatterFactory } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { builtPages } from '../support/built-pages.ts';
import { siteBuilds } from '../support/site-builds.ts';

// The project's config, whatever directory the build went to (.htmlvalidate.mjs has root: true).
const validator = new HtmlValidate(config);

describe.each(siteBuilds().map((b) => [b.name, b] as const))('html-validate, %s', (_, build) => {
  const pages = builtPages(build.siteDir);

  it('finds the pages', () => {
    expect(pages.map((p) => p.file)).toEqual(expect.arrayContaining(['index.html', '404.html']));
  });

  it.each(pages.map((p) => [p.file, p] as const))('%s: no errors', async (_, page) => {
    const report = await validator.validateFile(page.abs);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2));
    expect(errors.length ? formatterFactory('text')(report.results) : '', page.file).toBe('');
  });
});
