/**
 * A hostile page in real Chromium. Its script (`hostile/attacker.ts`) runs before any other
 * script of the page and tries every channel a page has: custom-element take-over with
 * ElementInternals, capture listeners for keys, input, selection, clipboard and focus, the
 * shared highlight registry, attributes and open shadow roots, frames, forged events on
 * everything Counterpoint inserts, a forged WXT "content script started" signal, and a changed
 * `history`. Meanwhile the reader, with the real mouse and keyboard, adds a note, reads it,
 * selects and copies its text, edits, deletes and restores it. Then each attack's haul is
 * checked: no note text, no note count, no note passage; nothing created, changed or deleted by
 * the page; Counterpoint still running.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import {
  openPopovers,
  popoverFrame,
  waitForPopover,
  waitForPopoverClosed,
} from './harness/popover';
import {
  addNote,
  clickPassage,
  storedNotes,
  waitForEditorFocus,
  waitForNotesPlaced,
} from './harness/reader';
import { waitUntil } from './harness/wait';
import { type AttackLog, installAttacker } from './hostile/attacker';
import { attackReport, leakingChannels } from './hostile/haul';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
const SECRET = 'Quillwort 4417 private doubt';
const EDITED = 'Quillwort 4417 edited doubt';
/** A passage no claim covers, so anything the page learns of it comes from the note. */
const PASSAGE = 'any optimism regarding this topic should be carefully considered';
const SECOND_PASSAGE = 'the more poverty in these countries, the more there will be immigrants';

let session: ChromiumSession;
let page: Page;
let probe: AccessibilityProbe;

async function attackLog(): Promise<AttackLog> {
  return page.evaluate(() => (window as unknown as { __attack: AttackLog }).__attack);
}

/** The bodies of the notes that are not deleted. */
async function storedBodies(): Promise<string[]> {
  return (await storedNotes(session)).filter((note) => !note.deletedAt).map((note) => note.body);
}

/** Claim highlights the page can see, by count (the registry is shared with it). */
async function claimRanges(): Promise<number> {
  return (await attackLog()).highlights.length;
}

beforeAll(async () => {
  session = await launchChromium();
  await session.context.addInitScript(installAttacker);
  page = await session.open(ARTICLE_URL);
  await waitUntil(claimRanges, (count) => count === claimCount, {
    what: 'the claims, as the page sees them',
  });
  probe = await probeAccessibility(page);
});

afterAll(async () => {
  await probe?.detach();
  await session?.close();
});

/** Every element the page can find in its document. */
function elementCount(): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('*').length);
}

describe('a hostile page', () => {
  let before: AttackLog;
  let elementsWithoutNotes = 0;

  it('runs its attacks before Counterpoint starts, and Counterpoint starts all the same', async () => {
    before = await attackLog();
    expect(before.tried.length).toBeGreaterThanOrEqual(10);
    expect(page.url()).toContain('utm_source=attacker');
    // WXT announced its signal and the page forged it: Counterpoint kept running.
    await waitUntil(
      async () => (await attackLog()).wxtEvents.length,
      (count) => count > 0,
      { what: 'WXT’s announcement' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [marker] = await probe.find('button', /^Claim: /);
    await probe.click(marker!);
    await waitForPopover(page, /^Claim: /);
    await page.keyboard.press('Escape');
    await waitForPopoverClosed(page);
    elementsWithoutNotes = await elementCount();
  });

  it('lets the reader add, read, select, copy, edit, delete and restore notes', async () => {
    await addNote(page, probe, PASSAGE, SECRET);
    await addNote(page, probe, SECOND_PASSAGE, `${SECRET} (second)`);
    await waitForNotesPlaced(session, page, 2, 'both notes placed');

    // Read it, then select its text in the popover with the mouse and copy it.
    await clickPassage(page, PASSAGE);
    const dialog = await waitForPopover(page, 'Your note');
    expect(await dialog.textContent()).toContain(SECRET);
    const body = dialog.getByText(SECRET, { exact: false }).first();
    await body.click({ clickCount: 3 });
    await page.keyboard.press('Control+C');
    const frame = await popoverFrame(page);
    expect(await frame.evaluate(() => String(getSelection()))).toContain('Quillwort');

    // Edit it.
    await dialog.getByRole('button', { name: 'Edit' }).click();
    await waitForEditorFocus(page, 'Edit note');
    const editor = await waitForPopover(page, 'Edit note');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(EDITED);
    await editor.getByRole('button', { name: 'Save' }).click();
    await probe.waitFor('StaticText', 'Note updated.');

    // Delete it, and bring it back.
    await clickPassage(page, PASSAGE);
    const reopened = await waitForPopover(page, 'Your note');
    expect(await reopened.textContent()).toContain(EDITED);
    await reopened.getByRole('button', { name: 'Delete' }).click();
    await waitForNotesPlaced(session, page, 1, 'the note to go');
    await probe.click(await probe.waitFor('button', 'Undo'));
    await waitForNotesPlaced(session, page, 2, 'the note to return');
    expect((await storedBodies()).sort()).toEqual([`${SECRET} (second)`, EDITED].sort());
  });

  it('learnt no note text through any channel', async () => {
    const log = await attackLog();
    const leaks = leakingChannels(log, /Quillwort|4417|doubt/i);
    console.log(attackReport('Chromium', log, leaks));
    expect(leaks).toEqual([]);
    // Nothing of ours could be taken over, so no closed root was opened.
    expect(log.internalsTexts).toEqual([]);
    // Our frame is not among the frames the page can reach.
    expect(log.framesReachable).toBe(0);
  });

  it('cannot count the notes or find their passages', async () => {
    const log = await attackLog();
    // The registry holds the claims, and nothing else.
    expect(log.highlightNames.every((name) => name.includes('claim'))).toBe(true);
    expect(log.highlights).toHaveLength(claimCount);
    expect(log.highlights.some((entry) => entry.includes(PASSAGE.slice(0, 20)))).toBe(false);
    expect(log.scanned.some((text) => text.includes(PASSAGE.slice(0, 20)))).toBe(false);
    // The page holds as many elements with two notes as it did before the first one.
    expect(await elementCount()).toBe(elementsWithoutNotes);
  });

  it('created, changed and deleted nothing with its forged events, and opened nothing', async () => {
    await page.keyboard.press('Escape');
    await waitForPopoverClosed(page);
    // Let the page's forged clicks and keys run a few more rounds with nothing open.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await openPopovers(page)).toBe(0);
    expect((await attackLog()).forgedEvents).toBeGreaterThan(0);
    expect((await storedBodies()).sort()).toEqual([`${SECRET} (second)`, EDITED].sort());
  });

  it('still has Counterpoint running at the end', async () => {
    const [marker] = await probe.find('button', /^Claim: /);
    await probe.click(marker!);
    await waitForPopover(page, /^Claim: /);
    await page.keyboard.press('Escape');
    await waitForPopoverClosed(page);
  });

  it('made no network request of Counterpoint’s own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
