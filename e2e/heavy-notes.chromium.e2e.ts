/**
 * A heavy annotator in Chromium: 1,000 notes on the article, written straight to the database as
 * an import leaves them. Every note is placed (or reported as an orphan), and what Counterpoint
 * adds to the page does not grow with the note count: the page's DOM holds the same elements as
 * with no note, and the closed shadow roots hold a bounded number of rectangles, near the
 * viewport only, while the reader scrolls.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BOXES, PARTIAL_NOTICE } from '../utils/highlight/note-shade';
import { NOTE_PAGE_SIZE } from '../utils/messaging/protocol';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import {
  articlePassages,
  clearArticleNotes,
  countElements,
  type Passage,
  seedArticleNotes,
} from './harness/heavy-notes';
import { readPageSummary } from './harness/page-ui';
import { waitUntil } from './harness/wait';

const NOTE_COUNT = 1000;

let session: ChromiumSession;
let page: Page;
let passages: Passage[];
let withoutNotes: { light: number; shadow: number };

async function summary() {
  return readPageSummary(session, page, await session.tabIdOf(page));
}

/** Waits two animation frames, so a redraw scheduled by a scroll has run. */
function frames(target: Page): Promise<void> {
  return target.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

beforeAll(async () => {
  session = await launchChromium();
  page = await session.open(ARTICLE_URL);
  await waitUntil(
    () => summary(),
    (state) => state.claimsAnchored > 0 && state.claimsAnchored === state.claimsTotal,
    { what: 'the claims to be placed' },
  );
  withoutNotes = await countElements(page);
  passages = await articlePassages(page, NOTE_COUNT);
  await seedArticleNotes(session, passages, NOTE_COUNT);
  await page.reload({ waitUntil: 'load' });
});

afterAll(async () => {
  await session?.close();
});

describe('1,000 notes on one article', () => {
  it('places every note, or reports it as an orphan', async () => {
    const placed = await waitUntil(
      () => summary(),
      (state) => state.notesAnchored + state.orphanedNoteIds.length === NOTE_COUNT,
      { what: `all ${NOTE_COUNT} notes placed or reported`, timeoutMs: 20_000 },
    );
    // Every passage is the article's own text, so none is an orphan.
    expect(placed.orphanedNoteIds).toEqual([]);
    expect(placed.notesAnchored).toBe(NOTE_COUNT);
    expect(placed.claimsAnchored).toBe(placed.claimsTotal);
  });

  it('adds no element per note to the page, and a bounded number inside its closed roots', async () => {
    const counted = await countElements(page);
    // The page's own DOM: exactly what it held with no note (the markers and one notes host).
    expect(counted.light).toBe(withoutNotes.light);
    expect(counted.shadow - withoutNotes.shadow).toBeGreaterThan(0);
    expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES);
    expect(counted.shadow).toBeLessThan(NOTE_COUNT);
  });

  it('says nothing about a partial display while every note near the screen is drawn', async () => {
    const probe = await probeAccessibility(page);
    expect(await probe.find('StaticText', PARTIAL_NOTICE)).toEqual([]);
    await probe.detach();
  });

  it('keeps the count bounded while the reader scrolls through the whole article', async () => {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const seen: number[] = [];
    for (let y = 0; y <= height; y += 600) {
      await page.mouse.wheel(0, 600);
      await frames(page);
      seen.push((await countElements(page)).shadow - withoutNotes.shadow);
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.max(...seen)).toBeLessThanOrEqual(MAX_BOXES);
    expect((await countElements(page)).light).toBe(withoutNotes.light);
  });
});

describe('10,000 notes on one article', () => {
  it('draws the nearest, tells the reader that only part is shown, and adds no element per note', async () => {
    await seedArticleNotes(session, passages, 10 * NOTE_COUNT);
    await page.reload({ waitUntil: 'load' });
    await waitUntil(
      () => summary(),
      (state) => state.notesAnchored + state.orphanedNoteIds.length === 10 * NOTE_COUNT,
      { what: 'all 10,000 notes placed or reported', timeoutMs: 60_000, intervalMs: 250 },
    );
    const probe = await probeAccessibility(page);
    await probe.waitFor('StaticText', PARTIAL_NOTICE);
    await probe.detach();
    const counted = await countElements(page);
    expect(counted.light).toBe(withoutNotes.light);
    expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES + 1);
  });
});

describe('more notes than one reply carries', () => {
  it('asks for the rest page by page and places every note', async () => {
    // Three pages after the first one's, the last one short.
    const count = 3 * NOTE_PAGE_SIZE + 7;
    // Fewer notes than the test before wrote: those are cleared first.
    await clearArticleNotes(session);
    await seedArticleNotes(session, passages, count);
    await page.reload({ waitUntil: 'load' });
    const placed = await waitUntil(
      () => summary(),
      (state) => state.notesAnchored + state.orphanedNoteIds.length === count,
      { what: `all ${count} notes placed or reported`, timeoutMs: 50_000, intervalMs: 250 },
    );
    expect(placed.orphanedNoteIds).toEqual([]);
    expect(placed.notesAnchored).toBe(count);
    expect(placed.claimsAnchored).toBe(placed.claimsTotal);
    const counted = await countElements(page);
    expect(counted.light).toBe(withoutNotes.light);
    expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES + 1);
  });
});
