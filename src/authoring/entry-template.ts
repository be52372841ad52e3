/**
 * The entry `npm run new` writes (scripts/new-article.ts): every field of the field table, the
 * optional ones commented out, each with a one-line hint, and placeholder text where the editor
 * must write. A production build refuses a non-draft entry that still holds any of the
 * placeholders (src/content-model/entry-checks.ts), so an unedited template cannot be published.
 */
import { SUMMARY_ITEMS } from '../content-model/article-schema.ts';
import { yamlString } from '../lib/yaml.ts';

/** Placeholder text of the template, by what it stands for. Old templates used the same summary and body text. */
export const PLACEHOLDERS = {
  standfirst: 'Replace this with one sentence under the headline.',
  summary: 'Replace this with the first key point.',
  caption: 'Replace this with the caption of the photo.',
  credit: 'Replace this with Photographer/Agency.',
  byline: 'Replace this with the reporter’s name.',
  section: 'Replace this with the section, e.g. Politics.',
  tag: 'Replace this with a topic.',
  body: 'Write the article here, one paragraph per block, with a blank line between paragraphs.',
} as const;

/** Every placeholder text, for the check. */
export const PLACEHOLDER_TEXTS: readonly string[] = Object.values(PLACEHOLDERS);

/** `2026-11-28T20:46:00Z`: the given time in UTC, to the minute. */
function minuteStamp(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00Z`;
}

export interface TemplateFields {
  title: string;
  /** The lead photo beside the entry, e.g. `./lead.jpg`. */
  imageSrc: string;
  imageAlt: string;
  /** When the article is (to be) published; written to the minute, in UTC. */
  published: Date;
}

/** The markdown of a new draft entry. */
export function templateMarkdown({ title, imageSrc, imageAlt, published }: TemplateFields): string {
  const stamp = minuteStamp(published);
  return `---
title: ${yamlString(title)}
# standfirst: ${yamlString(PLACEHOLDERS.standfirst)}  # optional: the dek under the headline, also the page description
summary:  # ${SUMMARY_ITEMS.min} to ${SUMMARY_ITEMS.max} key points, one line each
  - ${yamlString(PLACEHOLDERS.summary)}
image:
  src: ${imageSrc}  # the lead photo, beside this file: a stand-in until you put the real one here
  alt: ${yamlString(imageAlt)}  # what the photo shows, for people who cannot see it
  # caption: ${yamlString(PLACEHOLDERS.caption)}  # optional: shown under the photo as written
  # credit: ${yamlString(PLACEHOLDERS.credit)}  # optional: shown after the caption
# byline:  # optional: the authors, one "- name:" line each (url: optional)
#   - name: ${yamlString(PLACEHOLDERS.byline)}
published: ${stamp}  # first publication, UTC: set it to when it goes out; a future time schedules it
# updated: ${stamp}  # optional: the last substantive update
# section: ${yamlString(PLACEHOLDERS.section)}  # optional: one section name
# tags:  # optional: topics, one "- " line each
#   - ${yamlString(PLACEHOLDERS.tag)}
draft: true  # delete this line to publish
---
${PLACEHOLDERS.body}
`;
}
