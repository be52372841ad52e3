/**
 * Redirects from old slugs: which old slug goes to which article, with collisions reported, and the
 * host rules made from them (Netlify / Cloudflare Pages `_redirects`, an nginx include).
 */
import { articlePath } from '../lib/urls.ts';

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

/** One permanent redirect: a site path (with the base) → the article's path. */
export interface RedirectRule {
  from: string;
  to: string;
}

/**
 * The host rules for every old slug: the old URL (`/<base>/articles/<old>/`) and the same without its
 * trailing slash, each to the article's one URL. Sorted by `from`, so the files change only when a rule does.
 */
export function redirectRules(articles: readonly Redirectable[], base: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const [old, article] of redirectMap(articles)) {
    const from = articlePath(old, base);
    const to = articlePath(article.id, base);
    rules.push({ from, to }, { from: from.slice(0, -1), to });
  }
  return rules.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

const GENERATED = '# Written by the build from each article\u2019s redirectFrom (src/publishing/redirects.ts). Do not edit in dist/.';

/**
 * `_redirects` for Netlify and Cloudflare Pages: `/old/ /new/ 301`, one rule a line, then the site's own
 * rules (public/_redirects), unchanged. Ours come first: they are exact paths, and Cloudflare counts every
 * rule after the first wildcard one against its much smaller limit for dynamic rules.
 *
 * `force` writes `301!`: Netlify serves an existing file (our redirect page) rather than apply an unforced
 * rule, while Cloudflare Pages always applies rules first and rejects the `!`. So: force on Netlify only.
 */
export function netlifyRedirects(rules: readonly RedirectRule[], options: { force?: boolean; own?: string } = {}): string {
  const status = options.force ? '301!' : '301';
  const lines = [GENERATED, ...rules.map((r) => `${r.from} ${r.to} ${status}`)];
  const own = options.own?.trim();
  if (own) lines.push('', '# From public/_redirects:', own);
  return `${lines.join('\n')}\n`;
}

/**
 * The nginx include (server context) that deploy/nginx.conf loads: one exact-match location per old URL,
 * answering 301 with the new path (relative, as the recipe's `absolute_redirect off`), query string kept.
 */
export function nginxRedirects(rules: readonly RedirectRule[]): string {
  const lines = [GENERATED, ...rules.map((r) => `location = ${r.from} { return 301 ${r.to}$is_args$args; }`)];
  return `${lines.join('\n')}\n`;
}
