/**
 * A page that cancels every timer, animation frame and idle callback it can, one suite for every
 * browser. A content script's timers are the page's window's: their ids are small numbers counted
 * per window, shared with the page's own scripts, so "clear every timeout" (a common way for a
 * site to stop whatever its scripts left pending) cancels ours too. Here the page does it every
 * few milliseconds, for every id up to the newest of each kind. Counterpoint must still place the
 * notes written while the page is open, add the reader's note to a paragraph selected with a
 * triple-click and the keyboard, anchor a claim again after its paragraph is re-rendered,
 * open a claim's popover on hover, and keep the reading guide in the window as the article
 * scrolls. `timer-sweep.chromium.e2e.ts` and
 * `timer-sweep.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import { claimHighlightTexts, pointInClaim, waitForEveryClaim } from '../harness/claim-highlights';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { passagesInPage, seedArguments, writeArticleNotes } from '../harness/heavy-notes';
import { scrollDown } from '../harness/layout';
import { passageClickPoint } from '../harness/selection';
import { readTabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';
import { waitForEditorFocus } from './reader-actions';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const claimWords = pack.claims.map((claim) => squash(claim.quote.exact));
/** More notes than the first reply places with the claims: the rest go through idle slices. */
const NOTE_COUNT = 400;

/**
 * Starts the page's sweep: every 4 ms, every timeout, interval, animation frame and idle callback
 * id from 1 to the newest the window has handed out is cancelled (but the sweep's own interval).
 * Returns how many sweeps ran so far, later, from `window.sweeps`.
 */
function startSweep(tab: ArticleTab): Promise<void> {
  return tab.evaluate(() => {
    const scope = window as unknown as { sweeps: number };
    scope.sweeps = 0;
    const noop = () => {};
    const own: number = Number(
      setInterval(() => {
        const newestTimer = Number(setTimeout(noop, 0));
        const newestFrame = requestAnimationFrame(noop);
        const newestIdle = requestIdleCallback(noop);
        for (let id = 1; id <= newestTimer; id++) if (id !== own) clearTimeout(id);
        for (let id = 1; id <= newestFrame; id++) cancelAnimationFrame(id);
        for (let id = 1; id <= newestIdle; id++) cancelIdleCallback(id);
        scope.sweeps += 1;
      }, 4),
    );
  }, undefined);
}

/** How many sweeps the page has made. */
function sweeps(tab: ArticleTab): Promise<number> {
  return tab.evaluate(() => (window as unknown as { sweeps: number }).sweeps, undefined);
}

/** Defines the suite for one browser. */
export function defineTimerSweepSuite(driver: BrowserDriver): void {
  describe(`a page that cancels every timer it can (${driver.name})`, () => {
    let session: BrowserSession;
    let tab: ArticleTab;

    beforeAll(async () => {
      session = await driver.launch();
      tab = await session.open(ARTICLE_URL);
      await waitForEveryClaim(tab, claimWords.length);
      await startSweep(tab);
      await waitUntil(
        () => sweeps(tab),
        (count) => count > 10,
        { what: 'the page to sweep' },
      );
    });

    afterAll(async () => {
      await session?.close();
    });

    it('places every note written while the page is open', async () => {
      const passages = await tab.evaluate(passagesInPage, 60);
      await session.inExtension(writeArticleNotes, seedArguments(passages, NOTE_COUNT));
      const record = await waitUntil(
        () => readTabRecord(session, tab),
        (found) => found?.notesAnchored === NOTE_COUNT,
        { what: `the ${NOTE_COUNT} notes to be placed`, timeoutMs: 30_000 },
      );
      expect(record?.orphanedNoteIds ?? []).toEqual([]);
    });

    it('adds a note to a paragraph selected with a triple-click, from the keyboard', async () => {
      const before = (await readTabRecord(session, tab))?.notesAnchored ?? 0;
      const point = await tab.evaluate(
        passageClickPoint,
        'any optimism regarding this topic should be carefully',
      );
      await tab.mouse.click(point.x, point.y, 3);
      await tab.pressBrowserShortcut('Alt+Shift+M');
      await waitForEditorFocus(tab);
      await tab.keyboard.type('Written while the page clears every timer');
      await tab.keyboard.press('Control+Enter');
      await tab.waitForText('Note saved.');
      await tab.popover.waitClosed();
      await waitUntil(
        () => readTabRecord(session, tab),
        (found) => found?.notesAnchored === before + 1,
        { what: 'the new note to be placed' },
      );
    });

    it('anchors a claim again after the page re-renders its paragraph', async () => {
      const wanted = claimWords[1] as string;
      await tab.evaluate((words: string) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        for (const highlight of registry.values()) {
          for (const range of highlight) {
            if (range.toString().replace(/\s+/g, ' ').trim() !== words) continue;
            const paragraph = range.startContainer.parentElement?.closest('p');
            if (!paragraph) break;
            // New text nodes with the same words: the old highlight's range ends.
            paragraph.textContent = paragraph.textContent ?? '';
            return;
          }
        }
        throw new Error(`claim not highlighted: ${words}`);
      }, wanted);
      const texts = await waitUntil(
        () => claimHighlightTexts(tab),
        (found) => found.includes(wanted) && found.length === claimWords.length,
        { what: 'the claim highlighted on its new text', timeoutMs: 15_000 },
      );
      for (const text of texts) expect(claimWords).toContain(text);
    });

    it('opens a claim’s popover on hover and closes it when the pointer leaves', async () => {
      await tab.mouse.move(5, 5);
      const point = await pointInClaim(tab, claimWords[2] as string);
      await tab.mouse.move(point.x, point.y, 3);
      await tab.popover.waitFor(/^Claim: /);
      await tab.mouse.move(5, (await tab.viewport()).height - 5, 5);
      await tab.popover.waitClosed();
    });

    it('keeps the reading guide in the window as the article scrolls', async () => {
      const pill = await tab.waitForControl('button', /^Counterpoint · 14 claims checked/);
      const { width, height } = await tab.viewport();
      await tab.evaluate(() => window.scrollTo(0, 0), undefined);
      await scrollDown(tab, width, height);
      // Placed by the headline, the pill would have scrolled up out of the window with it.
      await waitUntil(
        () => tab.box(pill),
        (box) => box.y >= 0 && box.y + box.height <= height,
        { what: 'the guide pinned in the window' },
      );
      // The page kept sweeping all along.
      expect(await sweeps(tab)).toBeGreaterThan(100);
    });
  });
}
