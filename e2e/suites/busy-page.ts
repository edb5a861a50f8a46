/**
 * A page that keeps changing, one suite for every browser, as live blogs, comment widgets and ad
 * rotations do. While a teaser is replaced every 200 ms and a paragraph appended every second,
 * every claim highlight on the page stays on a claim's own words, and every claim is highlighted
 * again once the page is quiet, with the reader's notes all still placed. A claim's paragraph re-rendered every 50 ms (faster than the
 * debounce) gets its claim anchored again while the re-rendering goes on, not only once it stops.
 * `busy-page.chromium.e2e.ts` and `busy-page.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REANCHOR_MAX_WAIT_MS } from '../../utils/annotator/article-view';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import { claimHighlightTexts, waitForEveryClaim } from '../harness/claim-highlights';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { passagesInPage, seedArguments, writeArticleNotes } from '../harness/heavy-notes';
import { readTabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const claimWords = pack.claims.map((claim) => squash(claim.quote.exact));

/** Notes of the reader's on the article, written before the page is loaded. */
const NOTE_COUNT = 20;
/** How long the page keeps changing in the first test. */
const BUSY_FOR_MS = 3000;
/** How long a claim's paragraph is re-rendered in the second: several times the longest wait. */
const RERENDER_FOR_MS = 5 * REANCHOR_MAX_WAIT_MS;

/**
 * Starts the busy-page script of the benchmarks in the page, for `forMs`: a teaser after the
 * second paragraph replaced every 200 ms, a paragraph appended to the article body every second.
 */
function startBusyScript(tab: ArticleTab, forMs: number): Promise<void> {
  return tab.evaluate((duration: number) => {
    const body = document.querySelector('[itemprop="articleBody"]');
    const second = body?.querySelectorAll('p')[1];
    if (!body || !second) throw new Error('no article body');
    const teaser = document.createElement('aside');
    second.after(teaser);
    let count = 0;
    const rotate = setInterval(() => {
      count += 1;
      teaser.innerHTML = `<a href="#more">Read also: story ${count}</a> <span>${count} comments</span>`;
    }, 200);
    const append = setInterval(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = `Update ${count}: the page added this paragraph after it loaded.`;
      body.append(paragraph);
    }, 1000);
    setTimeout(() => {
      clearInterval(rotate);
      clearInterval(append);
    }, duration);
  }, forMs);
}

/** Defines the suite for one browser. */
export function defineBusyPageSuite(driver: BrowserDriver): void {
  describe(`a page that keeps changing (${driver.name})`, () => {
    let session: BrowserSession;
    let tab: ArticleTab;

    beforeAll(async () => {
      session = await driver.launch();
      tab = await session.open(ARTICLE_URL);
      const passages = await tab.evaluate(passagesInPage, NOTE_COUNT);
      await session.inExtension(writeArticleNotes, seedArguments(passages, NOTE_COUNT));
      await tab.reload();
      await waitForEveryClaim(tab, claimWords.length);
      await waitUntil(
        () => readTabRecord(session, tab),
        (record) => record?.notesAnchored === NOTE_COUNT,
        { what: 'the notes to be placed' },
      );
    });

    afterAll(async () => {
      await session?.close();
    });

    it('keeps every highlight on a claim’s own words while a teaser and new paragraphs keep coming, and has every claim back once the page is quiet', async () => {
      await startBusyScript(tab, BUSY_FOR_MS);
      const started = Date.now();
      const seen: string[][] = [];
      while (Date.now() - started < BUSY_FOR_MS) {
        seen.push(await claimHighlightTexts(tab));
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(seen.length).toBeGreaterThan(5);
      // Never a highlight on other words; while the page is busy, only the claims near the
      // screen need be registered.
      for (const texts of seen) {
        for (const text of texts) expect(claimWords).toContain(text);
      }
      const quiet = await waitUntil(
        () => claimHighlightTexts(tab),
        (texts) => texts.length === claimWords.length,
        { what: 'every claim highlighted again once the page is quiet', timeoutMs: 15_000 },
      );
      expect(quiet.sort()).toEqual([...claimWords].sort());
      expect(await tab.controls('button', /^Claim: /)).toHaveLength(claimWords.length);
      // The reader's notes too, as the page reported them to the background.
      const record = await readTabRecord(session, tab);
      expect(record?.notesAnchored).toBe(NOTE_COUNT);
      expect(record?.orphanedNoteIds ?? []).toEqual([]);
    });

    it('anchors a claim again while its paragraph is re-rendered faster than the debounce', async () => {
      const wanted = claimWords[0] as string;
      // The page re-renders the claim's paragraph from its text every 50 ms (new nodes each
      // time, which ends the old highlight's range), and notes, in every frame and every few ms between, whether the
      // claim's words are highlighted on the paragraph's new text.
      await tab.evaluate(
        ({ words, duration }: { words: string; duration: number }) => {
          const squashed = (text: string) => text.replace(/\s+/g, ' ').trim();
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          const rangeOf = (): Range | null => {
            for (const highlight of registry.values()) {
              for (const range of highlight) {
                if (squashed(range.toString()) === words) return range;
              }
            }
            return null;
          };
          const paragraph = rangeOf()?.startContainer.parentElement?.closest('p');
          if (!paragraph) throw new Error(`claim not highlighted: ${words}`);
          paragraph.scrollIntoView({ block: 'center' });
          const text = paragraph.textContent ?? '';
          const record = { renders: 0, stoppedAt: 0, anchoredDuring: 0, done: false };
          (window as unknown as { rerender: typeof record }).rerender = record;
          const startedAt = performance.now();
          const render = setInterval(() => {
            paragraph.textContent = text;
            record.renders += 1;
          }, 50);
          const look = () => {
            const range = rangeOf();
            // Highlighted on the paragraph's current text: anchored again since a re-render.
            if (
              record.renders > 0 &&
              !record.stoppedAt &&
              range &&
              paragraph.contains(range.startContainer) &&
              range.startContainer.isConnected
            ) {
              record.anchoredDuring += 1;
            }
          };
          // Looked at in every frame and every few milliseconds between them: the claim stands
          // on the new text only until the next re-render, and a loaded machine's frames can
          // miss that window.
          const watchFrames = () => {
            look();
            if (!record.done) requestAnimationFrame(watchFrames);
          };
          requestAnimationFrame(watchFrames);
          const between = setInterval(look, 4);
          setTimeout(() => {
            clearInterval(render);
            clearInterval(between);
            record.stoppedAt = performance.now() - startedAt;
            // A few more frames, to see the last anchoring land.
            setTimeout(() => {
              record.done = true;
            }, 1000);
          }, duration);
        },
        { words: wanted, duration: RERENDER_FOR_MS },
      );
      const record = await waitUntil(
        () =>
          tab.evaluate(
            () =>
              (
                window as unknown as {
                  rerender: { renders: number; anchoredDuring: number; done: boolean };
                }
              ).rerender,
            undefined,
          ),
        (state) => state.done,
        { what: 'the re-rendering to stop', timeoutMs: RERENDER_FOR_MS + 10_000 },
      );
      // Dozens of re-renders, and the claim anchored again in some frame before the last one:
      // a debounce starved by them would anchor it only after they stop.
      expect(record.renders).toBeGreaterThan(10);
      expect(record.anchoredDuring).toBeGreaterThan(0);
      // And once they stop, the claim is on its words again, with every other claim.
      const texts = await waitUntil(
        () => claimHighlightTexts(tab),
        (found) => found.includes(wanted),
        { what: 'the claim highlighted after the re-rendering', timeoutMs: 15_000 },
      );
      for (const text of texts) expect(claimWords).toContain(text);
      // And every note is placed once the re-rendering is over.
      const placed = await waitUntil(
        () => readTabRecord(session, tab),
        (state) => state?.notesAnchored === NOTE_COUNT,
        { what: 'every note placed after the re-rendering' },
      );
      expect(placed?.orphanedNoteIds ?? []).toEqual([]);
    });
  });
}
