/**
 * YAML as the project writes it for editors (new entries, imported wire copy, the examples in validation
 * messages), by js-yaml: the same library reads it back (src/content-model/articles-loader.ts).
 */
import { dump } from 'js-yaml';

/** Text fields in double quotes, as the README's examples write them; never folded onto several lines. */
const OPTIONS = { quoteStyle: 'double', forceQuotes: true, lineWidth: -1 } as const;

/** A YAML document (a mapping of fields) ending in a newline. */
export function yamlDocument(fields: Record<string, unknown>): string {
  return dump(fields, OPTIONS);
}

/** One text as a YAML scalar: `"Budget vote delayed"`. */
export function yamlString(text: string): string {
  return dump(text, OPTIONS).trimEnd();
}
