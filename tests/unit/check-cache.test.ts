/**
 * The validation pass remembers each entry's outcome between builds (src/content-model/check-cache.ts): a
 * rebuild checks only what changed, and never reuses an outcome whose inputs changed — the entry's text, the
 * photos it names (replaced, removed, turned into a link out of the folder), the code that checks, or the kind
 * of build. Real files in a temp dir, the real checks, and a store like the loader's meta store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkArticles } from '../../src/content-model/articles-loader.ts';
import { checkCache } from '../../src/content-model/check-cache.ts';
import { formatProblem } from '../../src/content-model/entry-checks.ts';
import { ROOT } from '../support/paths.ts';

const LEAD = path.join(ROOT, 'tests/fixtures/lead-480.jpg');
const LONG_TITLE = `A headline long enough to be cut off in link previews, ${'and then some more words, '.repeat(3)}to be sure`;

const entry = (title: string, { body = 'The text.', extra = '' } = {}) =>
  `---\ntitle: "${title}"\nsummary: ["One."]\nimage: { src: ./lead.jpg, alt: "A." }\n${extra}---\n${body}\n`;

let dir: string;
let store: Map<string, string>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'check-cache-'));
  store = new Map();
  write('alpha/index.md', entry('Alpha', { body: 'Text.\n\n![A detail.](./detail.jpg)' }));
  cpSync(LEAD, path.join(dir, 'alpha/lead.jpg'));
  cpSync(LEAD, path.join(dir, 'alpha/detail.jpg'));
  write('beta/index.md', entry(LONG_TITLE, { extra: 'redirectFrom: ["old-beta"]\n' }));
  cpSync(LEAD, path.join(dir, 'beta/lead.jpg'));
  write('gamma/index.md', entry('Gamma'));
  cpSync(LEAD, path.join(dir, 'gamma/lead.jpg'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

/** One validation pass with the cache, as the loader runs it: problems (paths relative to the folder) and counts. */
async function pass(code = 'code-1') {
  const cache = await checkCache(store, dir, code);
  const problems = (await checkArticles({ dir, root: ROOT, cache })).map((p) => `${p.level}: ${formatProblem(p).replace(`${dir}/`, '')}`);
  cache.save();
  return { problems, ...cache.stats };
}

/** The same pass without any cache: what the answer must be. */
async function fresh(): Promise<string[]> {
  return (await checkArticles({ dir, root: ROOT })).map((p) => `${p.level}: ${formatProblem(p).replace(`${dir}/`, '')}`);
}

describe('the validation pass on a rebuild', () => {
  it('checks only the entries that changed, and reports what a full pass reports', async () => {
    const first = await pass();
    expect(first).toMatchObject({ checked: 3, reused: 0 });
    expect(first.problems).toEqual([expect.stringMatching(/^warning: beta\/index\.md: title: /)]);

    const second = await pass();
    expect(second).toMatchObject({ checked: 0, reused: 3 });
    expect(second.problems).toEqual(first.problems);

    write('gamma/index.md', entry('Gamma', { body: '' }));
    const third = await pass();
    expect(third).toMatchObject({ checked: 1, reused: 2 });
    expect(third.problems).toEqual(await fresh());
    expect(third.problems).toContainEqual(expect.stringMatching(/^error: gamma\/index\.md: body: /));
  });

  it('reuses entries whose shared photo gained or lost a hard link (a new article reusing it; the build’s own copies)', async () => {
    await pass();
    // A link changes the photo's inode change time (ctime), not its bytes: nothing to check again.
    linkSync(path.join(dir, 'alpha/lead.jpg'), path.join(dir, 'shared.jpg'));
    expect(await pass()).toMatchObject({ checked: 0, reused: 3 });
    unlinkSync(path.join(dir, 'shared.jpg'));
    expect(await pass()).toMatchObject({ checked: 0, reused: 3 });
  });

  it('checks an entry again when a photo it names is replaced, removed, or becomes a link out of its folder', async () => {
    await pass();

    writeFileSync(path.join(dir, 'alpha/detail.jpg'), 'not an image any more');
    const replaced = await pass();
    expect(replaced).toMatchObject({ checked: 1, reused: 2 });
    expect(replaced.problems).toEqual(await fresh());
    expect(replaced.problems).toContainEqual(
      expect.stringMatching(/^error: alpha\/index\.md: body: image "\.\/detail\.jpg" cannot be read as an image/),
    );

    unlinkSync(path.join(dir, 'alpha/detail.jpg'));
    const removed = await pass();
    expect(removed).toMatchObject({ checked: 1, reused: 2 });
    expect(removed.problems).toContainEqual('error: alpha/index.md: body: image "./detail.jpg" not found beside the entry');

    mkdirSync(path.join(dir, '..', `${path.basename(dir)}-outside`), { recursive: true });
    const outside = path.join(dir, '..', `${path.basename(dir)}-outside`, 'detail.jpg');
    cpSync(LEAD, outside);
    symlinkSync(outside, path.join(dir, 'alpha/detail.jpg'));
    try {
      const linked = await pass();
      expect(linked).toMatchObject({ checked: 1, reused: 2 });
      expect(linked.problems).toEqual(await fresh());
      expect(linked.problems).toContainEqual(
        expect.stringMatching(/^error: alpha\/index\.md: body: image "\.\/detail\.jpg" is a symbolic link/),
      );
    } finally {
      rmSync(path.dirname(outside), { recursive: true, force: true });
    }
  });

  it('checks a lead photo again when it is swapped for the stand-in, whose bytes differ but not its name', async () => {
    await pass();
    write(
      'gamma/lead.jpg',
      readFileSync(path.join(ROOT, 'content/articles/trump-wanted-to-meet-clinton-after-2016-election-kushner-memoir/lead.jpg')),
    );
    const swapped = await pass();
    expect(swapped).toMatchObject({ checked: 1, reused: 2 });
    expect(swapped.problems).toEqual(await fresh());
    expect(swapped.problems).toContainEqual(expect.stringMatching(/^error: gamma\/index\.md: image\.src: .*stand-in/));
  });

  it('keeps the old slugs of unchanged entries for the checks across entries', async () => {
    await pass();
    write('old-beta/index.md', entry('Old beta'));
    cpSync(LEAD, path.join(dir, 'old-beta/lead.jpg'));
    const added = await pass();
    expect(added).toMatchObject({ checked: 1, reused: 3 });
    expect(added.problems).toEqual(await fresh());
    expect(added.problems.some((p) => p.startsWith('error: ') && p.includes('old-beta'))).toBe(true);
  });

  it('checks everything again when the code that checks changes', async () => {
    await pass('code-1');
    expect(await pass('code-2')).toMatchObject({ checked: 3, reused: 0 });
    expect(await pass('code-2')).toMatchObject({ checked: 0, reused: 3 });
  });

  it('forgets entries that are gone', async () => {
    await pass();
    rmSync(path.join(dir, 'gamma'), { recursive: true });
    await pass();
    expect(Object.keys(JSON.parse(store.get('entry-checks')!).entries)).toEqual([`${dir}/alpha/index.md`, `${dir}/beta/index.md`]);
  });
});
