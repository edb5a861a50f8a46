/**
 * The toolbar popup and the notes manager, one suite for every browser, as a reader uses them:
 * the switches change two open article tabs at once (and follow the keyboard command); notes
 * stored in the extension's database are listed, searched, edited, deleted and restored from the
 * popup; "Show in page" brings the article's tab forward (or opens it) with the note's popover
 * open; notes files are imported (a bad one explained) and exported as downloads, read back from
 * disk; a pack file is loaded from the popup, or, where the popup cannot take a file (Firefox),
 * from the page it opens. Screenshots of the popup in light and dark go to the artefacts.
 * `popup.chromium.e2e.ts` and `popup.firefox.e2e.ts` run it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate } from '../../components/dates';
import { strings as packStrings } from '../../components/popup/pack-files-strings';
import { loadBundledPacks } from '../../utils/packs';
import { buildExportFile } from '../../utils/popup/notes-transfer';
import { PACK_LIST_ANCHOR } from '../../utils/popup/pack-files';
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import type { Note } from '../../utils/store/types';
import { ARTICLE_HEADLINE, ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession, ExtensionTab } from '../harness/driver';
import { artifactsDir } from '../harness/paths';
import { readTabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';

const [firstPack] = loadBundledPacks().packs;
if (!firstPack) throw new Error('no bundled pack');
const pack = firstPack;
const ARTICLE_KEY = pack.article.id;
const CLAIM_COUNT = pack.claims.length;
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
/** Note cards are named by the note's first words. */
const NOTE_CARD = /^Note: /;

/** The extension API of an extension page: `browser` in Firefox, `chrome` in Chromium. */
interface ExtensionApi {
  storage: Record<
    string,
    | {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: object): Promise<void>;
      }
    | undefined
  >;
  tabs: { query(filter: object): Promise<{ id?: number }[]> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
}

/** How many claim ranges the page's highlight registry holds. */
function claimHighlights(tab: ArticleTab): Promise<number> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    let count = 0;
    for (const [name, highlight] of registry ?? []) {
      if (name.includes('claim')) count += highlight.size;
    }
    return count;
  }, undefined);
}

/** Defines the popup suite for one browser. */
export function definePopupSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tabA: ArticleTab;
  let tabB: ArticleTab | null;
  let tabIdA: number;

  /** Writes notes straight into the extension's database, as if the reader had written them. */
  async function seedNotes(notes: Note[]): Promise<void> {
    await session.inExtension(async (records) => {
      const api = ((globalThis as unknown as { browser?: unknown }).browser ??
        (globalThis as unknown as { chrome: unknown }).chrome) as ExtensionApi;
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
      await api.storage.local?.set({
        notesChanged: {
          articleKeys: [...new Set(records.map((record) => record.articleKey))],
          stamp: `seed-${Date.now()}`,
        },
      });
    }, notes);
  }

  /** A note as stored now, or null. */
  function storedNote(id: string): Promise<Note | null> {
    return session.inExtension(async (noteId) => {
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

  /** How many notes the page reports painted (to the background; the page never learns it). */
  async function notesShown(tab: ArticleTab): Promise<number> {
    return (await readTabRecord(session, tab))?.notesShown ?? 0;
  }

  async function waitForClaims(tab: ArticleTab, count: number, what: string): Promise<void> {
    await waitUntil(
      () => claimHighlights(tab),
      (shown) => shown === count,
      { what, timeoutMs: 15_000 },
    );
  }

  async function waitForNotes(tab: ArticleTab, count: number, what: string): Promise<void> {
    await waitUntil(
      () => notesShown(tab),
      (shown) => shown === count,
      { what, timeoutMs: 15_000 },
    );
  }

  async function pageReady(tab: ArticleTab): Promise<void> {
    await waitForClaims(tab, CLAIM_COUNT, 'every claim to be highlighted');
    await waitForNotes(tab, 3, 'the three placeable notes to be highlighted');
  }

  /** The popup, as a page, for a tab (or for whatever tab is in front), once it has drawn. */
  async function openPopupReady(tabId?: number): Promise<ExtensionTab> {
    const popup = await session.openExtensionPage(
      tabId === undefined ? 'popup.html' : `popup.html?tabId=${tabId}`,
    );
    await popup.resize(380, 900);
    await waitUntil(
      () => popup.switchState('Claim highlights'),
      (state) => state !== null,
      { what: 'the popup to draw its switches' },
    );
    return popup;
  }

  async function waitForCards(
    page: ExtensionTab,
    accept: (count: number) => boolean,
    what: string,
  ): Promise<void> {
    await waitUntil(async () => (await page.names('article', NOTE_CARD)).length, accept, { what });
  }

  async function waitForCard(page: ExtensionTab, name: RegExp | string): Promise<void> {
    await waitUntil(
      () => page.names('article', name),
      (found) => found.length > 0,
      { what: `the note card ${String(name)}` },
    );
  }

  async function waitForText(page: ExtensionTab, text: string): Promise<string> {
    return waitUntil(
      () => page.text(),
      (shown) => shown.includes(text),
      { what: `"${text}" in the page` },
    );
  }

  async function waitForSwitch(page: ExtensionTab, name: string, state: string): Promise<void> {
    await waitUntil(
      () => page.switchState(name),
      (checked) => checked === state,
      { what: `the ${name} switch to be ${state}` },
    );
  }

  async function waitForPopoverText(tab: ArticleTab, text: string): Promise<void> {
    await waitUntil(
      async () => (await tab.popover.read())?.text ?? '',
      (shown) => shown.includes(text),
      { what: `the popover to show "${text}"` },
    );
  }

  /** Settings as the popup and the keyboard command read them. */
  async function setSettings(settings: object): Promise<void> {
    await session.inExtension(async (value) => {
      const api = ((globalThis as unknown as { browser?: unknown }).browser ??
        (globalThis as unknown as { chrome: unknown }).chrome) as ExtensionApi;
      await api.storage.local?.set({ settings: value });
    }, settings);
  }

  beforeAll(async () => {
    session = await driver.launch();
    // The first page makes sure the background has created the database before notes go in.
    const warmUp = await session.open(ARTICLE_URL);
    const warmUpId = await session.tabIdOf(warmUp);
    await waitUntil(
      async () => (await session.toolbarButton(warmUpId)).badge,
      (text) => text !== '',
      { what: 'the article to be recognised', timeoutMs: 15_000 },
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

  describe(`the popup on the article in ${driver.name}`, () => {
    it('says what the tab shows, lists the claims and the note that could not be placed', async () => {
      const popup = await openPopupReady(tabIdA);
      const status = await waitUntil(
        () => popup.statusTexts(),
        (texts) => texts.some((text) => text.includes('recognised')),
        { what: 'the article to be recognised' },
      );
      const recognised = status.find((text) => text.includes('recognised')) ?? '';
      expect(recognised).toContain('Global Research article recognised');
      expect(recognised).toContain(ARTICLE_HEADLINE);
      await waitForText(popup, `${CLAIM_COUNT} of ${CLAIM_COUNT} claims found on this page`);
      // When the claims were reviewed, and the way to how they were checked (a new tab).
      await waitForText(popup, `Claims reviewed ${formatPartialDate(pack.lastReviewed)}`);
      const method = await session.waitForNewTab(() =>
        popup.clickByRole('link', 'How Counterpoint checks'),
      );
      await method.waitForHeading(1, 'How Counterpoint checks');
      expect(await method.url()).toBe(session.extensionUrl('method.html'));
      await method.close();
      expect(await popup.textOf('region', '1 note could not be placed')).toContain(
        'a sentence that the article does not contain anywhere',
      );
      // This article's notes first, newest first (card names carry the note's first words).
      const names = await popup.names('article', NOTE_CARD);
      expect(names.map((name) => name.slice('Note: '.length, 'Note: '.length + 20))).toEqual(
        [LOST, CRISIS, TRIANGLE, POVERTY].map((entry) => entry.body.slice(0, 20)),
      );

      // Chromium's pictures keep their names; Firefox's say whose they are.
      const suffix = driver.name === 'Chromium' ? '' : `-${driver.name.toLowerCase()}`;
      const screenshots = artifactsDir('screenshots');
      await popup.screenshot(join(screenshots, `popup-light${suffix}.png`));
      await popup.emulateColorScheme('dark');
      try {
        await popup.screenshot(join(screenshots, `popup-dark${suffix}.png`));
      } finally {
        // Firefox's scheme is the browser's own: put it back for the tests that follow.
        await popup.emulateColorScheme('light');
      }
      await popup.close();
    });

    it('turns claim highlights off and on in both open tabs at once', async () => {
      const popup = await openPopupReady(tabIdA);
      expect(await popup.switchState('Claim highlights')).toBe('true');
      await popup.clickByRole('switch', 'Claim highlights');
      await waitForSwitch(popup, 'Claim highlights', 'false');
      for (const tab of [tabA, tabB]) {
        if (!tab) continue;
        await waitForClaims(tab, 0, 'claim highlights to go');
        // The notes layer is a separate switch and stays.
        expect(await notesShown(tab)).toBe(3);
      }
      await popup.clickByRole('switch', 'Claim highlights');
      for (const tab of [tabA, tabB]) {
        if (tab) await waitForClaims(tab, CLAIM_COUNT, 'claim highlights to return');
      }
      await popup.close();
    });

    it('turns note highlights off and on, and follows a change made elsewhere', async () => {
      const popup = await openPopupReady(tabIdA);
      await popup.clickByRole('switch', 'Note highlights');
      for (const tab of [tabA, tabB]) {
        if (tab) await waitForNotes(tab, 0, 'note highlights to go');
      }
      // Another window (or the keyboard command) turns it back on: the switch follows.
      await setSettings({ claimHighlights: true, noteHighlights: true, pausedHosts: [] });
      await waitUntil(
        () => popup.switchState('Note highlights'),
        (checked) => checked === 'true',
        { what: 'the switch to follow' },
      );
      if (tabB) await waitForNotes(tabB, 3, 'note highlights to return');
      await popup.close();
    });

    it('gets every default keyboard shortcut from the browser (none is one it reserves)', async () => {
      const commands = await session.inExtension(async () => {
        const api = ((globalThis as unknown as { browser?: unknown }).browser ??
          (globalThis as unknown as { chrome: unknown }).chrome) as ExtensionApi;
        return api.commands.getAll();
      }, undefined);
      const assigned = Object.fromEntries(
        commands.map((command) => [command.name, command.shortcut]),
      );
      expect(assigned['toggle-highlights']).toBe(DEFAULT_SHORTCUTS.toggleHighlights);
      expect(assigned['add-note']).toBe(DEFAULT_SHORTCUTS.addNote);
    });

    // The default is on a letter no browser menu takes (Firefox's Help menu had Alt+Shift+H).
    it(`turns both layers off and on in both tabs with the keyboard command (${DEFAULT_SHORTCUTS.toggleHighlights})`, async () => {
      const popup = await openPopupReady(tabIdA);
      await tabA.bringToFront();
      await tabA.pressBrowserShortcut(DEFAULT_SHORTCUTS.toggleHighlights);
      for (const tab of [tabA, tabB]) {
        if (!tab) continue;
        await waitForClaims(tab, 0, 'every claim highlight to go');
        await waitForNotes(tab, 0, 'every note highlight to go');
      }
      // The popup's switches follow the command.
      await waitUntil(
        async () => [
          await popup.switchState('Claim highlights'),
          await popup.switchState('Note highlights'),
        ],
        (checked) => checked.every((value) => value === 'false'),
        { what: 'the switches to follow' },
      );
      await tabA.pressBrowserShortcut(DEFAULT_SHORTCUTS.toggleHighlights);
      for (const tab of [tabA, tabB]) if (tab) await pageReady(tab);
      expect(await popup.switchState('Claim highlights')).toBe('true');
      await popup.close();
    });

    it('works by keyboard: Tab to a switch, Space to change it, Enter on a claim to open it', async () => {
      const popup = await openPopupReady(tabIdA);
      const firstClaim = pack.claims[0];
      // The switches are the first controls in reading order.
      await popup.press('Tab');
      expect(await popup.focusedName()).toBe('Claim highlights');
      await popup.press(' ');
      await waitForSwitch(popup, 'Claim highlights', 'false');
      await waitForClaims(tabA, 0, 'claim highlights to go');
      await popup.press(' ');
      await waitForSwitch(popup, 'Claim highlights', 'true');

      // Past the other switches to the folded list of claims: Enter unfolds it.
      for (
        let presses = 0;
        presses < 5 && !(await popup.focusedName()).startsWith('The ');
        presses++
      ) {
        await popup.press('Tab');
      }
      expect(await popup.focusedName()).toMatch(/^The \d+ claims/);
      await popup.press('Enter');
      await popup.press('Tab');
      expect(await popup.focusedName()).toContain(firstClaim?.quote.exact.slice(0, 30));
      // Enter opens the claim in the page and closes the popup, sometimes before the key's
      // release reaches it: a popup closed that way is what should happen.
      await popup.press('Enter').catch((error: unknown) => {
        if (!popup.isClosed()) throw error;
      });
      const dialog = await tabA.popover.waitFor(/^Claim: /);
      expect(dialog.text).toContain(firstClaim?.summary ?? '');
      await tabA.keyboard.press('Escape');
      await popup.close();
    });
  });

  describe(`notes in the popup in ${driver.name}`, () => {
    it('narrows the list as the reader types a search', async () => {
      const popup = await openPopupReady(tabIdA);
      await popup.clickByRole('radio', /^All articles/);
      await waitForCards(popup, (count) => count === SEEDED.length, 'every note');
      await popup.fill('searchbox', 'Search notes', 'migration');
      // Body, quoted passage and tags all count: two notes mention migration.
      await waitForCards(popup, (count) => count === 2, 'the list to narrow');
      await popup.fill('searchbox', 'Search notes', 'trade');
      await waitForCards(popup, (count) => count === ELSEWHERE.length, 'the trade notes');
      await popup.close();
    });

    it('edits a note in place and stores the new text', async () => {
      const popup = await openPopupReady(tabIdA);
      await popup.clickByRole('button', /^Edit note: Northern Triangle aid/);
      await waitUntil(
        () => popup.names('dialog', 'Edit note'),
        (found) => found.length === 1,
        { what: 'the note editor' },
      );
      await popup.fill('textbox', 'Note', EDITED_BODY);
      await popup.clickByRole('button', 'Save');
      await waitForCard(popup, /^Note: Northern Triangle aid: 4 billion/);
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
      await popup.clickByRole('button', /^Delete note: Compare with the 2019/);
      await waitUntil(
        () => popup.names('button', 'Undo'),
        (found) => found.length === 1,
        { what: 'the Undo button' },
      );
      expect(await popup.names('article', /^Note: Compare with the 2019/)).toEqual([]);
      expect((await storedNote(CRISIS.id))?.deletedAt).toBeDefined();
      await waitForNotes(tabA, 2, 'the highlight to go from the page');
      await popup.clickByRole('button', 'Undo');
      await waitForCard(popup, /^Note: Compare with the 2019/);
      expect((await storedNote(CRISIS.id))?.deletedAt).toBeUndefined();
      await waitForNotes(tabA, 3, 'the highlight to return');
      await popup.close();
    });

    it("shows a note in the article's open tab: the tab comes forward with the note open", async () => {
      await tabB?.close();
      tabB = null;
      const popup = await openPopupReady();
      await popup.clickByRole('button', /^Show in page: Northern Triangle aid: 4 billion/);
      await tabA.popover.waitFor('Your note');
      // The note's text follows the frame's "Loading your note…".
      await waitForPopoverText(tabA, '4 billion dollars');
      const active = await session.inExtension(async () => {
        const api = ((globalThis as unknown as { browser?: unknown }).browser ??
          (globalThis as unknown as { chrome: unknown }).chrome) as ExtensionApi;
        return (await api.tabs.query({ active: true })).map((tab) => tab.id);
      }, undefined);
      expect(active).toContain(tabIdA);
      await popup.close();
    });

    it('opens the article to show a note when no tab shows it', async () => {
      await tabA.close();
      const popup = await openPopupReady();
      await popup.clickByRole('button', /^Show in page: Poverty and migration/);
      const article = await session.waitForArticleTab(ARTICLE_URL);
      await waitUntil(
        () => article.popover.waitFor('Your note'),
        (shown) => shown !== null,
        { what: "the note's popover in the opened article", timeoutMs: 15_000 },
      );
      await waitForPopoverText(article, 'remittance figures');
      tabA = article;
      tabIdA = await session.tabIdOf(article);
      await popup.close();
    });
  });

  describe(`export and import in ${driver.name}`, () => {
    it('exports every note as a JSON-LD download', async () => {
      const popup = await openPopupReady();
      const file = await popup.download(() =>
        popup.clickByRole('button', 'Export notes (JSON-LD)'),
      );
      expect(file.filename).toMatch(/^counterpoint-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
      expect(JSON.parse(file.text).total).toBe(SEEDED.length);
      await popup.close();
    });

    it('imports a file and says what was added; importing it again adds nothing', async () => {
      const fresh = [8, 9].map((n) =>
        note(n, { exact: 'Honduras, El Salvador, and Guatemala', body: `Imported note ${n}` }),
      );
      const file = buildExportFile([...fresh, POVERTY], 'jsonld', { kind: 'all' }, new Date());
      const chosen = {
        name: file.filename,
        mimeType: 'application/ld+json',
        content: file.content,
      };
      const popup = await openPopupReady();
      await popup.setFiles('Import notes', [chosen]);
      await waitUntil(
        () => popup.statusTexts(),
        (texts) => texts.includes('Added 2 notes; skipped 1 already present.'),
        { what: 'the import summary' },
      );
      await waitForCard(popup, 'Note: Imported note 8');
      expect((await storedNote(uuid(9)))?.body).toBe('Imported note 9');
      await popup.setFiles('Import notes', [chosen]);
      await waitUntil(
        () => popup.statusTexts(),
        (texts) => texts.some((text) => text.startsWith('Added no notes; skipped 3')),
        { what: 'the second import summary' },
      );
      await popup.close();
    });

    it('explains a bad file and leaves the notes as they were', async () => {
      const popup = await openPopupReady();
      const before = await waitUntil(
        () => popup.textMatching(/^\d+ notes$/),
        (count) => count !== null,
        { what: 'the count of notes' },
      );
      await popup.setFiles('Import notes', [
        { name: 'notes.json', mimeType: 'application/json', content: '{"oops": ' },
      ]);
      const alert = await waitUntil(
        () => popup.textOf('alert', undefined),
        (text) => text?.includes('The file is not JSON') === true,
        { what: 'the reason the file was refused' },
      );
      expect(alert).toContain('Nothing was imported.');
      expect(await popup.textMatching(/^\d+ notes$/)).toBe(before);
      await popup.close();
    });

    it('loads a pack file from the popup, or from the page it opens where the popup cannot take one', async () => {
      const broken = {
        name: 'broken.pack.json',
        mimeType: 'application/json',
        content: JSON.stringify(pack).slice(0, 2000),
      };
      const popup = await openPopupReady();
      let chooser: ExtensionTab = popup;
      if (driver.popupClosesForFilePicker) {
        // Firefox closes the popup as the file picker opens, and the chosen file never arrives
        // (bug 1292701): its popup's "Load" button opens the method page's pack list instead,
        // where the file is chosen.
        chooser = await session.waitForNewTab(() => popup.clickByRole('button', packStrings.load));
        expect(await chooser.url()).toBe(session.extensionUrl(`method.html#${PACK_LIST_ANCHOR}`));
        await chooser.waitForHeading(2, packStrings.heading);
      }
      await waitUntil(
        () => chooser.names('listitem', pack.article.title),
        (found) => found.length === 1,
        { what: 'the bundled pack in the list' },
      );
      await chooser.setFiles(packStrings.load, [broken]);
      await waitForText(chooser, 'This file is not a context pack: it is not JSON text');
      // Nothing was stored: the bundled pack is still the only one.
      expect(await chooser.names('listitem', pack.article.title)).toHaveLength(1);
      if (chooser !== popup) await chooser.close();
      await popup.close();
    });
  });

  describe(`the notes manager in ${driver.name}`, () => {
    it('opens from the popup and lists every note at full width', async () => {
      const popup = await openPopupReady();
      const manager = await session.waitForNewTab(() =>
        popup.clickByRole('button', 'Open notes manager'),
      );
      expect(await manager.url()).toBe(session.extensionUrl('notes.html'));
      await manager.waitForHeading(1, 'Counterpoint notes');
      await waitForCards(
        manager,
        (count) => count === SEEDED.length + 2,
        'every note in the manager',
      );
      await manager.fill('searchbox', 'Search notes', 'imported');
      await waitForCards(manager, (count) => count === 2, 'the search to narrow the manager');
      await manager.fill('searchbox', 'Search notes', '');
      await waitForCards(manager, (count) => count === SEEDED.length + 2, 'every note again');
      const suffix = driver.name === 'Chromium' ? '' : `-${driver.name.toLowerCase()}`;
      await manager.screenshot(join(artifactsDir('screenshots'), `notes-manager${suffix}.png`));
      await manager.close();
      await popup.close();
    });

    it('made no network request of its own during the run', () => {
      expect(session.unexpectedRequests).toEqual([]);
    });
  });
}
