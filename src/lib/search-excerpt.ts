/**
 * A Pagefind excerpt as text and highlighted runs, so the search page builds it with text nodes and `<mark>`
 * elements instead of parsing HTML. Pagefind's excerpts are the page's text, HTML-escaped, with the matched
 * words wrapped in `<mark>…</mark>`; anything else that looks like a tag is kept as the text it is.
 */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;` → `&`, `&#39;` → `'`, `&#x27;` → `'`; an unknown or invalid reference stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (ref, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ref;
    }
    return ENTITIES[name.toLowerCase()] ?? ref;
  });
}

/** `"a <mark>budget</mark> vote"` → `[{ text: 'a ', mark: false }, { text: 'budget', mark: true }, { text: ' vote', mark: false }]`. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts.at(-1);
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}
