/**
 * The toolbar popup and the notes manager in real Chromium, as a reader uses them: the switches
 * change two open article tabs at once; notes stored in the extension's database are listed,
 * searched, edited, deleted and restored from the popup; "Show in page" brings the article's tab
 * forward (or opens it) with the note's popover open; files are imported (a bad one explained)
 * and exported as downloads. Screenshots of the popup in light and dark go to the artefacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate } from '../components/dates';
import { loadBundledPacks } from '../utils/packs';
import { buildExportFile } from '../utils/popup/notes-transfer';
import { DEFAULT_SHORTCUTS } from '../utils/shortcuts';
import type { Note } from '../utils/store/types';
import { ARTICLE_HEADLINE, ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts } from './harness/page-ui';
import { artifactsDir } from './harness/paths';
import { waitForPopover } from './harness/popover';
import { notesShown } from './harness/reader';
import { pressBrowserShortcut } from './harness/shortcuts';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const ARTICLE_KEY = pack.article.id;
const SECOND_TAB_URL = `${ARTICLE_URL}?from=newsletter`;
const OTHER_URL = 'https://www.globalresearch.ca/another-article/1234567';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function note(n: number, fields: Partial<Note> & { exact: string }): Note {
  const { exact, ...rest } = fields;
  const time = new Date(Date.UTC(2026, 0, 1, 9, n)).toISOString();
  return {
    id: uuid(n),
    articleKey: ARTICLE_KEY,
    url: ARTICLE_URL,
    articleTitle: ARTICLE_HEADLINE,
    target: { selectors: [{ type: 'TextQuoteSelector', exact }] },
    body: `Note ${n}`,
    tags: [],
    created: time,
    modified: time,
    ...rest,
  };
}

const POVERTY = note(1, {
  exact: 'the more poverty in these countries, the more there will be immigrants in the US',
  body: 'Poverty and migration: check the 2021 remittance figures',
  tags: ['migration'],
});
const TRIANGLE = note(2, {
  exact: 'Honduras, El Salvador, and Guatemala',
  body: 'Northern Triangle aid: what was actually promised?',
  tags: ['aid'],
});
const CRISIS = note(3, {
  exact: 'an alternative to the migration crisis',
  body: 'Compare with the 2019 agreement on asylum seekers',
  tags: ['migration', 'policy'],
});
const LOST = note(4, {
  exact: 'a sentence that the article does not contain anywhere',
  body: 'Written on an older version of the page',
});
const ELSEWHERE = [5, 6, 7].map((n) =>
  note(n, {
    exact: `passage ${n}`,
    articleKey: '/another-article/1234567',
    url: OTHER_URL,
    articleTitle: 'Another article',
    body: `Elsewhere note ${n} about trade`,
    tags: ['trade'],
  }),
);
const SEEDED = [POVERTY, TRIANGLE, CRISIS, LOST, ...ELSEWHERE];
const EDITED_BODY = 'Northern Triangle aid: 4 billion dollars over four years, per the White House';

let session: ChromiumSession;
let tabA: Page;
let tabB: Page;
let tabIdA: number;

/** Writes notes straight into the extension's database, as if the reader had written them. */
async function seedNotes(notes: Note[]): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(async (records) => {
    // The background creates and upgrades the database; never create it from here.
    for (let tries = 0; tries < 100; tries++) {
      const known = await indexedDB.databases();
      if (known.some((entry) => entry.name === 'counterpoint')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('counterpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('notes', 'readwrite');
      for (const record of records) tx.objectStore('notes').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // The background keeps each article's notes until a change names it, as an import would.
    await chrome.storage.local.set({
      notesChanged: {
        articleKeys: [...new Set(records.map((record) => record.articleKey))],
        stamp: `seed-${Date.now()}`,
      },
    });
  }, notes);
}

/** A note as stored now, or null. */
async function storedNote(id: string): Promise<Note | null> {
  const worker = await session.worker();
  return worker.evaluate(async (noteId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('counterpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const found = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('notes').objectStore('notes').get(noteId);
      request.onsuccess = () => resolve(request.result ?? null);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return found as Note | null;
  }, id);
}

async function layerTexts(page: Page, layer: 'claim' | 'note'): Promise<string[]> {
  if (layer === 'note') {
    // Note passages are not in the page's registry: the page side reports how many it paints.
    return Array.from({ length: await notesShown(session, page) }, () => 'note');
  }
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes(layer))
    .flatMap(([, texts]) => texts);
}

async function pageReady(page: Page): Promise<void> {
  await waitUntil(
    () => layerTexts(page, 'claim'),
    (texts) => texts.length === pack?.claims.length,
    { what: 'every claim to be highlighted' },
  );
  await waitUntil(
    () => layerTexts(page, 'note'),
    (texts) => texts.length === 3,
    { what: 'the three placeable notes to be highlighted' },
  );
}

async function openPopupReady(tabId?: number): Promise<Page> {
  const popup = await session.openPopup(tabId);
  await popup.setViewportSize({ width: 380, height: 900 });
  await popup.getByRole('switch', { name: 'Claim highlights' }).waitFor();
  return popup;
}

/** The tab the extension opened at an address (a new tab's address is blank at first). */
async function pageShowing(address: string): Promise<Page> {
  const found = await waitUntil(
    async () => session.context.pages().find((page) => page.url().startsWith(address)),
    (page) => page !== undefined,
    { what: `a tab showing ${address}` },
  );
  return found as Page;
}

function noteCards(popup: Page) {
  return popup.getByRole('article', { name: /^Note: / });
}

beforeAll(async () => {
  session = await launchChromium();
  // The first page makes sure the background has created the database before notes go in.
  const warmUp = await session.open(ARTICLE_URL);
  await waitUntil(
    async () => session.badgeText(await session.tabIdOf(warmUp)),
    (text) => text !== '',
    { what: 'the article to be recognised' },
  );
  await seedNotes(SEEDED);
  await warmUp.close();
  tabA = await session.open(ARTICLE_URL);
  tabB = await session.open(SECOND_TAB_URL);
  tabIdA = await session.tabIdOf(tabA);
  await pageReady(tabA);
  await pageReady(tabB);
});

afterAll(async () => {
  await session?.close();
});

describe('the popup on the article', () => {
  it('says what the tab shows, lists the claims and the note that could not be placed', async () => {
    const popup = await openPopupReady(tabIdA);
    const status = popup.getByRole('status').filter({ hasText: 'recognised' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Global Research article recognised');
    expect(await status.textContent()).toContain(ARTICLE_HEADLINE);
    const total = pack?.claims.length ?? 0;
    await popup.getByText(`${total} of ${total} claims found on this page`).waitFor();
    // When the claims were reviewed, and the way to how they were checked (a new tab).
    await popup.getByText(`Claims reviewed ${formatPartialDate(pack.lastReviewed)}`).waitFor();
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'How Counterpoint checks' }).click();
    const method = await opened;
    await method.getByRole('heading', { level: 1, name: 'How Counterpoint checks' }).waitFor();
    expect(method.url()).toBe(`chrome-extension://${session.extensionId}/method.html`);
    await method.close();
    const orphans = popup.getByRole('region', { name: '1 note could not be placed' });
    expect(await orphans.textContent()).toContain(
      'a sentence that the article does not contain anywhere',
    );
    // This article's notes first, newest first (card names carry the note's first words).
    const names = await noteCards(popup).evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('aria-label') ?? ''),
    );
    expect(names.map((name) => name.slice('Note: '.length, 'Note: '.length + 20))).toEqual(
      [LOST, CRISIS, TRIANGLE, POVERTY].map((entry) => entry.body.slice(0, 20)),
    );

    const screenshots = artifactsDir('screenshots');
    await popup.screenshot({ path: join(screenshots, 'popup-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(screenshots, 'popup-dark.png'), fullPage: true });
    await popup.close();
  });

  it('turns claim highlights off and on in both open tabs at once', async () => {
    const popup = await openPopupReady(tabIdA);
    const claims = popup.getByRole('switch', { name: 'Claim highlights' });
    expect(await claims.getAttribute('aria-checked')).toBe('true');
    await claims.click();
    expect(await claims.getAttribute('aria-checked')).toBe('false');
    for (const tab of [tabA, tabB]) {
      await waitUntil(
        () => layerTexts(tab, 'claim'),
        (texts) => texts.length === 0,
        { what: 'claim highlights to go' },
      );
      // The notes layer is a separate switch and stays.
      expect(await layerTexts(tab, 'note')).toHaveLength(3);
    }
    await claims.click();
    for (const tab of [tabA, tabB]) {
      await waitUntil(
        () => layerTexts(tab, 'claim'),
        (texts) => texts.length === pack?.claims.length,
        { what: 'claim highlights to return' },
      );
    }
    await popup.close();
  });

  it('turns note highlights off and on, and follows a change made elsewhere', async () => {
    const popup = await openPopupReady(tabIdA);
    const notes = popup.getByRole('switch', { name: 'Note highlights' });
    await notes.click();
    for (const tab of [tabA, tabB]) {
      await waitUntil(
        () => layerTexts(tab, 'note'),
        (texts) => texts.length === 0,
        { what: 'note highlights to go' },
      );
    }
    // Another window (or the keyboard command) turns it back on: the switch follows.
    const worker = await session.worker();
    await worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { claimHighlights: true, noteHighlights: true, pausedHosts: [] },
      }),
    );
    await waitUntil(
      () => notes.getAttribute('aria-checked'),
      (checked) => checked === 'true',
      { what: 'the switch to follow' },
    );
    await waitUntil(
      () => layerTexts(tabB, 'note'),
      (texts) => texts.length === 3,
      { what: 'note highlights to return' },
    );
    await popup.close();
  });
  it('gets every default keyboard shortcut from the browser (none is one it reserves)', async () => {
    const worker = await session.worker();
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    const assigned = Object.fromEntries(
      commands.map((command) => [command.name, command.shortcut]),
    );
    expect(assigned['toggle-highlights']).toBe(DEFAULT_SHORTCUTS.toggleHighlights);
    expect(assigned['add-note']).toBe(DEFAULT_SHORTCUTS.addNote);
  });

  it('turns both layers off and on in both tabs with the keyboard command (Alt+Shift+H)', async () => {
    const popup = await openPopupReady(tabIdA);
    const claimsSwitch = popup.getByRole('switch', { name: 'Claim highlights' });
    const notesSwitch = popup.getByRole('switch', { name: 'Note highlights' });
    await tabA.bringToFront();
    await pressBrowserShortcut(tabA, 'Alt+Shift+H');
    for (const tab of [tabA, tabB]) {
      await waitUntil(
        async () => [...(await layerTexts(tab, 'claim')), ...(await layerTexts(tab, 'note'))],
        (texts) => texts.length === 0,
        { what: 'every highlight to go' },
      );
    }
    // The popup's switches follow the command.
    await waitUntil(
      async () => [
        await claimsSwitch.getAttribute('aria-checked'),
        await notesSwitch.getAttribute('aria-checked'),
      ],
      (checked) => checked.every((value) => value === 'false'),
      { what: 'the switches to follow' },
    );
    await pressBrowserShortcut(tabA, 'Alt+Shift+H');
    for (const tab of [tabA, tabB]) await pageReady(tab);
    expect(await claimsSwitch.getAttribute('aria-checked')).toBe('true');
    await popup.close();
  });

  it('works by keyboard: Tab to a switch, Space to change it, Enter on a claim to open it', async () => {
    const popup = await openPopupReady(tabIdA);
    const probe = await probeAccessibility(popup);
    const claimsLayer = popup.getByRole('switch', { name: 'Claim highlights' });
    const firstClaim = pack?.claims[0];
    try {
      const focusedName = async () => (await probe.focused())?.name?.value ?? '';
      // The switches are the first controls in reading order.
      await popup.keyboard.press('Tab');
      expect(await focusedName()).toBe('Claim highlights');
      await popup.keyboard.press('Space');
      expect(await claimsLayer.getAttribute('aria-checked')).toBe('false');
      await waitUntil(
        () => layerTexts(tabA, 'claim'),
        (texts) => texts.length === 0,
        { what: 'claim highlights to go' },
      );
      await popup.keyboard.press('Space');
      expect(await claimsLayer.getAttribute('aria-checked')).toBe('true');

      // Past the other switches to the folded list of claims: Enter unfolds it.
      for (let presses = 0; presses < 5 && !(await focusedName()).startsWith('The '); presses++) {
        await popup.keyboard.press('Tab');
      }
      expect(await focusedName()).toMatch(/^The \d+ claims/);
      await popup.keyboard.press('Enter');
      await popup.keyboard.press('Tab');
      expect(await focusedName()).toContain(firstClaim?.quote.exact.slice(0, 30));
      // Enter opens the claim in the page and closes the popup, sometimes before the key's
      // release reaches it: a popup closed that way is what should happen.
      await popup.keyboard.press('Enter').catch((error: unknown) => {
        if (!popup.isClosed()) throw error;
      });
    } finally {
      // Opening a claim closes the popup, and its debugging session with it.
      await probe.detach().catch(() => undefined);
    }
    const dialog = await waitForPopover(tabA, /^Claim: /, 10_000);
    expect(await dialog.textContent()).toContain(firstClaim?.summary ?? '');
    await tabA.keyboard.press('Escape');
    if (!popup.isClosed()) await popup.close();
  });
});

describe('notes in the popup', () => {
  it('narrows the list as the reader types a search', async () => {
    const popup = await openPopupReady(tabIdA);
    await popup.getByRole('radio', { name: /^All articles/ }).check();
    await waitUntil(
      () => noteCards(popup).count(),
      (count) => count === SEEDED.length,
      { what: 'every note' },
    );
    const search = popup.getByRole('searchbox', { name: 'Search notes' });
    await search.pressSequentially('migration');
    // Body, quoted passage and tags all count: two notes mention migration.
    await waitUntil(
      () => noteCards(popup).count(),
      (count) => count === 2,
      { what: 'the list to narrow' },
    );
    await search.fill('trade');
    await waitUntil(
      () => noteCards(popup).count(),
      (count) => count === ELSEWHERE.length,
      { what: 'the trade notes' },
    );
    await popup.close();
  });

  it('edits a note in place and stores the new text', async () => {
    const popup = await openPopupReady(tabIdA);
    await popup.getByRole('button', { name: /^Edit note: Northern Triangle aid/ }).click();
    const editor = popup.getByRole('dialog', { name: 'Edit note' });
    await editor.getByRole('textbox', { name: 'Note' }).fill(EDITED_BODY);
    await editor.getByRole('button', { name: 'Save' }).click();
    await popup.getByRole('article', { name: /^Note: Northern Triangle aid: 4 billion/ }).waitFor();
    const stored = await waitUntil(
      () => storedNote(TRIANGLE.id),
      (value) => value?.body === EDITED_BODY,
      { what: 'the stored note to change' },
    );
    expect((stored?.modified ?? '') > TRIANGLE.modified).toBe(true);
    await popup.close();
  });

  it('deletes a note and Undo brings it back', async () => {
    const popup = await openPopupReady(tabIdA);
    await popup.getByRole('button', { name: /^Delete note: Compare with the 2019/ }).click();
    await popup.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await popup.getByRole('article', { name: /^Note: Compare with the 2019/ }).count()).toBe(
      0,
    );
    expect((await storedNote(CRISIS.id))?.deletedAt).toBeDefined();
    await waitUntil(
      () => layerTexts(tabA, 'note'),
      (texts) => texts.length === 2,
      { what: 'the highlight to go from the page' },
    );
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByRole('article', { name: /^Note: Compare with the 2019/ }).waitFor();
    expect((await storedNote(CRISIS.id))?.deletedAt).toBeUndefined();
    await waitUntil(
      () => layerTexts(tabA, 'note'),
      (texts) => texts.length === 3,
      { what: 'the highlight to return' },
    );
    await popup.close();
  });

  it("shows a note in the article's open tab: the tab comes forward with the note open", async () => {
    await tabB.close();
    const popup = await openPopupReady();
    await popup
      .getByRole('button', { name: /^Show in page: Northern Triangle aid: 4 billion/ })
      .click();
    const dialog = await waitForPopover(tabA, 'Your note', 10_000);
    expect(await dialog.textContent()).toContain('4 billion dollars');
    const worker = await session.worker();
    const active = await worker.evaluate(async () =>
      (await chrome.tabs.query({ active: true })).map((tab) => tab.id),
    );
    expect(active).toContain(tabIdA);
    if (!popup.isClosed()) await popup.close();
  });

  it('opens the article to show a note when no tab shows it', async () => {
    await tabA.close();
    const popup = await openPopupReady();
    await popup.getByRole('button', { name: /^Show in page: Poverty and migration/ }).click();
    const article = await pageShowing(ARTICLE_URL);
    const dialog = await waitForPopover(article, 'Your note', 15_000);
    expect(await dialog.textContent()).toContain('remittance figures');
    tabA = article;
    tabIdA = await session.tabIdOf(article);
    if (!popup.isClosed()) await popup.close();
  });
});

describe('export and import', () => {
  it('exports every note as a JSON-LD download', async () => {
    const popup = await openPopupReady();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export notes (JSON-LD)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^counterpoint-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const saved = JSON.parse(readFileSync((await file.path()) as string, 'utf8'));
    expect(saved.total).toBe(SEEDED.length);
    await popup.close();
  });

  it('imports a file and says what was added; importing it again adds nothing', async () => {
    const fresh = [8, 9].map((n) =>
      note(n, { exact: 'Honduras, El Salvador, and Guatemala', body: `Imported note ${n}` }),
    );
    const file = buildExportFile([...fresh, POVERTY], 'jsonld', { kind: 'all' }, new Date());
    const popup = await openPopupReady();
    const input = popup.getByLabel('Import notes');
    await input.setInputFiles({
      name: file.filename,
      mimeType: 'application/ld+json',
      buffer: Buffer.from(file.content),
    });
    await popup
      .getByRole('status')
      .filter({ hasText: 'Added 2 notes; skipped 1 already present.' })
      .waitFor();
    await popup.getByRole('article', { name: 'Note: Imported note 8' }).waitFor();
    expect((await storedNote(uuid(9)))?.body).toBe('Imported note 9');
    await input.setInputFiles({
      name: file.filename,
      mimeType: 'application/ld+json',
      buffer: Buffer.from(file.content),
    });
    await popup.getByRole('status').filter({ hasText: 'Added no notes; skipped 3' }).waitFor();
    await popup.close();
  });

  it('explains a bad file and leaves the notes as they were', async () => {
    const popup = await openPopupReady();
    const before = await popup.getByText(/^\d+ notes$/).textContent();
    await popup.getByLabel('Import notes').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"oops": '),
    });
    const alert = popup.getByRole('alert').filter({ hasText: 'The file is not JSON' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing was imported.');
    expect(await popup.getByText(/^\d+ notes$/).textContent()).toBe(before);
    await popup.close();
  });
});

describe('the notes manager', () => {
  it('opens from the popup and lists every note at full width', async () => {
    const popup = await openPopupReady();
    await popup.getByRole('button', { name: 'Open notes manager' }).click();
    const manager = await pageShowing(`chrome-extension://${session.extensionId}/notes.html`);
    await manager.getByRole('heading', { name: 'Counterpoint notes', level: 1 }).waitFor();
    await waitUntil(
      () => noteCards(manager).count(),
      (count) => count === SEEDED.length + 2,
      { what: 'every note in the manager' },
    );
    await manager.getByRole('searchbox', { name: 'Search notes' }).fill('imported');
    await waitUntil(
      () => noteCards(manager).count(),
      (count) => count === 2,
      { what: 'the search to narrow the manager' },
    );
    await manager.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await manager.screenshot({ path: join(artifactsDir('screenshots'), 'notes-manager.png') });
    await manager.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('made no network request of its own during the run', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
};
