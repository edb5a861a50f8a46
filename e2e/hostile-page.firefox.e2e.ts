/**
 * The hostile page of `hostile-page.chromium.e2e.ts`, in real Firefox (ESR) with Counterpoint
 * installed as a temporary add-on. The same attacker (`hostile/attacker.ts`, unchanged) is
 * installed with Puppeteer's `evaluateOnNewDocument` (a WebDriver BiDi preload script in the
 * page's own realm), so it runs before any script of the page and before the content script: it
 * takes over custom-element names with ElementInternals, listens at the window for keys, input,
 * selection, the clipboard and focus, enumerates the shared highlight registry, scans attributes,
 * open shadow roots and reachable frames, forges events on everything inserted, forges WXT's
 * "content script started" signal, and changes `history`. Meanwhile the reader, with the real
 * mouse and keyboard, adds two notes, reopens one by clicking its passage, selects its text in the
 * popover frame with a triple-click and copies it with Ctrl+C, edits it, deletes it and restores it
 * with Undo (in the page's overlay, a closed shadow root found over BiDi like the markers). Then
 * the attacker's haul is checked: no note text, no note count, no note passage; nothing opened by
 * its forged events; Counterpoint still running; no network request of its own.
 *
 * Left out, because Firefox (or its driver) does not allow it here:
 * - Reading the extension's stored notes: the test has no way into the add-on's background in
 *   Firefox (WebDriver BiDi exposes tabs, not the background page), so what is stored is checked
 *   as the reader sees it, by reopening both notes from their passages.
 * - How many notes the page reports placed (the Chromium suite reads it from the background's
 *   session storage): same reason; a note counts as placed when a click on its passage opens it.
 * - The accessibility tree of the page (the Chromium suite reads "Note saved." and "Note updated."
 *   from it over CDP): Firefox has no such protocol here; the toasts' Undo button is found over
 *   BiDi by role and name, and saving shows as the editor closing.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import {
  type FrameDialog,
  frameDialog,
  openNoteByClick as openNoteByClickIn,
  saveNoteOnSelection,
  waitForPopoverFrame,
} from './harness/firefox-popover';
import { selectWithMouse } from './harness/selection';
import { waitUntil } from './harness/wait';
import { type AttackLog, installAttacker } from './hostile/attacker';
import { attackReport, leakingChannels } from './hostile/haul';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
const SECRET = 'Quillwort 4417 private doubt';
const SECOND = `${SECRET} (second)`;
const EDITED = 'Quillwort 4417 edited doubt';
/**
 * A passage no claim covers, so anything the page learns of it comes from the note. (Not the
 * Chromium suite's first passage: near the top of its paragraph, it lies under the site's sticky
 * header in Firefox's 800×600 window once the paragraph is centred, and a drag from there
 * selects from the top of the page.)
 */
const PASSAGE = 'At the heart of this problem is the migration issue';
const SECOND_PASSAGE = 'the more poverty in these countries, the more there will be immigrants';

let session: FirefoxSession;
let page: Page;

function attackLog(): Promise<AttackLog> {
  return page.evaluate(() => (window as unknown as { __attack: AttackLog }).__attack);
}

/** Every element the page can find in its document. */
function elementCount(): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('*').length);
}

/** The claim markers, found in their closed shadow roots over BiDi. */
async function claimMarkers() {
  const buttons = await session.findControls(page, 'button');
  return buttons.filter((button) => (button.attributes['aria-label'] ?? '').startsWith('Claim: '));
}

function waitForDialog(frame: Frame, name: string | RegExp, what: string) {
  return waitUntil(
    () => frameDialog(frame),
    (state) =>
      state?.focused === true &&
      (typeof name === 'string' ? state.name === name : name.test(state.name)),
    { what },
  );
}

function waitForDialogClosed(frame: Frame, what = 'the popover to close') {
  return waitUntil(
    () => frameDialog(frame),
    (state) => state === null,
    { what },
  );
}

/**
 * Clicks, with the real mouse, the middle of the element of the popover frame that `selector`
 * finds (with `text` in it, if given); `count` 3 is a triple-click.
 */
async function clickInFrame(frame: Frame, selector: string, text = '', count = 1): Promise<void> {
  const where = async () => {
    const box = await frame.evaluate(
      (wanted, needle) => {
        const element = [...document.querySelectorAll(wanted)].find((candidate) =>
          (candidate.textContent ?? '').includes(needle),
        );
        if (!element) return null;
        // The frame is no taller than the window: its content scrolls, as a reader scrolls it.
        element.scrollIntoView({ block: 'nearest' });
        const rect = element.getBoundingClientRect();
        return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
      },
      selector,
      text,
    );
    const offset = await session.popoverFrameOffset(page);
    return box && offset ? { x: offset.x + box.x, y: offset.y + box.y } : null;
  };
  // The frame settles its size and place once its content is drawn: click where it has come
  // to rest.
  let last: { x: number; y: number } | null = null;
  const point = await waitUntil(
    async () => {
      const previous = last;
      last = await where();
      return previous && last && previous.x === last.x && previous.y === last.y ? last : null;
    },
    (found) => found !== null,
    { what: `${selector} ${text} in the popover frame, at rest` },
  );
  if (!point) throw new Error(`nothing in the frame matches ${selector} ${text}`);
  await page.mouse.click(point.x, point.y, { count });
}

/** Selects a passage with the mouse, as a reader does, and checks the page selected just that. */
async function selectPassage(passage: string): Promise<void> {
  await selectWithMouse(page, passage);
  const selected = await page.evaluate(() => String(getSelection()).replace(/\s+/g, ' ').trim());
  expect(selected).toBe(passage);
}

/** Saves a note on a passage with the mouse and keyboard. */
async function addNote(passage: string, text: string): Promise<void> {
  await selectPassage(passage);
  const editor = await saveNoteOnSelection(session, page, text);
  expect(editor?.name).toBe('Add note');
}

/** Clicks a passage until its note's popover opens in the frame; returns the popover. */
function openNoteByClick(passage: string): Promise<FrameDialog | null> {
  return openNoteByClickIn(session, page, passage);
}

/** Opens the first claim from its marker with the real mouse, and closes it with Escape. */
async function openAndCloseClaim(): Promise<void> {
  // Back to the top, as at the start: scrolled into view from below, the first marker would sit
  // under the site's sticky header, which would take the click.
  await page.evaluate(() => window.scrollTo(0, 0));
  const [marker] = await claimMarkers();
  if (!marker) throw new Error('no claim marker');
  await session.click(page, marker);
  const frame = await waitForPopoverFrame(session, page);
  await waitForDialog(frame, /^Claim: /, 'the claim popover');
  await page.keyboard.press('Escape');
  await waitForDialogClosed(frame);
}

/** What a second preload script, run right after the attacker's, saw of the document. */
interface FirstLook {
  attackerThere: boolean;
  readyState: string;
  scripts: number;
}

beforeAll(async () => {
  session = await launchFirefox();
  page = await session.open(ARTICLE_URL, async (fresh) => {
    await fresh.evaluateOnNewDocument(installAttacker);
    await fresh.evaluateOnNewDocument(() => {
      (window as unknown as { __firstLook: FirstLook }).__firstLook = {
        attackerThere: '__attack' in window,
        readyState: document.readyState,
        scripts: document.scripts.length,
      };
    });
  });
  await waitUntil(
    async () => ({
      highlights: (await attackLog()).highlights.length,
      markers: (await claimMarkers()).length,
    }),
    (seen) => seen.highlights === claimCount && seen.markers === claimCount,
    { what: 'the claims, as the page and the reader see them', timeoutMs: 15_000 },
  );
});

afterAll(async () => {
  await session?.close();
});

describe('a hostile page in Firefox', () => {
  let elementsWithoutNotes = 0;

  it('runs its attacks before the page’s scripts and Counterpoint, and Counterpoint starts all the same', async () => {
    const before = await attackLog();
    expect(before.tried.length).toBeGreaterThanOrEqual(10);
    expect(page.url()).toContain('utm_source=attacker');
    // The attacker ran in the page's own realm before the document had a single script: before
    // the page's scripts (which still ran) and before the content script (at document_idle).
    expect(
      await page.evaluate(() => (window as unknown as { __firstLook?: FirstLook }).__firstLook),
    ).toEqual({ attackerThere: true, readyState: 'loading', scripts: 0 });
    expect(
      await page.evaluate(() => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk),
    ).toBe(true);
    // WXT announced its signal and the page forged it: Counterpoint kept running.
    await waitUntil(
      async () => (await attackLog()).wxtEvents.length,
      (count) => count > 0,
      { what: 'WXT’s announcement' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await openAndCloseClaim();
    elementsWithoutNotes = await elementCount();
  });

  it('lets the reader add, read, select, copy, edit, delete and restore notes', async () => {
    await addNote(PASSAGE, SECRET);
    await addNote(SECOND_PASSAGE, SECOND);

    // Read it, then select its text in the popover with the mouse and copy it.
    const note = await openNoteByClick(PASSAGE);
    expect(note?.text).toContain(SECRET);
    const frame = await waitForPopoverFrame(session, page);
    await clickInFrame(frame, '.cp-note-body', 'Quillwort', 3);
    expect(await frame.evaluate(() => String(getSelection()))).toContain('Quillwort');
    await page.keyboard.down('Control');
    await page.keyboard.press('c');
    await page.keyboard.up('Control');

    // Edit it.
    await clickInFrame(frame, 'button', 'Edit');
    await waitUntil(
      () => frameDialog(frame),
      (state) => state?.name === 'Edit note' && state.focused && state.focusedName === 'Note',
      { what: 'the editor, with the caret in its note field' },
    );
    // Select the whole note with Ctrl+A, and make sure it is selected before typing over it
    // (on a loaded machine a first Ctrl+A can arrive before the field has the caret).
    await waitUntil(
      async () => {
        await page.keyboard.down('Control');
        await page.keyboard.press('a');
        await page.keyboard.up('Control');
        return frame.evaluate(() => {
          const field = document.activeElement;
          return (
            field instanceof HTMLTextAreaElement &&
            field.value.length > 0 &&
            field.selectionStart === 0 &&
            field.selectionEnd === field.value.length
          );
        });
      },
      (selected) => selected,
      { what: 'the whole note selected in its field' },
    );
    await page.keyboard.type(EDITED);
    // Saved with the editor's own shortcut: its Save button sits at the foot of a frame that may
    // reach past the window, and a click there, after scrolling, does not reliably land on it.
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForDialogClosed(frame, 'the editor to close on saving');

    // Delete it, and bring it back with Undo (in the page's overlay).
    const reopened = await openNoteByClick(PASSAGE);
    expect(reopened?.text).toContain(EDITED);
    expect(reopened?.text).not.toContain(SECRET);
    await clickInFrame(frame, 'button', 'Delete');
    await waitForDialogClosed(frame, 'the popover to close on deleting');
    const [undo] = await waitUntil(
      () => session.findControls(page, 'button', 'Undo'),
      (found) => found.length === 1,
      { what: 'the Undo button' },
    );
    if (!undo) throw new Error('no Undo button');
    await session.click(page, undo);
    await waitUntil(
      () => session.findControls(page, 'button', 'Undo'),
      (found) => found.length === 0,
      { what: 'the Undo toast to go' },
    );

    // Both notes are there, as the reader left them.
    expect((await openNoteByClick(PASSAGE))?.text).toContain(EDITED);
    await page.keyboard.press('Escape');
    await waitForDialogClosed(frame);
    expect((await openNoteByClick(SECOND_PASSAGE))?.text).toContain(SECOND);
  });

  it('learnt no note text through any channel', async () => {
    const log = await attackLog();
    const leaks = leakingChannels(log, /Quillwort|4417|doubt/i);
    console.log(attackReport('Firefox', log, leaks));
    expect(leaks).toEqual([]);
    // Nothing of ours could be taken over, so no closed root was opened.
    expect(log.internalsTexts).toEqual([]);
    // Our frame is not among the frames the page can reach.
    expect(log.framesReachable).toBe(0);
  });

  it('cannot count the notes or find their passages', async () => {
    const log = await attackLog();
    // The registry holds the claims, and nothing else.
    expect(log.highlightNames.length).toBeGreaterThan(0);
    expect(log.highlightNames.every((name) => name.includes('claim'))).toBe(true);
    expect(log.highlights).toHaveLength(claimCount);
    expect(log.highlights.some((entry) => entry.includes(PASSAGE.slice(0, 20)))).toBe(false);
    expect(log.scanned.some((text) => text.includes(PASSAGE.slice(0, 20)))).toBe(false);
    // The page holds as many elements with two notes as it did before the first one.
    expect(await elementCount()).toBe(elementsWithoutNotes);
  });

  it('opened nothing with its forged events', async () => {
    await page.keyboard.press('Escape');
    const frame = await waitForPopoverFrame(session, page);
    await waitForDialogClosed(frame);
    // Let the page's forged clicks and keys run a few more rounds with nothing open.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await frameDialog(frame)).toBeNull();
    expect((await attackLog()).forgedEvents).toBeGreaterThan(0);
  });

  it('still has Counterpoint running at the end', async () => {
    await openAndCloseClaim();
  });

  it('made no network request of Counterpoint’s own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
