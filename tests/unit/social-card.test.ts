import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardOverlaySvg,
  clampHeadline,
  headlineFontSize,
  renderSocialCard,
  shadeOpacity,
  textTop,
} from '../../src/publishing/social-card.ts';
import { chooseCardFonts, emojiGraphemes, missingCardGlyphs, textDirection } from '../../src/publishing/card-fonts.ts';
import { SEED_ENTRY_DIR } from '../support/source-article.ts';

const photo = `${SEED_ENTRY_DIR}/lead.jpg`;

describe('social card layout', () => {
  it('sets longer headlines smaller', () => {
    const sizes = [20, 70, 110, 200].map((n) => headlineFontSize('x'.repeat(n)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(4);
  });
  it('cuts only very long headlines, at a word, with an ellipsis', () => {
    expect(clampHeadline('Short one')).toBe('Short one');
    const long = 'word '.repeat(60).trim();
    const clamped = clampHeadline(long);
    expect(clamped.length).toBeLessThanOrEqual(151);
    expect(clamped).toMatch(/word…$/);
  });
});

describe('renderSocialCard', () => {
  it('renders a 1200×630 JPEG, identically every time', async () => {
    const headline = 'Trump wanted to meet Hillary Clinton after the 2016 election, Jared Kushner’s memoir says';
    const [one, two] = await Promise.all([
      renderSocialCard(photo, headline, 'The Reader'),
      renderSocialCard(photo, headline, 'The Reader'),
    ]);
    expect(one.equals(two)).toBe(true);
    expect(await sharp(one).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(one.length).toBeLessThan(300_000);
  });
  it('draws the headline: a different headline gives a different card', async () => {
    const [one, two] = await Promise.all([
      renderSocialCard(photo, 'One headline', 'The Reader'),
      renderSocialCard(photo, 'Another headline', 'The Reader'),
    ]);
    expect(one.equals(two)).toBe(false);
  });
});

describe('drawing only the rows the text covers', () => {
  const HEADLINES = [
    'Budget vote',
    'word '.repeat(40).trim(),
    '政府、土壇場の修正案を受けて予算採決を延期した。'.repeat(6),
    'الحكومة تؤجل التصويت على الميزانية',
    '🗳️😮👍🏽🇺🇦❤️🎉 Ẫ Ǻ Ṩ',
  ];
  for (const headline of HEADLINES) {
    it(`no ink above the text's first row: ${headline.slice(0, 24)}…`, async () => {
      const svg = await cardOverlaySvg(headline, 'The Reader');
      const top = textTop(svg);
      // The crop is in use (a short headline leaves most of the card to the photo)…
      expect(top).toBeGreaterThan(0);
      // …and loses nothing: drawn whole, the rows above it are empty.
      const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const inkRow = Math.floor(data.findIndex((v, i) => i % 4 === 3 && v !== 0) / 4 / CARD_WIDTH);
      expect(inkRow).toBeGreaterThanOrEqual(top);
      expect(inkRow).toBeLessThan(CARD_HEIGHT);
    });
  }
  it('falls back to the whole card when the SVG is not shaped as expected', () => {
    expect(textTop('<svg width="1200" height="630"></svg>')).toBe(0);
  });
  it('shades from light at the top to dark at the bottom', () => {
    expect(shadeOpacity(0)).toBeCloseTo(0.05);
    expect(shadeOpacity(0.45)).toBeCloseTo(0.62);
    expect(shadeOpacity(1)).toBeCloseTo(0.92);
    expect(shadeOpacity(0.2)).toBeGreaterThan(0.05);
    expect(shadeOpacity(0.2)).toBeLessThan(0.62);
  });
});

describe('the card cache', () => {
  it('returns the very same card from the cache, and draws anew when the headline changes', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cacheDir = mkdtempSync(`${tmpdir()}/cards-`);
    const first = await renderSocialCard(photo, 'Cached headline', 'The Reader', { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const again = await renderSocialCard(photo, 'Cached headline', 'The Reader', { cacheDir });
    expect(again.equals(first)).toBe(true);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect((await renderSocialCard(photo, 'Cached headline', 'The Reader')).equals(first)).toBe(true);
    await renderSocialCard(photo, 'Another headline', 'The Reader', { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});

/**
 * Headlines in other scripts. A character without a glyph is drawn as the font's empty box (.notdef),
 * the same box for every such character; so each script's characters, drawn one at a time, must all
 * look different from one another and from the box drawn for a character no font has (U+E000).
 */
describe('cards for headlines in other scripts', () => {
  const HEADLINES = {
    arabic: 'الحكومة تؤجل التصويت على الميزانية',
    persian: 'دولت رأی‌گیری بودجه را به تعویق انداخت',
    hebrew: 'הממשלה דוחה את ההצבעה על התקציב',
    greek: 'Η κυβέρνηση αναβάλλει την ψηφοφορία',
    cyrillic: 'Правительство отложило голосование',
    chinese: '政府在最后一刻修正案后推迟预算投票',
    traditional: '臺灣立法院延後預算表決',
    japanese: '政府、土壇場の修正案を受けて予算採決を延期',
    korean: '정부, 막판 수정안 이후 예산 표결 연기',
    latinExtended: 'Łódź, Đà Nẵng, Ærø, İstanbul',
    emoji: '🗳️😮👍🏽🇺🇦❤️🎉',
  };

  /** The overlay (no photo) as raw pixels. */
  const pixels = async (headline: string) => {
    const { data } = await sharp(Buffer.from(await cardOverlaySvg(headline, ' ')))
      .raw()
      .toBuffer({ resolveWithObject: true });
    return data;
  };
  const key = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  /** Columns where the headline drew something, compared with an empty headline. */
  async function inkColumns(headline: string): Promise<{ left: number; right: number }> {
    const [ink, empty] = await Promise.all([pixels(headline), pixels('')]);
    let left = CARD_WIDTH;
    let right = -1;
    for (let i = 0; i < ink.length; i += 4) {
      if (Math.abs(ink[i + 3]! - empty[i + 3]!) > 40 || Math.abs(ink[i]! - empty[i]!) > 40) {
        const x = (i / 4) % CARD_WIDTH;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    return { left, right };
  }

  let tofu: string;
  beforeAll(async () => {
    tofu = key(await pixels('\uE000'));
  });

  it('the test can fail: with no font for a script, every character is the same empty box', async () => {
    expect(missingCardGlyphs('ትግርኛ')).toEqual(['ት', 'ግ', 'ር', 'ኛ']);
    const boxes = new Set(await Promise.all(['ት', 'ግ', 'ር'].map(async (c) => key(await pixels(c)))));
    expect([...boxes]).toEqual([tofu]);
  });

  for (const [script, headline] of Object.entries(HEADLINES)) {
    it(`${script}: every character is drawn with a glyph of its own`, async () => {
      expect(missingCardGlyphs(headline)).toEqual([]);
      const units = [...new Set(script === 'emoji' ? emojiGraphemes(headline) : [...headline].filter((c) => /\p{L}/u.test(c)))];
      expect(units.length).toBeGreaterThan(3);
      const drawn = await Promise.all(units.map(async (u) => key(await pixels(u))));
      expect(drawn).not.toContain(tofu);
      expect(new Set(drawn).size, `${units.join(' ')} drawn alike`).toBe(units.length);
    });
  }

  it('sets right-to-left headlines from the right margin, others from the left', async () => {
    const right = CARD_WIDTH - 64;
    for (const headline of ['הממשלה דוחה', 'الحكومة تؤجل', '“الحكومة” تؤجل 2026']) {
      expect(textDirection(headline), headline).toBe('rtl');
      const { left, right: r } = await inkColumns(headline);
      expect(r, headline).toBeGreaterThan(right - 12);
      expect(left, headline).toBeGreaterThan(64 + 100); // short: it does not reach the left margin
    }
    for (const headline of ['Budget vote', '政府推迟', 'Η κυβέρνηση', '2026: הממשלה']) {
      expect(textDirection(headline), headline).toBe(headline.startsWith('2026') ? 'rtl' : 'ltr');
    }
    const { left, right: r } = await inkColumns('Budget vote');
    expect(left).toBeLessThan(64 + 12);
    expect(r).toBeLessThan(CARD_WIDTH / 2);
  });

  it('draws a ZWJ sequence as one emoji, not its parts', async () => {
    const family = await inkColumns('👨‍👩‍👧');
    const man = await inkColumns('👨');
    expect(family.right - family.left).toBeLessThan(1.5 * (man.right - man.left));
  });

  it('loads a font only when a headline needs it: a Latin headline uses the two Source Serif files it always did', () => {
    const files = (texts: { text: string; weight: number }[]) => chooseCardFonts(texts).fonts.map((f) => f.file.split('/').pop());
    expect(
      files([
        { text: 'The Reader', weight: 600 },
        { text: 'Budget vote delayed, “again” — 2026', weight: 700 },
      ]),
    ).toEqual(['source-serif-4-latin-600-normal.woff', 'source-serif-4-latin-700-normal.woff']);
    expect(files([{ text: 'الحكومة', weight: 700 }])).toEqual(['source-serif-4-latin-700-normal.woff', 'amiri-arabic-700-normal.woff']);
    expect(files([{ text: '政府', weight: 700 }])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^noto-serif-sc-\d+-wght-normal\.woff2$/)]),
    );
    // Kana make it Japanese, Hangul Korean: the same Han character comes from that language's font.
    expect(
      files([{ text: '政府の', weight: 700 }])
        .slice(1)
        .every((f) => f!.startsWith('noto-serif-jp-')),
    ).toBe(true);
    expect(
      files([{ text: '정부 政府', weight: 700 }])
        .slice(1)
        .every((f) => f!.startsWith('noto-serif-kr-')),
    ).toBe(true);
    expect(files([{ text: '😮 Budget', weight: 700 }])).toEqual(['source-serif-4-latin-700-normal.woff']); // emoji are pictures
  });

  it('renders every script’s card as a JPEG, identically every time', async () => {
    for (const headline of [HEADLINES.arabic, HEADLINES.japanese, HEADLINES.emoji]) {
      const [one, two] = await Promise.all([
        renderSocialCard(photo, headline, 'The Reader'),
        renderSocialCard(photo, headline, 'The Reader'),
      ]);
      expect(one.equals(two)).toBe(true);
      expect(await sharp(one).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    }
  });
});
