/**
 * Personal notes in real Chromium, as a reader uses them: select text with the mouse, "Add note",
 * type in the editor (in the popover frame, an extension page), save; the passage is painted,
 * survives a reload, appears in a second open tab without a reload, can be opened by a click on
 * it, edited, deleted and restored. And the page's own scripts can find the note's text nowhere:
 * not in the DOM (open shadow roots included), not in the page's storage.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { ARTICLE_URL_VARIANT } from './harness/offline-site';
import { highlightedTexts } from './harness/page-ui';
import { focusInPopover, waitForPopover, waitForPopoverClosed } from './harness/popover';
import {
  addNote,
  clickPassage,
  notesPlaced as placedOn,
  waitForEditorFocus,
  waitForNotesPlaced as waitForPlaced,
} from './harness/reader';
import { findPassage, selectWithMouse } from './harness/selection';
import { pressBrowserShortcut } from './harness/shortcuts';
import { waitUntil } from './harness/wait';

const PASSAGE = 'the more poverty in these countries, the more there will be immigrants in the US';
/** A passage of the article that no claim covers, for a note started and then abandoned. */
const OTHER_PASSAGE = 'any optimism regarding this topic should be carefully considered';
const NOTE_TEXT = 'Counterpoint private note 7f3a: check the migration figures';
const EDITED_TEXT = 'Counterpoint private note 7f3a, edited: compare with 2021 data';

let session: ChromiumSession;
let reader: Page;
let otherTab: Page;
let probe: AccessibilityProbe;

const waitForNotesPlaced = (page: Page, count: number, what: string) =>
  waitForPlaced(session, page, count, what);
const notesPlaced = (page: Page) => placedOn(session, page);

async function claimsPainted(page: Page): Promise<void> {
  await waitUntil(
    async () => Object.keys(await highlightedTexts(page)).length,
    (count) => count > 0,
    { what: 'Counterpoint to paint the page' },
  );
}

/** Everything a page script can read: light DOM text and attributes, open shadow roots. */
async function pageCanSee(page: Page, secret: string): Promise<string[]> {
  return page.evaluate(async (needle) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot | Element): void => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if ((element.getAttribute(attribute) ?? '').includes(needle))
            found.push(`attribute ${attribute}`);
        }
        if (element.shadowRoot) {
          if (element.shadowRoot.textContent?.includes(needle)) found.push('open shadow root');
          visit(element.shadowRoot);
        }
      }
    };
    if (document.documentElement.outerHTML.includes(needle)) found.push('document HTML');
    if (document.body.textContent?.includes(needle)) found.push('page text');
    visit(document);
    const storages = [localStorage, sessionStorage];
    for (const storage of storages) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        if (`${key}${storage.getItem(key)}`.includes(needle)) found.push('web storage');
      }
    }
    const databases = await indexedDB.databases();
    if (databases.length > 0)
      found.push(`page databases: ${databases.map((db) => db.name).join(', ')}`);
    if (document.cookie.includes(needle)) found.push('cookie');
    return found;
  }, secret);
}

beforeAll(async () => {
  session = await launchChromium();
  otherTab = await session.open(ARTICLE_URL);
  reader = await session.open(ARTICLE_URL);
  await claimsPainted(reader);
  await claimsPainted(otherTab);
  probe = await probeAccessibility(reader);
});

afterAll(async () => {
  await probe?.detach();
  await session?.close();
});

describe('notes in Chromium', () => {
  it('adds a note to a passage selected with the mouse', async () => {
    await reader.bringToFront();
    await selectWithMouse(reader, PASSAGE);
    const adder = await probe.waitFor('button', 'Add note');
    await probe.click(adder);
    const editor = await waitForPopover(reader, 'Add note');
    expect(await editor.getByRole('textbox', { name: 'Note' }).count()).toBe(1);
    // The editor puts the cursor in the note field.
    await waitUntil(
      () => focusInPopover(reader),
      (focus) => focus?.tag === 'textarea',
      { what: 'focus in the note field' },
    );
    await reader.keyboard.type(NOTE_TEXT);
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    await waitForPopoverClosed(reader);
    await waitForNotesPlaced(reader, 1, 'the note to be placed');
    // Note passages are not in the page's highlight registry, under any name.
    const registered = Object.values(await highlightedTexts(reader)).flat();
    expect(registered.some((text) => text.includes(PASSAGE.slice(0, 30)))).toBe(false);
  });

  it('opens the editor for the selected text with the keyboard command (Alt+Shift+M)', async () => {
    await reader.bringToFront();
    await selectWithMouse(reader, OTHER_PASSAGE);
    await pressBrowserShortcut(reader, 'Alt+Shift+M');
    const editor = await waitForPopover(reader, 'Add note');
    // The editor shows the selected passage and takes the focus, as from the button.
    expect(await editor.getByLabel('Passage').textContent()).toContain(OTHER_PASSAGE.slice(0, 20));
    await waitUntil(
      () => focusInPopover(reader),
      (focus) => focus?.tag === 'textarea',
      { what: 'focus in the note field' },
    );
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
    expect(await notesPlaced(reader)).toBe(1);
  });

  it('shows the note in a second open tab of the article, without a reload', async () => {
    await waitForNotesPlaced(otherTab, 1, 'the note in the other tab');
  });

  it('keeps the note across a reload, and a click on its passage opens it', async () => {
    await reader.reload({ waitUntil: 'load' });
    await claimsPainted(reader);
    await waitForNotesPlaced(reader, 1, 'the note after reload');
    await probe.detach();
    probe = await probeAccessibility(reader);
    await clickPassage(reader, PASSAGE);
    const dialog = await waitForPopover(reader, 'Your note');
    expect(await dialog.textContent()).toContain(NOTE_TEXT);
  });

  it('keeps the note’s text out of the page’s reach while its popover is open', async () => {
    expect(await pageCanSee(reader, NOTE_TEXT)).toEqual([]);
    expect(await pageCanSee(otherTab, NOTE_TEXT)).toEqual([]);
  });

  it('edits the note', async () => {
    const dialog = await waitForPopover(reader, 'Your note');
    await dialog.getByRole('button', { name: 'Edit' }).click();
    await waitForEditorFocus(reader, 'Edit note');
    const editor = await waitForPopover(reader, 'Edit note');
    await reader.keyboard.press('Control+A');
    await reader.keyboard.type(EDITED_TEXT);
    await editor.getByRole('button', { name: 'Save' }).click();
    await probe.waitFor('StaticText', 'Note updated.');
    await clickPassage(reader, PASSAGE);
    const updated = await waitForPopover(reader, 'Your note');
    await waitUntil(
      async () => (await updated.textContent()) ?? '',
      (text) => text.includes(EDITED_TEXT),
      { what: 'the edited text in the popover' },
    );
  });

  it('deletes the note and brings it back with Undo', async () => {
    const dialog = await waitForPopover(reader, 'Your note');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await waitForNotesPlaced(reader, 0, 'the note to go');
    const undo = await probe.waitFor('button', 'Undo');
    await probe.click(undo);
    await waitForNotesPlaced(reader, 1, 'the note to return');
    await waitForNotesPlaced(otherTab, 1, 'the other tab to follow');
  });

  it('shows text that looks like HTML as text, and never runs it', async () => {
    const passage = 'Mexico wants the US to help poor Central American nations';
    await selectWithMouse(reader, passage);
    await probe.click(await probe.waitFor('button', 'Add note'));
    await waitForEditorFocus(reader);
    const hostile =
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>**bold**';
    await reader.keyboard.type(hostile);
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    await waitForNotesPlaced(reader, 2, 'the second note');
    await clickPassage(reader, passage);
    const dialog = await waitForPopover(reader, 'Your note');
    expect(await dialog.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(
      await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await dialog.getByRole('img').count()).toBe(0);
    expect(await dialog.locator('img, script').count()).toBe(0);
  });

  it('adds a note to a claim from its popover, and shows it there', async () => {
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
    const [marker] = await probe.find('button', /^Claim: /);
    await probe.click(marker!);
    const claim = await waitForPopover(reader, /^Claim: /);
    await claim.getByRole('button', { name: 'Add note to this claim' }).click();
    await waitForEditorFocus(reader);
    const placedBefore = await notesPlaced(reader);
    await reader.keyboard.type('Attached to the claim: compare with the fact sheet');
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    // The page repaints with the new note (its markers too): wait for that before clicking one.
    await waitForNotesPlaced(reader, placedBefore + 1, 'the claim’s note to be placed');
    await probe.click((await probe.find('button', /^Claim: /))[0]!);
    const reopened = await waitForPopover(reader, /^Claim: /);
    await waitUntil(
      async () => (await reopened.textContent()) ?? '',
      (text) => text.includes('Attached to the claim: compare with the fact sheet'),
      { what: 'the note in the claim’s popover' },
    );
  });

  it('takes a whole paragraph that holds a claim, selected with a triple-click', async () => {
    await reader.bringToFront();
    await reader.keyboard.press('Escape');
    const box = await findPassage(reader, 'Currently, one of the most relevant points');
    // On the paragraph's first word, which no claim covers.
    await reader.mouse.click(box.from.x + 4, box.from.y, { clickCount: 3 });
    await probe.click(await probe.waitFor('button', 'Add note'));
    const editor = await waitForPopover(reader, 'Add note');
    const quote = ((await editor.getByLabel('Passage').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(quote).toContain('Currently, one of the most relevant points');
    expect(quote).toContain('diplomatic crisis with Canada');
    expect(quote).toContain('the more this harms Mexican interests.');
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
  });

  it('takes a passage whose drag ends just after a claim’s last word', async () => {
    // A click on the page's empty margin clears the paragraph selected above.
    await reader.mouse.click(1270, 890);
    await selectWithMouse(
      reader,
      'in addition to having generated a diplomatic crisis with Canada due to the allocation of illegal immigrants on the northern border',
    );
    await probe.click(await probe.waitFor('button', 'Add note'));
    const editor = await waitForPopover(reader, 'Add note');
    expect(await editor.getByLabel('Passage').textContent()).toContain('northern border');
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
  });

  it('keeps what was typed when the editor is closed with Escape, and gives it back', async () => {
    await reader.mouse.click(1270, 890);
    const passage = 'Washington and the Latin world';
    await selectWithMouse(reader, passage);
    await probe.click(await probe.waitFor('button', 'Add note'));
    await waitForEditorFocus(reader);
    await reader.keyboard.type('Half a thought');
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
    await probe.waitFor('StaticText', /^Draft kept/);
    await reader.mouse.click(1270, 890);
    await selectWithMouse(reader, passage);
    await probe.click(await probe.waitFor('button', 'Add note'));
    const editor = await waitForPopover(reader, 'Add note');
    const field = editor.getByRole('textbox', { name: 'Note' });
    await waitUntil(
      () => field.inputValue(),
      (value) => value === 'Half a thought',
      { what: 'the draft back in the note field' },
    );
    expect(await editor.getByText('Your unsaved draft is back.').count()).toBe(1);
    await reader.keyboard.press('Escape');
    await waitForPopoverClosed(reader);
  });

  it('saves a note on the article served over http, where the page has no crypto.randomUUID', async () => {
    const plain = await session.open(ARTICLE_URL_VARIANT);
    expect(await plain.evaluate(() => typeof crypto.randomUUID)).toBe('undefined');
    await claimsPainted(plain);
    const plainProbe = await probeAccessibility(plain);
    try {
      const before = await waitUntil(
        () => notesPlaced(plain),
        // The notes saved by the tests above, on the same article: the page reported them.
        (placed) => placed >= 3,
        { what: 'the http page to report its notes' },
      );
      await addNote(plain, plainProbe, OTHER_PASSAGE, 'Saved from the http address');
      await waitForNotesPlaced(plain, before + 1, 'the http page to place its new note');
    } finally {
      await plainProbe.detach();
      await plain.close();
    }
  });

  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
