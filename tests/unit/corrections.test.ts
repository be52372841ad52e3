/** Corrections and updates: the schema field, "last modified", the notices, structured data, feed content, build time. */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { articleSchema } from '../../src/content-model/article-schema.ts';
import { isRecentlyRevised, lastModified, lastRevised } from '../../src/content-model/articles.ts';
import { correctionNotices, correctionsHeading, latestCorrection, oldestFirst } from '../../src/publishing/corrections.ts';
import { newsArticle } from '../../src/publishing/structured-data.ts';
import { feedContentHtml } from '../../src/publishing/feed-content.ts';
import { parseBuildTime } from '../../src/content-model/build-time.ts';
import { schemaDigest } from '../../src/content-model/articles-loader.ts';

const d = (iso: string) => new Date(iso);
const schema = articleSchema(z.string());
const valid = { title: 'Budget vote delayed', summary: ['One point.'], image: { src: './photo.jpg', alt: 'A chamber.' } };
const issues = (data: unknown) => {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the corrections field', () => {
  it('is optional (an empty list) and takes dated notices', () => {
    expect(schema.parse(valid).corrections).toEqual([]);
    const data = schema.parse({ ...valid, corrections: [{ date: '2026-11-28T16:30:00Z', text: ' Wrong day. ' }] });
    expect(data.corrections).toEqual([{ date: d('2026-11-28T16:30:00Z'), text: 'Wrong day.' }]);
  });
  it('needs a date and a text in each item, and nothing else', () => {
    expect(issues({ ...valid, corrections: [{ text: 'x' }] })).toEqual([
      'corrections.0.date: expected a date such as 2022-08-20T09:00:00-04:00, got undefined',
    ]);
    expect(issues({ ...valid, corrections: [{ date: 'last Tuesday', text: 'x' }] })[0]).toMatch(/^corrections\.0\.date: .*expected a date/);
    expect(issues({ ...valid, corrections: [{ date: '2026-11-28', text: '  ' }] })).toEqual(['corrections.0.text: must not be empty']);
    const unknown = schema.safeParse({ ...valid, corrections: [{ date: '2026-11-28', text: 'x', txt: 'y' }] }).error?.issues;
    expect(unknown).toMatchObject([{ code: 'unrecognized_keys', keys: ['txt'], path: ['corrections', 0] }]);
  });
  it('says what shape it wants', () => {
    expect(issues({ ...valid, corrections: 'Wrong day.' })[0]).toMatch(
      /^corrections: expected a list of items, each with a date and a text/,
    );
    expect(issues({ ...valid, corrections: ['Wrong day.'] })[0]).toMatch(/^corrections\.0: expected each item to have a date and a text/);
  });
});

describe('last modified', () => {
  const published = d('2026-11-20T07:00:00Z');
  const updated = d('2026-11-27T08:00:00Z');
  const corrections = [{ date: d('2026-11-28T16:30:00Z') }, { date: d('2026-11-21T12:00:00Z') }];
  it('is the latest of updated, corrections and published', () => {
    expect(lastModified({ published, updated, corrections })).toEqual(d('2026-11-28T16:30:00Z'));
    expect(lastModified({ published, updated })).toEqual(updated);
    expect(lastModified({ published, corrections: [corrections[1]!] })).toEqual(d('2026-11-21T12:00:00Z'));
    expect(lastModified({ published })).toEqual(published);
    expect(lastModified({ updated })).toEqual(updated);
    expect(lastModified({})).toBeUndefined();
  });
  it('never goes before publication', () => {
    expect(lastModified({ published, updated: d('2026-01-01T00:00:00Z') })).toEqual(published);
  });
  it('lastRevised: only updates and corrections count', () => {
    expect(lastRevised({ published, updated, corrections })).toEqual(d('2026-11-28T16:30:00Z'));
    expect(lastRevised({ published })).toBeUndefined();
  });
  it('is "recent" for 48 hours after an update or correction, not before it, not for a new article', () => {
    const now = d('2026-11-29T12:00:00Z');
    expect(isRecentlyRevised({ published, corrections }, now)).toBe(true); // 19.5 h
    expect(isRecentlyRevised({ published, updated: d('2026-11-27T12:00:00Z') }, now)).toBe(true); // exactly 48 h
    expect(isRecentlyRevised({ published, updated: d('2026-11-27T11:59:59Z') }, now)).toBe(false);
    expect(isRecentlyRevised({ published, updated: d('2026-11-30T00:00:00Z') }, now)).toBe(false); // after the build
    expect(isRecentlyRevised({ published: d('2026-11-29T08:00:00Z') }, now)).toBe(false);
  });
});

describe('correction notices', () => {
  const list = [
    { date: d('2026-11-28T16:30:00Z'), text: 'Second.' },
    { date: d('2026-11-21T12:00:00Z'), text: 'First.' },
  ];
  it('are labelled "Correction, <date>", oldest first, in the site’s locale and time zone', () => {
    expect(correctionNotices(list, 'en-GB', 'UTC')).toEqual([
      { label: 'Correction, 21 November 2026', date: d('2026-11-21T12:00:00.000Z'), text: 'First.' },
      { label: 'Correction, 28 November 2026', date: d('2026-11-28T16:30:00.000Z'), text: 'Second.' },
    ]);
    expect(correctionNotices([{ date: d('2026-11-28T23:30:00Z'), text: 'x' }], 'en-GB', 'Asia/Tokyo')[0]!.label).toBe(
      'Correction, 29 November 2026',
    );
  });
  it('sort without touching the entry, and know the latest', () => {
    expect(oldestFirst(list).map((c) => c.text)).toEqual(['First.', 'Second.']);
    expect(list[0]!.text).toBe('Second.');
    expect(latestCorrection(list)).toEqual(d('2026-11-28T16:30:00Z'));
    expect(latestCorrection([])).toBeUndefined();
  });
  it('have a singular or plural heading', () => {
    expect([correctionsHeading(1), correctionsHeading(2)]).toEqual(['Correction', 'Corrections']);
  });
});

describe('structured data for a corrected article', () => {
  const base = {
    url: 'https://n.example/articles/a/',
    headline: 'Headline',
    description: 'Description.',
    images: [],
    authors: [],
    tags: [],
    publisher: { name: 'The Reader', url: 'https://n.example/', logo: { url: 'https://n.example/icon-512.png', width: 512, height: 512 } },
    published: d('2026-11-20T07:00:00Z'),
    updated: d('2026-11-27T08:00:00Z'),
  };
  it('lists each correction as a CorrectionComment, oldest first, and dates the change by the latest', () => {
    const ld = newsArticle({
      ...base,
      corrections: [
        { date: d('2026-11-28T16:30:00Z'), text: 'Second.' },
        { date: d('2026-11-21T12:00:00Z'), text: 'First.' },
      ],
    });
    expect(ld.dateModified).toBe('2026-11-28T16:30:00.000Z');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'First.', datePublished: '2026-11-21T12:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'Second.', datePublished: '2026-11-28T16:30:00.000Z' },
    ]);
  });
  it('has no correction property without corrections', () => {
    const ld = newsArticle({ ...base, corrections: [] });
    expect(ld).not.toHaveProperty('correction');
    expect(ld.dateModified).toBe('2026-11-27T08:00:00.000Z');
  });
});

describe('feed content of a corrected article', () => {
  const input = {
    pageUrl: 'https://n.example/articles/a/',
    image: { url: 'https://n.example/a.jpg', alt: 'Alt', width: 1200, height: 800 },
    summary: ['Point.'],
    bodyHtml: '<p id="p1">Body.</p>',
  };
  it('ends with the notices, as text', () => {
    const html = feedContentHtml({
      ...input,
      corrections: {
        heading: 'Correction',
        notices: correctionNotices([{ date: d('2026-11-28T16:30:00Z'), text: 'It was <b>Friday</b>.' }], 'en-GB', 'UTC'),
      },
    });
    const tree = fromHtml(html, { fragment: true });
    expect(selectAll('h2, ul, p', tree).map((n) => toString(n))).toEqual([
      'Key points',
      'Point.',
      'Body.',
      'Correction',
      'Correction, 28 November 2026: It was <b>Friday</b>.',
    ]);
  });
  it('adds nothing without corrections', () => {
    expect(feedContentHtml({ ...input, corrections: { heading: 'Corrections', notices: [] } })).toBe(feedContentHtml(input));
  });
});

describe('BUILD_TIME', () => {
  const clock = () => d('2026-01-01T00:00:00Z');
  it('is the clock unless set', () => {
    expect(parseBuildTime(undefined, clock)).toEqual(clock());
    expect(parseBuildTime(' ', clock)).toEqual(clock());
    expect(parseBuildTime('2026-11-29T12:00:00Z', clock)).toEqual(d('2026-11-29T12:00:00Z'));
    expect(parseBuildTime('2026-11-29T12:00Z', clock)).toEqual(d('2026-11-29T12:00:00Z'));
  });
  it.each(['yesterday', '2026-11-29', '2026-11-29T12:00:00+01:00', '2026-02-30T10:00:00Z', '2026-11-29T25:00:00Z'])(
    'rejects "%s", saying what it expects',
    (value) => {
      expect(() => parseBuildTime(value, clock)).toThrow(
        `BUILD_TIME: expected a UTC date-time such as 2026-11-28T12:00:00Z, got "${value}"`,
      );
    },
  );
});

describe('schemaDigest (when the cached content store must be rebuilt)', () => {
  it('changes when the schema gains a field or a default, and only then', () => {
    const a = z.strictObject({ title: z.string(), tags: z.array(z.string()).default([]) });
    expect(schemaDigest(a)).toBe(schemaDigest(z.strictObject({ title: z.string(), tags: z.array(z.string()).default([]) })));
    expect(schemaDigest(a)).not.toBe(schemaDigest(a.extend({ corrections: z.array(z.string()).default([]) })));
    expect(schemaDigest(a)).not.toBe(schemaDigest(z.strictObject({ title: z.string(), tags: z.array(z.string()).default(['x']) })));
  });
  it('covers the article schema (dates included)', () => {
    expect(schemaDigest(schema)).toMatch(/^[0-9a-f]{64}$/);
  });
});
