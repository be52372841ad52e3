/**
 * The seed article as the wire delivered it (tests/fixtures/source-article.txt, a copy of
 * shared/source/article.txt): caption ending in the credit, three summary bullets, body.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

export const SEED_SLUG = 'trump-wanted-to-meet-clinton-after-2016-election-kushner-memoir';
/**
 * The seed fixture's copy of the entry (tests/fixtures/sets/seed): tests that know the seed's exact words read
 * this, never content/, which editors may correct or remove.
 */
export const SEED_ENTRY_DIR = path.join(ROOT, 'tests/fixtures/sets/seed', SEED_SLUG);
const SEED_CREDIT = 'Win McNamee/Getty Images';

export function readSourceArticle() {
  const raw = readFileSync(path.join(ROOT, 'tests/fixtures/source-article.txt'), 'utf8');
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const [first, ...rest] = paragraphs;
  if (!first?.endsWith(SEED_CREDIT)) throw new Error('source article: first paragraph should end in the credit');
  return {
    caption: first.slice(0, -SEED_CREDIT.length).trim(),
    credit: SEED_CREDIT,
    summary: rest.slice(0, 3),
    body: rest.slice(3),
  };
}
