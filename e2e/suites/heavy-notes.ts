/**
 * A heavy annotator, one suite for every browser: 1,000 notes on the article, written straight to
 * the database as an import leaves them. Every note is placed (or reported as an orphan), and what
 * Counterpoint adds to the page does not grow with the note count: the page's DOM holds the same
 * elements as with no note, and the closed shadow roots hold a bounded number of rectangles, near
 * the viewport only, while the reader scrolls. With 10,000 and 100,000 the reader is told that
 * only part is shown, and with 100,000 a claim still opens from the keyboard; more notes than one
 * reply carries come page by page.
 * `heavy-notes.chromium.e2e.ts` and `heavy-notes.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BOXES, PARTIAL_NOTICE } from '../../utils/highlight/note-shade';
import { NOTE_PAGE_SIZE } from '../../utils/messaging/protocol';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession, ElementCounts } from '../harness/driver';
import {
  type Passage,
  passagesInPage,
  seedArguments,
  writeArticleNotes,
} from '../harness/heavy-notes';
import { readTabRecord, type TabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';

const NOTE_COUNT = 1000;

/** Waits two animation frames, so a redraw scheduled by a scroll has run. */
function frames(tab: ArticleTab): Promise<void> {
  return tab.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
    undefined,
  );
}

/** Whether the note layer's notice that only part of the notes is shown is on the page now. */
async function showsPartialNotice(tab: ArticleTab): Promise<boolean> {
  for (const status of await tab.controls('status')) {
    if ((await tab.textsWithin(status)).includes(PARTIAL_NOTICE)) return true;
  }
  return false;
}

/**
 * The tab's element counts once they have held still for a second: the in-page UI (the reading
 * guide, the overlay's hosts) arrives a little after the claims are painted, and a count taken
 * before it would credit its elements to the notes.
 */
async function countsAtRest(tab: ArticleTab): Promise<ElementCounts> {
  let last = await tab.countElements();
  let stillSince = Date.now();
  return waitUntil(
    async () => {
      const counted = await tab.countElements();
      if (counted.light !== last.light || counted.shadow !== last.shadow) {
        last = counted;
        stillSince = Date.now();
      }
      return { counted, still: Date.now() - stillSince };
    },
    ({ still }) => still >= 1000,
    { what: 'the page to stop changing', timeoutMs: 15_000, intervalMs: 250 },
  ).then(({ counted }) => counted);
}

/** Defines the suite for one browser. */
export function defineHeavyNotesSuite(driver: BrowserDriver): void {
  describe(`a heavy annotator (${driver.name})`, () => {
    let session: BrowserSession;
    let tab: ArticleTab;
    let passages: Passage[];
    let withoutNotes: ElementCounts;

    /** The background's record of the tab: what the page reported placing. */
    async function record(): Promise<TabRecord> {
      return (await readTabRecord(session, tab)) ?? {};
    }

    /** Waits until `count` notes are placed or reported as orphans, and returns the record. */
    function waitForNotes(count: number, timeoutMs: number): Promise<TabRecord> {
      return waitUntil(
        () => record(),
        (state) => (state.notesAnchored ?? 0) + (state.orphanedNoteIds?.length ?? 0) === count,
        { what: `all ${count} notes placed or reported`, timeoutMs, intervalMs: 250 },
      );
    }

    /** Writes `count` notes on the article (the earlier ones first removed when `replace`). */
    async function seed(count: number, replace = false): Promise<void> {
      await session.inExtension(writeArticleNotes, seedArguments(passages, count, replace));
    }

    /**
     * Writes `count` notes (more than are drawn), reloads, and checks that every one is placed or
     * reported, that the reader is told only part is shown, and that the page holds no element
     * per note: its own DOM as with no note, the closed roots within the shade's cap.
     */
    async function loadPartly(count: number, timeoutMs: number): Promise<void> {
      await seed(count);
      await tab.reload();
      await waitForNotes(count, timeoutMs);
      await tab.waitForText(PARTIAL_NOTICE);
      // The notice is the note layer's status, as the test with 1,000 notes looks for it.
      expect(await showsPartialNotice(tab)).toBe(true);
      const counted = await countsAtRest(tab);
      expect(counted.light).toBe(withoutNotes.light);
      expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES + 1);
    }

    beforeAll(async () => {
      session = await driver.launch();
      tab = await session.open(ARTICLE_URL);
      await waitUntil(
        () => record(),
        (state) => (state.claimsAnchored ?? 0) > 0 && state.claimsAnchored === state.claimsTotal,
        { what: 'the claims to be placed' },
      );
      withoutNotes = await countsAtRest(tab);
      passages = await tab.evaluate(passagesInPage, NOTE_COUNT);
      await seed(NOTE_COUNT);
      await tab.reload();
    });

    afterAll(async () => {
      await session?.close();
    });

    describe('1,000 notes on one article', () => {
      it('places every note, or reports it as an orphan', async () => {
        const placed = await waitForNotes(NOTE_COUNT, 20_000);
        // Every passage is the article's own text, so none is an orphan.
        expect(placed.orphanedNoteIds).toEqual([]);
        expect(placed.notesAnchored).toBe(NOTE_COUNT);
        expect(placed.claimsAnchored).toBe(placed.claimsTotal);
      });

      it('adds no element per note to the page, and a bounded number inside its closed roots', async () => {
        const counted = await countsAtRest(tab);
        // The page's own DOM: exactly what it held with no note (the markers and one notes host).
        expect(counted.light).toBe(withoutNotes.light);
        expect(counted.shadow - withoutNotes.shadow).toBeGreaterThan(0);
        expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES);
        expect(counted.shadow).toBeLessThan(NOTE_COUNT);
      });

      it('says nothing about a partial display while every note near the screen is drawn', async () => {
        expect(await showsPartialNotice(tab)).toBe(false);
      });

      it('keeps the count bounded while the reader scrolls through the whole article', async () => {
        const height = await tab.evaluate(() => document.documentElement.scrollHeight, undefined);
        const { width, height: viewportHeight } = await tab.viewport();
        // The wheel turns where the pointer is: over the page, as a reader's hand is.
        await tab.mouse.move(width / 2, viewportHeight / 2);
        const seen: number[] = [];
        for (let y = 0; y <= height; y += 600) {
          await tab.mouse.wheel(600);
          await frames(tab);
          seen.push((await tab.countElements()).shadow - withoutNotes.shadow);
        }
        expect(await tab.evaluate(() => window.scrollY, undefined)).toBeGreaterThan(0);
        expect(seen.length).toBeGreaterThan(2);
        expect(Math.max(...seen)).toBeLessThanOrEqual(MAX_BOXES);
        expect((await tab.countElements()).light).toBe(withoutNotes.light);
      });
    });

    describe('10,000 notes on one article', () => {
      it('draws the nearest, tells the reader that only part is shown, and adds no element per note', async () => {
        await loadPartly(10 * NOTE_COUNT, 60_000);
      }, 90_000);
    });

    describe('100,000 notes on one article', () => {
      it('places or reports every note, says that only part is shown, adds no element per note, and still opens a claim from the keyboard', async () => {
        await loadPartly(100 * NOTE_COUNT, 150_000);
        // The page stays usable: a claim's marker opens its popover with Enter, Escape closes it.
        const [marker] = await tab.controls('button', /^Claim: /);
        if (!marker) throw new Error('no claim marker');
        await tab.focus(marker);
        await tab.keyboard.press('Enter');
        await tab.popover.waitFor(/^Claim: /);
        await waitUntil(
          () => tab.popover.focus(),
          (focus) => focus?.role === 'dialog',
          { what: 'focus in the dialog' },
        );
        await tab.keyboard.press('Escape');
        await tab.popover.waitClosed();
      }, 240_000);
    });

    describe('more notes than one reply carries', () => {
      it('asks for the rest page by page and places every note', async () => {
        // Three pages after the first one's, the last one short; the 100,000 are removed first.
        const count = 3 * NOTE_PAGE_SIZE + 7;
        await seed(count, true);
        await tab.reload();
        const placed = await waitForNotes(count, 50_000);
        expect(placed.orphanedNoteIds).toEqual([]);
        expect(placed.notesAnchored).toBe(count);
        expect(placed.claimsAnchored).toBe(placed.claimsTotal);
        const counted = await countsAtRest(tab);
        expect(counted.light).toBe(withoutNotes.light);
        expect(counted.shadow - withoutNotes.shadow).toBeLessThanOrEqual(MAX_BOXES + 1);
      }, 90_000);
    });
  });
}
