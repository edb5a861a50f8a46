/**
 * Personal notes in real Chromium, as a reader uses them: select text with the mouse, "Add note",
 * type, save; the passage is highlighted in the notes layer, survives a reload, appears in a
 * second open tab without a reload, can be edited, deleted and restored. And the page's own
 * scripts can find the note's text nowhere: not in the DOM (open shadow roots included), not in
 * the page's storage.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts } from './harness/page-ui';
import { selectWithMouse } from './harness/selection';
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

async function noteHighlights(page: Page): Promise<string[]> {
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes('note'))
    .flatMap(([, texts]) => texts.map((text) => text.replace(/\s+/g, ' ').trim()));
}

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
    const editor = await probe.waitFor('dialog', 'Add note');
    const [box] = await probe.within(editor, 'textbox', 'Note');
    expect(box).toBeDefined();
    // The editor puts the cursor in the note field.
    await waitUntil(
      () => probe.focused(),
      (node) => node?.name?.value === 'Note',
      {
        what: 'focus in the note field',
      },
    );
    await reader.keyboard.type(NOTE_TEXT);
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    expect(
      await waitUntil(
        () => noteHighlights(reader),
        (texts) => texts.length === 1,
        { what: 'the note highlight' },
      ),
    ).toEqual([PASSAGE]);
  });

  it('opens the editor for the selected text with the keyboard command (Alt+Shift+M)', async () => {
    await reader.bringToFront();
    await selectWithMouse(reader, OTHER_PASSAGE);
    await pressBrowserShortcut(reader, 'Alt+Shift+M');
    const editor = await probe.waitFor('dialog', 'Add note');
    // The editor shows the selected passage and takes the focus, as from the button.
    expect(await probe.within(editor, 'blockquote', 'Passage')).toHaveLength(1);
    await waitUntil(
      () => probe.focused(),
      (node) => node?.name?.value === 'Note',
      { what: 'focus in the note field' },
    );
    await reader.keyboard.press('Escape');
    await waitUntil(
      () => probe.find('dialog', 'Add note'),
      (dialogs) => dialogs.length === 0,
      { what: 'the editor to close without saving' },
    );
    expect(await noteHighlights(reader)).toEqual([PASSAGE]);
  });

  it('shows the note in a second open tab of the article, without a reload', async () => {
    expect(
      await waitUntil(
        () => noteHighlights(otherTab),
        (texts) => texts.length === 1,
        { what: 'the note in the other tab' },
      ),
    ).toEqual([PASSAGE]);
  });

  it('keeps the note across a reload, with a marker that opens it', async () => {
    await reader.reload({ waitUntil: 'load' });
    await waitUntil(
      () => noteHighlights(reader),
      (texts) => texts.length === 1,
      { what: 'the note after reload' },
    );
    await probe.detach();
    probe = await probeAccessibility(reader);
    const marker = await probe.waitFor(
      'button',
      new RegExp(`^Your note: ${NOTE_TEXT.slice(0, 20)}`),
    );
    await probe.focus(marker);
    await reader.keyboard.press('Enter');
    const dialog = await probe.waitFor('dialog', 'Your note');
    const texts = await probe.within(dialog, 'StaticText');
    expect(texts.map((node) => node.name?.value).join(' ')).toContain(NOTE_TEXT);
  });

  it('keeps the note’s text out of the page’s reach while its popover is open', async () => {
    expect(await pageCanSee(reader, NOTE_TEXT)).toEqual([]);
    expect(await pageCanSee(otherTab, NOTE_TEXT)).toEqual([]);
  });

  it('edits the note', async () => {
    const dialog = await probe.waitFor('dialog', 'Your note');
    const [edit] = await probe.within(dialog, 'button', 'Edit');
    await probe.click(edit!);
    await probe.waitFor('dialog', 'Edit note');
    await reader.keyboard.press('Control+A');
    await reader.keyboard.type(EDITED_TEXT);
    const [save] = await probe.within(await probe.waitFor('dialog', 'Edit note'), 'button', 'Save');
    await probe.click(save!);
    const updated = await probe.waitFor('dialog', 'Your note');
    await waitUntil(
      async () =>
        (await probe.within(updated, 'StaticText')).map((node) => node.name?.value).join(' '),
      (text) => text.includes(EDITED_TEXT),
      { what: 'the edited text in the popover' },
    );
  });

  it('deletes the note and brings it back with Undo', async () => {
    const dialog = await probe.waitFor('dialog', 'Your note');
    const [remove] = await probe.within(dialog, 'button', 'Delete');
    await probe.click(remove!);
    await waitUntil(
      () => noteHighlights(reader),
      (texts) => texts.length === 0,
      { what: 'the highlight to go' },
    );
    const undo = await probe.waitFor('button', 'Undo');
    await probe.click(undo);
    expect(
      await waitUntil(
        () => noteHighlights(reader),
        (texts) => texts.length === 1,
        { what: 'the note to return' },
      ),
    ).toEqual([PASSAGE]);
    await waitUntil(
      () => noteHighlights(otherTab),
      (texts) => texts.length === 1,
      { what: 'the other tab to follow' },
    );
  });

  it('shows text that looks like HTML as text, and never runs it', async () => {
    await reader.keyboard.press('Escape');
    await selectWithMouse(reader, 'Mexico wants the US to help poor Central American nations');
    await probe.click(await probe.waitFor('button', 'Add note'));
    await probe.waitFor('dialog', 'Add note');
    const hostile =
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>**bold**';
    await reader.keyboard.type(hostile);
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    const marker = await probe.waitFor('button', /^Your note: <img/);
    await probe.click(marker);
    const dialog = await probe.waitFor('dialog', 'Your note');
    const texts = (await probe.within(dialog, 'StaticText'))
      .map((node) => node.name?.value)
      .join('');
    expect(texts).toContain('<img src=x onerror="window.__pwned=1">');
    expect(
      await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await probe.within(dialog, 'image')).toEqual([]);
  });

  it('adds a note to a claim from its popover, and shows it there', async () => {
    await reader.keyboard.press('Escape');
    const [marker] = await probe.find('button', /^Claim: /);
    await probe.click(marker!);
    const claim = await probe.waitFor('dialog', /^Claim: /);
    const [add] = await probe.within(claim, 'button', 'Add note to this claim');
    await probe.click(add!);
    await probe.waitFor('dialog', 'Add note');
    await reader.keyboard.type('Attached to the claim: compare with the fact sheet');
    await reader.keyboard.press('Control+Enter');
    await probe.waitFor('StaticText', 'Note saved.');
    await probe.click((await probe.find('button', /^Claim: /))[0]!);
    const reopened = await probe.waitFor('dialog', /^Claim: /);
    await waitUntil(
      async () =>
        (await probe.within(reopened, 'StaticText')).map((node) => node.name?.value).join(' '),
      (text) => text.includes('Attached to the claim: compare with the fact sheet'),
      { what: 'the note in the claim’s popover' },
    );
  });

  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
