/**
 * The wrapping fallback in Firefox ESR, forced through the extension's test hook (a storage key
 * set from an extension page, which the page cannot reach), as in Firefox 128–139, which lack the
 * Custom Highlight API: the claims are painted by wrapping their text, and a note saved on a
 * painted claim's words opens from a click on those words at once, without a reload.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { PAINT_BY_WRAPPING_KEY } from '../utils/settings';
import { ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { openExtensionPage } from './harness/firefox-extension-page';
import {
  type FrameDialog,
  frameDialog,
  openNoteByClick,
  saveNoteOnSelection,
  waitForPopoverFrame,
} from './harness/firefox-popover';
import { selectWithMouse } from './harness/selection';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
/** Words inside the first claim's quote. */
const PASSAGE_IN_CLAIM = 'the Mexican government has bet on Joe Biden';
const NOTE_TEXT = 'Firefox fallback note 3e9a: compare with the campaign coverage';

let session: FirefoxSession;
let page: Page;

/** Spans of ours with the fallback's inline highlight styles, as the page sees them. */
function wrappedTexts(target: Page): Promise<string[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('span')]
      .filter((span) => span.style.getPropertyPriority('text-decoration-line') === 'important')
      .map((span) => span.textContent ?? ''),
  );
}

/** Claim markers (buttons named "Claim: …" in closed shadow roots). */
async function markerCount(target: Page): Promise<number> {
  const buttons = await session.findControls(target, 'button');
  return buttons.filter((button) => (button.attributes['aria-label'] ?? '').startsWith('Claim: '))
    .length;
}

/** Sets a key in the add-on's local storage from one of its own pages. */
async function setExtensionStorage(items: Record<string, unknown>): Promise<void> {
  const extensionPage = await openExtensionPage(session);
  await extensionPage.evaluate(
    (values) =>
      (
        globalThis as unknown as {
          browser: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).browser.storage.local.set(values),
    items,
  );
  await extensionPage.close();
}

beforeAll(async () => {
  session = await launchFirefox({ args: ['--remote-allow-system-access'] });
  await setExtensionStorage({ [PAINT_BY_WRAPPING_KEY]: true });
  page = await session.open(ARTICLE_URL);
  await waitUntil(
    async () => ({ wrapped: (await wrappedTexts(page)).length, markers: await markerCount(page) }),
    (state) => state.wrapped > 0 && state.markers === claimCount,
    { what: 'the claims painted by wrapping, with their markers', timeoutMs: 15_000 },
  );
});

afterAll(async () => {
  await session?.close();
});

/** Saves a note on a passage with the mouse and keyboard. */
async function addNote(frame: Frame, passage: string, text: string): Promise<void> {
  await selectWithMouse(page, passage);
  const editor = await saveNoteOnSelection(session, page, text);
  expect(editor?.text).toContain(passage);
  expect(await frameDialog(frame)).toBeNull();
}

describe('the wrapping fallback in Firefox', () => {
  it('paints every claim by wrapping its text, with nothing in the highlight registry', async () => {
    const registered = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      return [...(registry?.keys() ?? [])];
    });
    expect(registered).toEqual([]);
    expect((await wrappedTexts(page)).join(' ')).toContain(PASSAGE_IN_CLAIM);
  });

  it('opens a note saved on a painted claim’s words from a click on them, without a reload', async () => {
    // The popover frame is made when the interface loads, before any popover opens.
    const frame = await waitForPopoverFrame(session, page);
    await addNote(frame, PASSAGE_IN_CLAIM, NOTE_TEXT);
    const note: FrameDialog | null = await openNoteByClick(session, page, PASSAGE_IN_CLAIM);
    expect(note?.text).toContain(NOTE_TEXT);
    expect(await markerCount(page)).toBe(claimCount);
    expect((await wrappedTexts(page)).join(' ')).toContain(PASSAGE_IN_CLAIM);
  });
});
