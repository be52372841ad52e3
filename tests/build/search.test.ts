/**
 * Search in the built site (src/integrations/search-index.ts, src/pages/search.astro): `npm run build` alone writes
 * the Pagefind index, compressed like the rest; only articles are in it, and only their headline, standfirst, key
 * points and body; the search page alone loads Pagefind and alone allows WebAssembly in its CSP. In every site build
 * (content/ and the newsroom fixture) and the generated fixture (300 articles). The browser side is in
 * tests/browser/search.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { attr, readPage, select, selectAll, text } from '../support/html.ts';
import { builtPages } from '../support/built-pages.ts';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { GENERATED_COUNT, generatedArticles } from '../support/generated-fixture.ts';
import { LISTINGS_COUNT } from '../support/listings-fixture.ts';
import { pathOf, siteBuilds } from '../support/site-builds.ts';
import { ARTICLE_PAGES, PAGEFIND_UNUSED } from '../../src/integrations/search-index.ts';
import { DEFAULT_SHARD_SIZE, SHARDS_FILE, type SearchShards } from '../../src/lib/search-shards.ts';
import { browseLinks } from '../../src/lib/browse-links.ts';

const GENERATED = fixtureSiteDir('generated');
const BUILDS = [
  ...siteBuilds().map((b) => ({
    name: b.name,
    dir: b.siteDir,
    base: b.base,
    published: b.published.length,
    shardSize: DEFAULT_SHARD_SIZE,
  })),
  { name: 'generated fixture', dir: GENERATED, base: '/', published: GENERATED_COUNT, shardSize: DEFAULT_SHARD_SIZE },
  { name: 'corrections fixture (under /news/)', dir: fixtureSiteDir('corrections'), base: '/news/', published: 4, shardSize: 1 },
  { name: 'listings fixture', dir: fixtureSiteDir('listings'), base: '/', published: LISTINGS_COUNT, shardSize: 100 },
];

const cspOf = (html: string) => String(select('meta[http-equiv="content-security-policy" i]', fromHtml(html))?.properties.content ?? '');
const scriptSrcOf = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1) ?? [];

describe.each(BUILDS)('search index: $name', ({ dir, published, shardSize }) => {
  const out = path.join(dir, 'pagefind');
  const { shards } = JSON.parse(readFileSync(path.join(out, SHARDS_FILE), 'utf8')) as SearchShards;
  const entryOf = (shard: string) =>
    JSON.parse(readFileSync(path.join(out, shard, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };

  it('is written by the build into pagefind/: the list of shards, and each shard’s index, pre-compressed like every text file', () => {
    expect(shards.length).toBeGreaterThan(0);
    for (const file of [SHARDS_FILE, `${SHARDS_FILE}.gz`, `${SHARDS_FILE}.br`]) expect(existsSync(path.join(out, file)), file).toBe(true);
    for (const shard of shards) {
      for (const file of [
        'pagefind.js',
        'pagefind.js.gz',
        'pagefind.js.br',
        'pagefind-entry.json',
        'pagefind-entry.json.gz',
        'wasm.en.pagefind',
      ]) {
        expect(existsSync(path.join(out, shard, file)), `${shard}/${file}`).toBe(true);
      }
    }
    expect(shards.reduce((n, shard) => n + readdirSync(path.join(out, shard, 'fragment')).length, 0)).toBe(published);
  });

  it('gathers whole months of publication (UTC; undated articles the oldest) into shards of at most its size, newest first', () => {
    // The month of every article page, from the date the page gives Pagefind (read with an HTML parser).
    const perMonth = new Map<string, number>();
    for (const page of builtPages(dir)) {
      const tree = fromHtml(readFileSync(page.abs, 'utf8'));
      if (!select('[data-pagefind-body]', tree)) continue;
      const date = attr(select('meta[data-pagefind-meta="date[content]"]', tree), 'content');
      const when = date === undefined ? undefined : new Date(date);
      const month = when ? `${when.getUTCFullYear()}-${String(when.getUTCMonth() + 1).padStart(2, '0')}` : 'undated';
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    // Oldest first, a shard takes whole months while it stays within shardSize articles, and is named after its first.
    const expected: [string, number][] = [];
    for (const month of [...perMonth.keys()].sort((a, b) => (a === 'undated' ? -1 : b === 'undated' ? 1 : a.localeCompare(b)))) {
      const open = expected.at(-1);
      if (open && open[1] + perMonth.get(month)! <= shardSize) open[1] += perMonth.get(month)!;
      else expected.push([month, perMonth.get(month)!]);
    }
    expected.reverse();
    expect(shards).toEqual(expected.map(([name]) => name));
    expect(shards.map((shard) => entryOf(shard).languages.en?.page_count)).toEqual(expected.map(([, count]) => count));
  });

  it('holds every published article and nothing else (no front page, search, 404 or redirect page)', () => {
    for (const shard of shards) expect(Object.keys(entryOf(shard).languages), shard).toEqual(['en']);
    expect(shards.reduce((n, shard) => n + entryOf(shard).languages.en!.page_count, 0)).toBe(published);
  });

  it('publishes none of Pagefind’s unused files: ready-made UIs, highlighter, worker, other languages’ WebAssembly', () => {
    expect(readdirSync(out).filter((f) => !shards.includes(f) && !f.startsWith(SHARDS_FILE))).toEqual([]);
    for (const shard of shards) {
      const files = readdirSync(path.join(out, shard));
      for (const file of PAGEFIND_UNUSED) expect(files).not.toContain(file);
      expect(files.filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight|worker)/.test(f))).toEqual([]);
      expect(files.filter((f) => f.startsWith('wasm.'))).toEqual(['wasm.en.pagefind']);
    }
  });
});

describe.each(BUILDS)('search page: $name', ({ dir, base }) => {
  const html = readFileSync(path.join(dir, 'search/index.html'), 'utf8');
  const page = fromHtml(html);

  it('has a labelled search form (shown by its script), a live status and a results list', () => {
    const form = select('form[role=search]', page)!;
    expect(attr(form, 'action')).toBe(`${base}search/`);
    expect(attr(form, 'method')).toBe('get');
    expect(form.properties.hidden).toBe(true);
    const input = select('input[type=search][name=q]', form)!;
    expect(text(select(`label[for=${attr(input, 'id')}]`, form))).not.toBe('');
    const sectionSelect = select('select[name=section]', form)!;
    expect(text(select(`label[for=${attr(sectionSelect, 'id')}]`, form))).toBe('Section');
    expect(select('[role=status]', page)).toBeDefined();
    expect(select('ol.search-results', page)).toBeDefined();
    expect(attr(select('meta[name=robots]', page), 'content')).toBe('noindex, follow');
  });

  it('says, with JavaScript off, that search needs it, and links to the pages to browse instead', () => {
    const noscript = select('noscript', page)!;
    expect(text(noscript)).toMatch(/^Search needs JavaScript, which is off in this browser\./);
    const links = selectAll('a', noscript).map((a) => ({ href: attr(a, 'href')!, label: text(a) }));
    expect(links).toEqual(browseLinks(base));
    expect(links[0]!.href).toBe(base);
  });

  it('loads its own script and no Pagefind file: Pagefind loads when the reader searches', () => {
    const scripts = selectAll('script[src]', page).map((s) => attr(s, 'src')!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(new RegExp(`^${base}_astro/`));
    expect(html).not.toMatch(/pagefind\/pagefind\.js"|rel="modulepreload"/);
    // The script asks for the list of shards, then a shard's pagefind.js, under the base path (tests/browser/search.test.ts
    // follows it there).
    const script = readFileSync(path.join(dir, scripts[0]!.slice(base.length)), 'utf8');
    expect(script).toContain(SHARDS_FILE);
    expect(script).toContain('/pagefind.js');
    expect(script).toContain(`\`${base}\``);
  });

  it('allows WebAssembly in its CSP, and nothing unsafe: no inline styles or scripts beyond the hashed ones', () => {
    const sources = scriptSrcOf(cspOf(html));
    expect(sources).toContain("'wasm-unsafe-eval'");
    expect(sources).toContain("'self'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(cspOf(html)).not.toContain("'unsafe-inline'");
    expect(selectAll('[style]', page)).toEqual([]);
  });
});

describe.each(BUILDS)('every other page: $name', ({ dir }) => {
  const pages = builtPages(dir).filter((p) => p.file !== path.join('search', 'index.html'));

  it(`gives the index nothing unless it is an article page: Pagefind reads only ${ARTICLE_PAGES}`, () => {
    const read = new RegExp(
      `^${ARTICLE_PAGES.split('*')
        .map((part) => part.replace(/[.]/g, '\\.'))
        .join('[^/]+')}$`,
    );
    const marked = pages.filter((page) => readFileSync(page.abs, 'utf8').includes('data-pagefind-body'));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((page) => !read.test(page.file)).map((page) => page.file)).toEqual([]);
  });

  it('keeps the site’s CSP without WebAssembly, and loads nothing of Pagefind', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const html = readFileSync(page.abs, 'utf8');
      expect(scriptSrcOf(cspOf(html)), page.file).not.toContain("'wasm-unsafe-eval'");
      expect(html, page.file).not.toContain('pagefind/');
    }
  });
});

describe('what an article gives the index (generated fixture)', () => {
  const [sectionless, ...rest] = generatedArticles();
  const article = rest.find((a) => a.section)!;
  const page = readPage(`/articles/${article.slug}/`, GENERATED);

  it('its headline, standfirst and body (key points included) are the indexed parts; the rest of the page is not', () => {
    const bodies = selectAll('[data-pagefind-body]', page);
    expect(bodies.map((el) => `${el.tagName}.${attr(el, 'className')}`)).toEqual(['h1.headline', 'p.standfirst', 'div.article-body']);
    expect(text(bodies[0])).toBe(article.title);
    expect(selectAll('.key-points li', bodies[2]).map((li) => text(li))).toEqual(article.summary);
    // The "Key points" label itself is not indexed; header, navigation, byline, photo and footer are outside.
    expect(attr(select('.key-points h2', page), 'dataPagefindIgnore')).toBe('');
    for (const outside of ['header.site-header', 'footer.site-footer', '.byline', 'figure.main-media']) {
      const el = select(outside, page);
      if (el) expect(selectAll('[data-pagefind-body]', el), outside).toEqual([]);
    }
  });

  it('its date and section are metadata of the result, and the section a filter', () => {
    expect(attr(select('meta[data-pagefind-meta="date[content]"]', page), 'content')).toBe(article.published.toISOString());
    const section = select('meta[data-pagefind-filter="section[content]"]', page);
    expect(attr(section, 'content')).toBe(article.section);
    expect(attr(section, 'dataPagefindMeta')).toBe('section[content]');
    expect(sectionless!.section).toBeUndefined();
    expect(select('meta[data-pagefind-filter]', readPage(`/articles/${sectionless!.slug}/`, GENERATED))).toBeUndefined();
  });

  it('pages that are not articles give it nothing', () => {
    for (const urlPath of ['/', '/search/', '/404.html'])
      expect(selectAll('[data-pagefind-body]', readPage(urlPath, GENERATED)), urlPath).toEqual([]);
  });

  it('marks article pages of every site build the same way', () => {
    for (const build of siteBuilds()) {
      for (const entry of build.published) {
        const bodies = selectAll('[data-pagefind-body]', readPage(pathOf(build, entry.slug), build.siteDir)).map((el) => el.tagName);
        expect(bodies.slice(0, 1).concat(bodies.slice(-1)), entry.slug).toEqual(['h1', 'div']);
      }
    }
  });
});
