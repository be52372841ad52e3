/** The one-line description of an article for search results, link previews and feeds. */

export interface Describable {
  standfirst?: string | undefined;
  summary: readonly string[];
}

/**
 * The standfirst when there is one; otherwise as many whole key points as fit in `max` characters
 * (at least the first). Sentences are never cut, so nothing is misquoted.
 */
export function describeArticle(data: Describable, max = 200): string {
  if (data.standfirst) return data.standfirst;
  const [first = '', ...rest] = data.summary;
  let description = first;
  for (const point of rest) {
    if (description.length + 1 + point.length > max) break;
    description += ` ${point}`;
  }
  return description;
}
