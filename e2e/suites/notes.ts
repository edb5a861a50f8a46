/**
 * Personal notes, one suite for every browser, as a reader uses them: select text with the mouse,
 * "Add note", type in the editor (in the popover frame, an extension page), save; the passage is
 * painted, survives a reload, appears in a second open tab without a reload, can be opened by a
 * click on it, edited, deleted and restored. And the page's own scripts can find the note's text
 * nowhere: not in the DOM (open shadow roots included), not in the page's storage.
 * `notes.chromium.e2e.ts` and `notes.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { ARTICLE_URL_VARIANT } from '../harness/offline-site';
import { findPassage } from '../harness/selection';
import { readTabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';
import { clickPassage, selectPassage, waitForEditorFocus } from './reader-actions';

const PASSAGE = 'the more poverty in these countries, the more there will be immigrants in the US';
/** A passage of the article that no claim covers, for a note started and then abandoned. */
const OTHER_PASSAGE = 'any optimism regarding this topic should be carefully considered';
const NOTE_TEXT = 'Counterpoint private note 7f3a: check the migration figures';
const EDITED_TEXT = 'Counterpoint private note 7f3a, edited: compare with 2021 data';

/** The page's Custom Highlight API highlights, by name. */
function highlightedTexts(tab: ArticleTab): Promise<Record<string, string[]>> {
  return tab.evaluate(() => {
    const result: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    for (const [name, highlight] of registry ?? []) {
      result[name] = [...highlight].map((range) => range.toString());
    }
    return result;
  }, undefined);
}

async function claimsPainted(tab: ArticleTab): Promise<void> {
  await waitUntil(
    async () => Object.keys(await highlightedTexts(tab)).length,
    (count) => count > 0,
    { what: 'Counterpoint to paint the page', timeoutMs: 15_000 },
  );
}

/** Where a passage is on screen (scrolled into view). */
function locate(tab: ArticleTab, passage: string) {
  return findPassage(
    {
      evaluate: tab.evaluate as never,
      mouse: { ...tab.mouse, move: (x, y) => tab.mouse.move(x, y) },
    },
    passage,
  );
}

/**
 * Clicks the page's empty margin at the bottom right, which clears a selection: inside the
 * viewport's content, not on a scroll bar (Firefox has one there; a click on it scrolls and
 * leaves the selection).
 */
async function clickMargin(tab: ArticleTab): Promise<void> {
  const corner = await tab.evaluate(
    () => ({
      x: document.documentElement.clientWidth - 10,
      y: document.documentElement.clientHeight - 10,
    }),
    undefined,
  );
  await tab.mouse.click(corner.x, corner.y);
}

/** Everything a page script can read: light DOM text and attributes, open shadow roots. */
function pageCanSee(tab: ArticleTab, secret: string): Promise<string[]> {
  return tab.evaluate(async (needle: string) => {
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

/** Defines the notes suite for one browser. */
export function defineNotesSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let reader: ArticleTab;
  let otherTab: ArticleTab;

  /** How many notes the page reports placed (to the background; the page never learns it). */
  async function notesPlaced(tab: ArticleTab): Promise<number> {
    return (await readTabRecord(session, tab))?.notesAnchored ?? 0;
  }

  async function waitForNotesPlaced(tab: ArticleTab, count: number, what: string): Promise<void> {
    await waitUntil(
      () => notesPlaced(tab),
      (placed) => placed === count,
      { what },
    );
  }

  /** Selects a passage with the mouse, presses "Add note", types the note and saves it. */
  async function addNote(tab: ArticleTab, passage: string, text: string): Promise<void> {
    await selectPassage(tab, passage);
    await tab.click(await tab.waitForControl('button', 'Add note'));
    await waitForEditorFocus(tab);
    await tab.keyboard.type(text);
    await tab.keyboard.press('Control+Enter');
    await tab.waitForText('Note saved.');
    await tab.popover.waitClosed();
  }

  beforeAll(async () => {
    session = await driver.launch();
    otherTab = await session.open(ARTICLE_URL);
    reader = await session.open(ARTICLE_URL);
    await claimsPainted(reader);
    await claimsPainted(otherTab);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`notes in ${driver.name}`, () => {
    it('adds a note to a passage selected with the mouse', async () => {
      await reader.bringToFront();
      await selectPassage(reader, PASSAGE);
      await reader.click(await reader.waitForControl('button', 'Add note'));
      const editor = await reader.popover.waitFor('Add note');
      expect(editor.textboxes.filter((box) => box.name === 'Note')).toHaveLength(1);
      // The editor puts the cursor in the note field.
      await waitUntil(
        () => reader.popover.focus(),
        (focus) => focus?.tag === 'textarea',
        { what: 'focus in the note field' },
      );
      await reader.keyboard.type(NOTE_TEXT);
      await reader.keyboard.press('Control+Enter');
      await reader.waitForText('Note saved.');
      await reader.popover.waitClosed();
      await waitForNotesPlaced(reader, 1, 'the note to be placed');
      // Note passages are not in the page's highlight registry, under any name.
      const registered = Object.values(await highlightedTexts(reader)).flat();
      expect(registered.some((text) => text.includes(PASSAGE.slice(0, 30)))).toBe(false);
    });

    it('opens the editor for the selected text with the keyboard command (Alt+Shift+M)', async () => {
      await reader.bringToFront();
      await selectPassage(reader, OTHER_PASSAGE);
      await reader.pressBrowserShortcut('Alt+Shift+M');
      const editor = await reader.popover.waitFor('Add note');
      // The editor shows the selected passage and takes the focus, as from the button.
      expect(editor.passage).toContain(OTHER_PASSAGE.slice(0, 20));
      await waitUntil(
        () => reader.popover.focus(),
        (focus) => focus?.tag === 'textarea',
        { what: 'focus in the note field' },
      );
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
      expect(await notesPlaced(reader)).toBe(1);
    });

    it('shows the note in a second open tab of the article, without a reload', async () => {
      await waitForNotesPlaced(otherTab, 1, 'the note in the other tab');
    });

    it('keeps the note across a reload, and a click on its passage opens it', async () => {
      await reader.reload();
      await claimsPainted(reader);
      await waitForNotesPlaced(reader, 1, 'the note after reload');
      await clickPassage(reader, PASSAGE);
      const dialog = await reader.popover.waitFor('Your note');
      expect(dialog.text).toContain(NOTE_TEXT);
    });

    it('keeps the note’s text out of the page’s reach while its popover is open', async () => {
      expect(await pageCanSee(reader, NOTE_TEXT)).toEqual([]);
      expect(await pageCanSee(otherTab, NOTE_TEXT)).toEqual([]);
    });

    it('edits the note', async () => {
      await reader.popover.waitFor('Your note');
      await reader.popover.clickByRole('button', 'Edit');
      await waitForEditorFocus(reader, 'Edit note');
      await reader.keyboard.press('Control+A');
      await reader.keyboard.type(EDITED_TEXT);
      await reader.popover.clickByRole('button', 'Save');
      await reader.waitForText('Note updated.');
      await clickPassage(reader, PASSAGE);
      await reader.popover.waitFor('Your note');
      await waitUntil(
        async () => (await reader.popover.read())?.text ?? '',
        (text) => text.includes(EDITED_TEXT),
        { what: 'the edited text in the popover' },
      );
    });

    it('deletes the note and brings it back with Undo', async () => {
      await reader.popover.waitFor('Your note');
      await reader.popover.clickByRole('button', 'Delete');
      await waitForNotesPlaced(reader, 0, 'the note to go');
      await reader.click(await reader.waitForControl('button', 'Undo'));
      await waitForNotesPlaced(reader, 1, 'the note to return');
      await waitForNotesPlaced(otherTab, 1, 'the other tab to follow');
    });

    it('shows text that looks like HTML as text, and never runs it', async () => {
      const passage = 'Mexico wants the US to help poor Central American nations';
      await selectPassage(reader, passage);
      await reader.click(await reader.waitForControl('button', 'Add note'));
      await waitForEditorFocus(reader);
      const hostile =
        '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>**bold**';
      await reader.keyboard.type(hostile);
      await reader.keyboard.press('Control+Enter');
      await reader.waitForText('Note saved.');
      await waitForNotesPlaced(reader, 2, 'the second note');
      await clickPassage(reader, passage);
      const dialog = await reader.popover.waitFor('Your note');
      expect(dialog.text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(
        await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned, undefined),
      ).toBeUndefined();
      expect(dialog.embedded).toBe(0);
    });

    it('adds a note to a claim from its popover, and shows it there', async () => {
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
      await reader.click(await reader.waitForControl('button', /^Claim: /));
      await reader.popover.waitFor(/^Claim: /);
      await reader.popover.clickByRole('button', 'Add note to this claim');
      await waitForEditorFocus(reader);
      const placedBefore = await notesPlaced(reader);
      await reader.keyboard.type('Attached to the claim: compare with the fact sheet');
      await reader.keyboard.press('Control+Enter');
      await reader.waitForText('Note saved.');
      // The page repaints with the new note (its markers too): wait for that before clicking one.
      await waitForNotesPlaced(reader, placedBefore + 1, 'the claim’s note to be placed');
      await reader.click(await reader.waitForControl('button', /^Claim: /));
      await reader.popover.waitFor(/^Claim: /);
      await waitUntil(
        async () => (await reader.popover.read())?.text ?? '',
        (text) => text.includes('Attached to the claim: compare with the fact sheet'),
        { what: 'the note in the claim’s popover' },
      );
    });

    it('takes a whole paragraph that holds a claim, selected with a triple-click', async () => {
      await reader.bringToFront();
      await reader.keyboard.press('Escape');
      // Closed first: focus goes back to the claim's marker, which scrolls the page to it, and
      // the paragraph must be found where it is after that.
      await reader.popover.waitClosed();
      const box = await locate(reader, 'Currently, one of the most relevant points');
      // On the paragraph's first word, which no claim covers.
      await reader.mouse.click(box.from.x + 4, box.from.y, 3);
      await reader.click(await reader.waitForControl('button', 'Add note'));
      const editor = await reader.popover.waitFor('Add note');
      const quote = (editor.passage ?? '').replace(/\s+/g, ' ');
      expect(quote).toContain('Currently, one of the most relevant points');
      expect(quote).toContain('diplomatic crisis with Canada');
      expect(quote).toContain('the more this harms Mexican interests.');
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
    });

    it('takes a passage whose drag ends just after a claim’s last word', async () => {
      // A click on the page's empty margin clears the paragraph selected above.
      await clickMargin(reader);
      await selectPassage(
        reader,
        'in addition to having generated a diplomatic crisis with Canada due to the allocation of illegal immigrants on the northern border',
      );
      await reader.click(await reader.waitForControl('button', 'Add note'));
      const editor = await reader.popover.waitFor('Add note');
      expect(editor.passage).toContain('northern border');
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
    });

    it('keeps what was typed when the editor is closed with Escape, and gives it back', async () => {
      await clickMargin(reader);
      const passage = 'Washington and the Latin world';
      await selectPassage(reader, passage);
      await reader.click(await reader.waitForControl('button', 'Add note'));
      await waitForEditorFocus(reader);
      await reader.keyboard.type('Half a thought');
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
      await reader.waitForText(/^Draft kept/);
      await clickMargin(reader);
      await selectPassage(reader, passage);
      await reader.click(await reader.waitForControl('button', 'Add note'));
      await reader.popover.waitFor('Add note');
      const editor = await waitUntil(
        () => reader.popover.read(),
        (shown) => shown?.textboxes.find((box) => box.name === 'Note')?.value === 'Half a thought',
        { what: 'the draft back in the note field' },
      );
      expect(editor?.text.split('Your unsaved draft is back.')).toHaveLength(2);
      await reader.keyboard.press('Escape');
      await reader.popover.waitClosed();
    });

    it('saves a note on the article served over http, where the page has no crypto.randomUUID', async () => {
      const plain = await session.open(ARTICLE_URL_VARIANT);
      try {
        expect(await plain.evaluate(() => typeof crypto.randomUUID, undefined)).toBe('undefined');
        await claimsPainted(plain);
        const before = await waitUntil(
          () => notesPlaced(plain),
          // The notes saved by the tests above, on the same article: the page reported them.
          (placed) => placed >= 3,
          { what: 'the http page to report its notes' },
        );
        await addNote(plain, OTHER_PASSAGE, 'Saved from the http address');
        await waitForNotesPlaced(plain, before + 1, 'the http page to place its new note');
      } finally {
        await plain.close();
      }
    });

    it('made no network request of its own', () => {
      expect(session.unexpectedRequests).toEqual([]);
    });
  });
}
