/**
 * The search page's script (src/pages/search.astro): reveals the form, and when the reader starts a search reads the
 * list of index shards (`<base>pagefind/shards.json`, newest first: src/lib/search-shards.ts), loads Pagefind's
 * JavaScript API from the newest shard and merges the others into it (it then fetches its WebAssembly once, and
 * only the index chunks the words need), and lists the results: headline (a link), date, section, excerpt. The query
 * and the section are kept in the address (`?q=…&section=…`), so a search can be shared, bookmarked and
 * reloaded, and the form also works as a plain GET form pointed at this page.
 */
import { formatDate } from '../lib/dates.ts';
import { excerptParts } from '../lib/search-excerpt.ts';
import { SITE } from '../site.config.ts';
import { SHARDS_FILE, type SearchShards } from '../lib/search-shards.ts';

/** The part of Pagefind's browser API this page uses (pagefind.js has no type declarations). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; section?: string };
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(query: string | null, options: { filters?: Record<string, string> }, ms: number): Promise<PagefindSearch | null>;
}

/** Results shown at once, and added by "More results": each costs one small fragment download. */
const PAGE_SIZE = 10;
const BASE = import.meta.env.BASE_URL;

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !status || !list || !more) return;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const select = form.elements.namedItem('section') as HTMLSelectElement;

  let pagefind: Promise<Pagefind | undefined> | undefined;
  const load = () =>
    (pagefind ??= (async () => {
      // Revalidated, not taken from a cache: a new month can add a shard.
      const response = await fetch(`${BASE}pagefind/${SHARDS_FILE}`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${SHARDS_FILE}: ${response.status}`);
      const [newest, ...older] = ((await response.json()) as SearchShards).shards;
      // No article published yet: nothing to search.
      if (!newest) return undefined;
      const module = (await import(/* @vite-ignore */ `${BASE}pagefind/${newest}/pagefind.js`)) as Pagefind;
      // Result URLs are site paths: Pagefind prefixes them with the base. Main thread: no worker script.
      await module.options({ basePath: `${BASE}pagefind/${newest}/`, baseUrl: BASE, noWorker: true });
      await module.init();
      await Promise.all(older.map((shard) => module.mergeIndex(`${BASE}pagefind/${shard}/`, { baseUrl: BASE })));
      const sections = (await module.filters()).section ?? {};
      for (const name of Object.keys(sections).sort((a, b) => a.localeCompare(b, SITE.lang))) {
        if (![...select.options].some((o) => o.value === name)) select.add(new Option(name, name));
      }
      select.value = new URLSearchParams(location.search).get('section') ?? select.value;
      return module;
    })());

  let pending: PagefindSearch['results'] = [];
  let generation = 0;

  /** The next results' data (one small fragment each), for the current search. */
  const nextItems = async () => (await Promise.all(pending.splice(0, PAGE_SIZE).map((r) => r.data()))).map(resultItem);

  async function showMore(run: number) {
    const items = await nextItems();
    if (run !== generation) return;
    list!.append(...items);
    more!.hidden = pending.length === 0;
  }

  async function search() {
    const run = ++generation;
    const query = input.value.trim();
    const section = select.value;
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (section) params.set('section', section);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    if (!query && !section) {
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = '';
      return;
    }
    try {
      const api = await load();
      const found = api ? await api.debouncedSearch(query || null, section ? { filters: { section } } : {}, 250) : { results: [] };
      // null: a newer search replaced this one while it waited.
      if (found === null || run !== generation) return;
      pending = [...found.results];
      const items = await nextItems();
      if (run !== generation) return;
      // The list and the status change together, once the first results are ready.
      list!.replaceChildren(...items);
      more!.hidden = pending.length === 0;
      const count = found.results.length;
      const what = query ? ` for “${query}”` : '';
      const where = section ? ` in ${section}` : '';
      status!.textContent =
        count === 0 ? `No articles found${what}${where}.` : `${count} ${count === 1 ? 'article' : 'articles'}${what}${where}`;
    } catch {
      if (run === generation)
        status!.textContent = 'Search could not be loaded. Please reload the page, or browse the sections and the archive.';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  input.addEventListener('input', () => void search());
  select.addEventListener('change', () => void search());
  more.addEventListener('click', () => void showMore(generation));
  // Fetch Pagefind as soon as the reader shows an intent to search.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  form.hidden = false;
  if (input.value || params.get('section')) {
    // The section list comes from the index: load it before the first search.
    void load().then(search, search);
  }
}

/** One result: the headline linking to the article, its date and section when known, and the excerpt. */
function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  item.append(heading);

  const { date, section } = result.meta;
  const published = date ? new Date(date) : undefined;
  if ((published && !Number.isNaN(published.getTime())) || section) {
    const meta = document.createElement('p');
    meta.className = 'search-meta';
    if (published && !Number.isNaN(published.getTime())) {
      const time = document.createElement('time');
      time.dateTime = published.toISOString();
      time.textContent = formatDate(published, SITE.lang, SITE.timeZone);
      meta.append(time);
    }
    if (section) meta.append(meta.childNodes.length ? ` · ${section}` : section);
    item.append(meta);
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  for (const part of excerptParts(result.excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  item.append(excerpt);
  return item;
}
