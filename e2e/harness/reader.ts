/**
 * What a reader does with notes in Chromium, for the browser tests: select a passage with the
 * mouse and save a note on it, click a passage to open it, and how many notes the page placed
 * (read from the background's record of the tab, which the page itself cannot read).
 */
import type { Page } from 'playwright-core';
import type { AccessibilityProbe } from './accessibility';
import type { ChromiumSession } from './chromium';
import { focusInPopover, waitForPopover, waitForPopoverClosed } from './popover';
import { passageClickPoint, selectWithMouse } from './selection';
import { readTabRecordById } from './tab-record';
import { waitUntil } from './wait';

/** Selects a passage with the mouse, presses "Add note", types the note and saves it. */
export async function addNote(
  page: Page,
  probe: AccessibilityProbe,
  passage: string,
  text: string,
): Promise<void> {
  await selectWithMouse(page, passage);
  await probe.click(await probe.waitFor('button', 'Add note'));
  await waitForEditorFocus(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await probe.waitFor('StaticText', 'Note saved.');
  await waitForPopoverClosed(page);
}

/** Waits for the note editor to show with the caret in its text box, as a reader would. */
export async function waitForEditorFocus(page: Page, name = 'Add note'): Promise<void> {
  await waitForPopover(page, name);
  await waitUntil(
    () => focusInPopover(page),
    (focus) => focus?.tag === 'textarea',
    { what: 'the caret in the note field' },
  );
}

/** Clicks the start of a passage's first line, as a reader clicks a highlight. */
export async function clickPassage(page: Page, passage: string): Promise<void> {
  const point = await page.evaluate(passageClickPoint, passage);
  await page.mouse.click(point.x, point.y);
}

/** How many notes the page reports placed (to the background; the page never learns it). */
export async function notesPlaced(session: ChromiumSession, page: Page): Promise<number> {
  const record = await readTabRecordById(session, await session.tabIdOf(page));
  return record?.notesAnchored ?? 0;
}

/** How many notes the page reports painted now (none while the notes layer is off). */
export async function notesShown(session: ChromiumSession, page: Page): Promise<number> {
  const record = await readTabRecordById(session, await session.tabIdOf(page));
  return record?.notesShown ?? 0;
}

/** Waits until the page reports that many notes placed. */
export async function waitForNotesPlaced(
  session: ChromiumSession,
  page: Page,
  count: number,
  what = `${count} notes placed`,
): Promise<void> {
  await waitUntil(
    () => notesPlaced(session, page),
    (placed) => placed === count,
    { what },
  );
}

/** Every note in the extension's database, deleted ones (with `deletedAt`) included. */
export function storedNotes(
  session: ChromiumSession,
): Promise<{ id: string; body: string; deletedAt?: string }[]> {
  return session.inExtension(
    () =>
      new Promise<{ id: string; body: string; deletedAt?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('counterpoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    undefined,
  );
}

declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
