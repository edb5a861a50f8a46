/**
 * The popover frame in Firefox, as the browser tests meet it: found over WebDriver BiDi (it
 * sits in a closed shadow root the page cannot reach) and read by role and accessible name, as
 * a screen reader would.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';
import { findPassage } from './selection';
import { waitUntil } from './wait';

/** The popover frame of a page, once the content script has created it. */
export async function waitForPopoverFrame(session: FirefoxSession, page: Page): Promise<Frame> {
  let frame: Frame | null = null;
  await waitUntil(
    async () => {
      frame = await session.popoverFrame(page);
      return frame !== null;
    },
    (found) => found,
    { what: 'the popover frame' },
  );
  if (!frame) throw new Error('no popover frame');
  return frame;
}

/** The open dialog in the popover frame: its accessible name, text, and where focus is. */
export interface FrameDialog {
  name: string;
  text: string;
  /** The frame has focus and it is in the dialog. */
  focused: boolean;
  /** The accessible name of the focused element in the frame. */
  focusedName: string;
}

/** The dialog the popover frame shows, or null when none is shown. */
export function frameDialog(frame: Frame): Promise<FrameDialog | null> {
  return frame.evaluate(() => {
    const nameOf = (element: Element | null): string => {
      if (!element) return '';
      const label = element.getAttribute('aria-label');
      if (label) return label;
      const ids = element.getAttribute('aria-labelledby');
      if (ids) {
        return ids
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim();
      }
      const labels = (element as HTMLTextAreaElement).labels;
      return labels?.[0]?.textContent?.trim() ?? '';
    };
    const dialog = document.querySelector('[role="dialog"]');
    if (!dialog || dialog.getClientRects().length === 0) return null;
    const active = document.activeElement;
    return {
      name: nameOf(dialog),
      text: dialog.textContent ?? '',
      focused: document.hasFocus() && active !== null && dialog.contains(active),
      focusedName: nameOf(active),
    };
  });
}

/**
 * With a passage already selected, presses "Add note", waits for the editor with the cursor in
 * its note field, types the note, saves it with Ctrl+Enter and waits for the editor to close.
 * Returns the editor as it showed before typing, for the caller's checks.
 */
export async function saveNoteOnSelection(
  session: FirefoxSession,
  page: Page,
  text: string,
): Promise<FrameDialog | null> {
  const [adder] = await waitUntil(
    () => session.findControls(page, 'button', 'Add note'),
    (found) => found.length === 1,
    { what: 'the "Add note" button' },
  );
  if (!adder) throw new Error('no "Add note" button');
  await session.click(page, adder);
  const frame = await waitForPopoverFrame(session, page);
  const editor = await waitUntil(
    () => frameDialog(frame),
    (state) => state?.focused === true && state.focusedName === 'Note',
    { what: 'the note editor, with the cursor in its note field' },
  );
  await page.keyboard.type(text);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await waitUntil(
    () => frameDialog(frame),
    (state) => state === null,
    { what: 'the editor to close on saving' },
  );
  return editor;
}

/**
 * Clicks a passage (as a reader does) until the note's popover opens in the frame, which shows
 * the note is painted there; returns the popover. A click that opened something else (the claim
 * under it, before the note was painted) is closed with Escape and tried again.
 */
export async function openNoteByClick(
  session: FirefoxSession,
  page: Page,
  passage: string,
): Promise<FrameDialog | null> {
  const frame = await waitForPopoverFrame(session, page);
  return waitUntil(
    async () => {
      const open = await frameDialog(frame);
      if (open?.name === 'Your note') return open;
      if (open) await page.keyboard.press('Escape');
      const box = await findPassage(page, passage);
      await page.mouse.click(box.from.x + 20, box.from.y);
      return null;
    },
    (state) => state?.focused === true,
    { what: 'the note popover, opened by a click on its passage', intervalMs: 400 },
  );
}
