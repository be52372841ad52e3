/** Redirects from old slugs: which old slug goes to which article, with collisions reported. */

export interface Redirectable {
  id: string;
  filePath?: string | undefined;
  data: { redirectFrom: readonly string[] };
}

/**
 * Map every old slug to the article it now belongs to. Throws, naming the entries, when an old slug
 * is a current article's slug or is claimed by two articles: either would make a link ambiguous.
 */
export function redirectMap<T extends Redirectable>(articles: readonly T[]): Map<string, T> {
  const current = new Map(articles.map((a) => [a.id, a]));
  const redirects = new Map<string, T>();
  for (const article of articles) {
    const where = article.filePath ?? article.id;
    for (const old of article.data.redirectFrom) {
      const live = current.get(old);
      if (live) throw new Error(`${where}: redirectFrom: "${old}" is the slug of a live article (${live.filePath ?? live.id})`);
      const other = redirects.get(old);
      if (other && other !== article) {
        throw new Error(`${where}: redirectFrom: "${old}" is already redirected to ${other.filePath ?? other.id}`);
      }
      redirects.set(old, article);
    }
  }
  return redirects;
}
