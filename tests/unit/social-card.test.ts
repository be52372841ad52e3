import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { clampHeadline, headlineFontSize, renderSocialCard } from '../../src/lib/social-card.ts';
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
    const [one, two] = await Promise.all([renderSocialCard(photo, headline, 'The Reader'), renderSocialCard(photo, headline, 'The Reader')]);
    expect(one.equals(two)).toBe(true);
    expect(await sharp(one).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(one.length).toBeLessThan(300_000);
  });
  it('draws the headline: a different headline gives a different card', async () => {
    const [one, two] = await Promise.all([renderSocialCard(photo, 'One headline', 'The Reader'), renderSocialCard(photo, 'Another headline', 'The Reader')]);
    expect(one.equals(two)).toBe(false);
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
