import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import type { Requester } from '../messaging/client';
import { makeNote, testId } from '../notes-io/test-notes';
import { watchSettings } from '../settings';
import { type CounterpointDatabase, openStore } from '../store/db';
import { putNote } from '../store/notes';
import { PACK_PROBLEMS_KEY, setMeta } from '../store/packs';
import { writeTabPage } from '../store/tab-pages';
import { buildExportFile } from './notes-transfer';
import { createPopupData, hostForPausing, type PopupData } from './popup-data';

const browser = fakeBrowser as unknown as Browser;
let databaseName: string;
let db: CounterpointDatabase;
let requests: { type: string; payload: unknown }[];
let data: PopupData;

function locationAt(search: string): Location {
  return { search } as Location;
}

beforeEach(async () => {
  fakeBrowser.reset();
  databaseName = `popup-data-${Math.random()}`;
  db = await openStore({ name: databaseName });
  requests = [];
  const request = (async (type: string, payload: unknown) => {
    requests.push({ type, payload });
    return null;
  }) as Requester;
  data = createPopupData({
    browser,
    location: locationAt('?tabId=7'),
    openDatabase: () => openStore({ name: databaseName }),
    request,
    now: () => new Date('2026-11-27T12:00:00Z'),
    newId: testId,
    closeWindow: () => {},
  });
});

afterEach(() => {
  db.close();
});

describe('createPopupData', () => {
  it('takes the tab from the address, as the browser tests open it', async () => {
    expect(await data.currentTabId()).toBe(7);
  });

  it('has no context for a tab without a record, and the article with its notes otherwise', async () => {
    expect(await data.tabView(7)).toEqual({ kind: 'no-context' });
    const note = makeNote({ articleKey: '/a' });
    await putNote(db, note);
    await putNote(db, makeNote({ articleKey: '/elsewhere' }));
    await writeTabPage(browser, {
      tabId: 7,
      articleKey: '/a',
      articleTitle: 'A',
      url: 'https://www.globalresearch.ca/a',
      hasPack: false,
      claimsTotal: 0,
      orphanedClaimIds: [],
      orphanedNoteIds: [],
    });
    const view = await data.tabView(7);
    expect(view.kind === 'article' && view.notes).toEqual([note]);
    expect(await data.tabHost(7)).toBe('globalresearch.ca');
  });

  it('reads refused packs, keeping only their messages', async () => {
    expect(await data.packProblems()).toEqual([]);
    await setMeta(db, PACK_PROBLEMS_KEY, ['pack x: bad date', 42]);
    expect(await data.packProblems()).toEqual(['pack x: bad date']);
  });

  it('writes settings where every tab watches them', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings(browser, (settings) => seen.push(settings.claimHighlights));
    await data.updateSettings(() => ({ claimHighlights: false }));
    stop();
    expect(seen).toEqual([false]);
    expect((await data.readSettings()).claimHighlights).toBe(false);
  });

  it('imports a file into the database and tells the background which articles changed', async () => {
    const file = buildExportFile(
      [makeNote({ articleKey: '/x' })],
      'jsonld',
      { kind: 'all' },
      new Date(),
    );
    const outcome = await data.importNotes(file.content);
    expect(outcome.ok && outcome.summary).toBe('Added 1 note.');
    expect(await data.loadNotes()).toHaveLength(1);
    const [added] = await data.loadNotes();
    // The record names the notes added and this view as their writer, which skips its echo.
    expect(requests).toEqual([
      {
        type: 'notes.changed',
        payload: {
          articleKeys: ['/x'],
          noteIds: [added?.id],
          kind: 'imported',
          writer: expect.stringMatching(/^page-/),
        },
      },
    ]);
  });

  it("files another tool's annotation of an open article under the key that tab reads", async () => {
    await writeTabPage(browser, {
      tabId: 7,
      articleKey: 'pack-article',
      articleTitle: 'An article',
      url: 'https://www.globalresearch.ca/a-story/5800001',
      hasPack: true,
      claimsTotal: 0,
      orphanedClaimIds: [],
      orphanedNoteIds: [],
    });
    const annotation = {
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'From another tool' },
      target: {
        source: 'http://globalresearch.ca/a-story/5800001/?ref=x#y',
        selector: { type: 'TextQuoteSelector', exact: 'a passage' },
      },
    };
    const outcome = await data.importNotes(JSON.stringify(annotation));
    expect(outcome.ok && outcome.articleKeys).toEqual(['pack-article']);
  });

  it('sends note changes through the background', async () => {
    await data.updateNote('n1', { body: 'b', tags: [] });
    await data.deleteNote('n1');
    await data.restoreNote('n1');
    expect(requests.map((request) => request.type)).toEqual([
      'note.update',
      'note.delete',
      'note.restore',
    ]);
  });

  it('opens the notes manager in a tab', async () => {
    await data.openNotesManager();
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(browser.runtime.getURL('/notes.html'));
  });
});

describe('hostForPausing', () => {
  it('drops "www." and refuses pages that are not on the web', () => {
    expect(hostForPausing('https://WWW.GlobalResearch.ca/x')).toBe('globalresearch.ca');
    expect(hostForPausing('chrome://extensions')).toBeUndefined();
    expect(hostForPausing(undefined)).toBeUndefined();
  });
});
