/**
 * The text of a new entry's `index.md` (`npm run import`): the frontmatter in the README's field order, written
 * by a YAML library (src/lib/yaml.ts), then the body paragraphs as markdown that renders as exactly their text
 * (src/authoring/wire-copy.ts, escapeMarkdown).
 */
import { yamlDocument } from '../lib/yaml.ts';
import { escapeMarkdown } from './wire-copy.ts';

export interface EntryFields {
  title: string;
  summary: string[];
  image: { src: string; alt: string; caption?: string | undefined; credit?: string | undefined };
  draft?: boolean;
}

export function entryMarkdown(fields: EntryFields, body: readonly string[]): string {
  const { src, alt, caption, credit } = fields.image;
  const frontmatter = yamlDocument({
    title: fields.title,
    summary: fields.summary,
    image: { src, alt, ...(caption !== undefined && { caption }), ...(credit !== undefined && { credit }) },
    ...(fields.draft && { draft: true }),
  });
  return `---\n${frontmatter}---\n${body.map(escapeMarkdown).join('\n\n')}\n`;
}
