/**
 * A body that renders to nothing: the source has characters, but the page would show no text and no
 * image. Only an HTML comment (`<!-- TODO -->`), only a `<script>` or `<style>` (removed by the markup
 * policy), only a link definition (`[x]: https://example.com`, which defines a link and shows
 * nothing), only invisible characters (`&nbsp;`, `&#8203;`), an empty `<div></div>`, a lone rule…
 * The "is empty" check of the source (src/content-model/entry-checks.ts, bodyProblems) passes them all.
 *
 * Two sides, both pure:
 * - `emptyBodyReason(markdown)` reads the markdown tree (CommonMark + GFM) and says what a body holds
 *   when nothing in it is text, code or an image ("only an HTML comment and a link definition"), or
 *   undefined. It is the cheap first look of the validation pass: only such bodies are rendered there.
 * - `showsNothing(html)` decides on the rendered HTML, which is what counts: no visible character
 *   (src/lib/visible-text.ts) in any text and no `<img>`. The validation pass asks it of the bodies
 *   above, the articles loader of every body Astro rendered (text swallowed by markup is caught there).
 */
import type { Nodes as HastNodes } from 'hast';
import type { Html, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import type { EntryProblem } from './entry-checks.ts';
import { parseBody } from './body-checks.ts';
import { describeInvisible, hasVisibleCharacter } from '../lib/visible-text.ts';

/** What an HTML block or inline HTML is, for the reason: `an HTML comment`, `a <script> element`. */
function htmlKind(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('<!--')) return 'an HTML comment';
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (!name) return 'HTML';
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} <${name}> element`;
}

/** Structures that show nothing when they hold nothing visible, by mdast type. */
const EMPTY: Partial<Record<MdastNodes['type'], string>> = {
  heading: 'an empty heading',
  list: 'an empty list',
  table: 'an empty table',
  blockquote: 'an empty quote',
  link: 'an empty link',
  linkReference: 'an empty link',
};

/**
 * What a body holds when nothing in its markdown is visible text, code or an image, as a reason
 * ("only an HTML comment, a link definition and a <script> element"); undefined when something is.
 * Text inside HTML is not looked at here: the rendered body decides (see showsNothing).
 */
export function emptyBodyReason(markdown: string | MdastRoot): string | undefined {
  // The tree from parseBody, when the caller has it (not changed here).
  const tree = typeof markdown === 'string' ? parseBody(markdown) : markdown;
  const kinds: string[] = [];
  let invisible = '';
  let visible = false;
  const add = (kind: string) => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  /** Whether the node shows something; collects what it holds otherwise. */
  const walk = (node: MdastNodes): boolean => {
    switch (node.type) {
      case 'text':
        if (hasVisibleCharacter(node.value)) return true;
        invisible += node.value.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
        return false;
      case 'inlineCode':
      case 'code':
        if (hasVisibleCharacter(node.value)) return true;
        add(node.type === 'code' ? 'an empty code block' : 'an empty code span');
        return false;
      case 'image':
      case 'imageReference':
        return true;
      case 'html':
        add(htmlKind((node as Html).value));
        return false;
      case 'definition':
        add('a link definition');
        return false;
      case 'footnoteDefinition':
        add('a footnote that nothing refers to');
        return false;
      case 'thematicBreak':
        add('a horizontal rule');
        return false;
      case 'break':
        return false;
      default: {
        if (!('children' in node)) return false;
        let shows = false;
        const before = kinds.length + invisible.length;
        for (const child of node.children as MdastNodes[]) if (walk(child)) shows = true;
        const empty = EMPTY[node.type];
        if (!shows && empty && kinds.length + invisible.length === before) add(empty);
        return shows;
      }
    }
  };
  for (const child of tree.children) if (walk(child)) visible = true;
  if (visible) return undefined;
  if (invisible) kinds.push(`invisible characters (${describeInvisible(invisible)})`);
  if (kinds.length === 0) return 'nothing but white space';
  const list = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}`;
  return `only ${list}`;
}

/** Whether a hast tree shows anything: a visible character in a text, or an image. */
function shows(node: HastNodes): boolean {
  if (node.type === 'text') return hasVisibleCharacter(node.value);
  if (node.type === 'element' && node.tagName === 'img') return true;
  if ('children' in node) return (node.children as HastNodes[]).some(shows);
  return false;
}

/** A letter or digit: rendered HTML with one outside its tags certainly shows text (the fast path). */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** A tag, with quoted attribute values that may hold `>`. */
const TAG = /<[^>"']*(?:"[^"]*"[^>"']*|'[^']*'[^>"']*)*>/g;

/** Whether rendered body HTML shows nothing: no visible text, no image. */
export function showsNothing(html: string): boolean {
  if (/<img\b/i.test(html)) return false;
  if (WORD_CHARACTER.test(html.replace(TAG, '').replace(/&[#a-z0-9]+;/gi, ''))) return false;
  return !shows(fromHtml(html, { fragment: true }));
}

/** The fix every "renders to nothing" problem gives. */
const FIX = 'write the article below the frontmatter';

/** The problem of a body that renders to nothing; `reason` from emptyBodyReason, when known. */
export function emptyBodyProblem(
  file: string,
  reason = 'no text or image is left on the page once the markup the site does not publish is removed',
): EntryProblem {
  return { file, field: 'body', problem: `renders to nothing (${reason}); ${FIX}`, level: 'error' };
}
