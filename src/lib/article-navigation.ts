/**
 * An article page's links into the site: its section (as the section page spells it), its topics (one per
 * topic page), the articles published just before it in its section, and the header link it belongs to.
 * Looked up in the build's index (src/lib/site-index.ts), computed once per build.
 */
import type { Article } from '../content-model/collection.ts';
import type { NavCurrent, SiteIndex } from './site-index.ts';
import { nameSlug, sectionPath } from './listing-urls.ts';

export function articleNavigation(article: Article, index: Pick<SiteIndex, 'earlier' | 'sectionNamed' | 'topicNamed'>, base: string) {
  const { section, tags } = article.data;
  const name = section === undefined ? undefined : (index.sectionNamed(section)?.name ?? section);
  // One link per topic page, named as the page names it ("budget" and "Budget" are one topic).
  const topics = [...new Map(tags.map((tag) => [nameSlug(tag), index.topicNamed(tag)?.name ?? tag])).values()];
  const navCurrent: NavCurrent | undefined = name === undefined ? undefined : { href: sectionPath(name, base), page: false };
  return { section: name, topics, earlier: index.earlier.get(article.id) ?? [], navCurrent };
}
