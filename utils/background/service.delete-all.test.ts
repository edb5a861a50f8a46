import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser, Runtime } from '../browser';
import { makeNote } from '../notes-io/test-notes';
import { openStore } from '../store/db';
import { allNotes, putNote } from '../store/notes';
import { createBackgroundService } from './service';

const browser = fakeBrowser as unknown as Browser;
let databaseCount = 0;

async function setUp(step = 1000) {
  const db = await openStore({ name: `service-delete-all-${databaseCount++}` });
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  const service = createBackgroundService({
    getDatabase: async () => db,
    browser,
    injectUi: async () => {},
    now: () => {
      clock += step;
      return new Date(clock);
    },
  });
  const notes = [
    makeNote({ body: 'one', articleKey: 'a' }),
    makeNote({ body: 'two', articleKey: 'b' }),
  ];
  for (const note of notes) await putNote(db, note);
  return { db, service, notes };
}

const fromAboutPage: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/about.html'),
};
const fromArticleTab: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: 'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160',
  tab: { id: 7 } as Runtime.MessageSender['tab'],
  frameId: 0,
};
const fromPopoverFrame: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popover.html'),
  tab: { id: 7 } as Runtime.MessageSender['tab'],
  frameId: 3,
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('deleting all notes through the background', () => {
  it('deletes every note for an extension page, and Undo restores every one', async () => {
    const { db, service, notes } = await setUp();
    const reply = await service.handle({ type: 'notes.deleteAll', payload: {} }, fromAboutPage);
    expect(reply).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await allNotes(db)).toEqual([]);
    if (!reply.ok) throw new Error(reply.error);
    const { deletedAt } = reply.value as { deletedAt: string };

    const undo = await service.handle(
      { type: 'notes.restoreAll', payload: { deletedAt } },
      fromAboutPage,
    );
    expect(undo).toEqual({ ok: true, value: { count: 2 } });
    const sorted = (list: { id: string }[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sorted(await db.getAll('notes'))).toEqual(sorted(notes));
  });

  it('refuses both requests to the page-side layer and to the popover frame', async () => {
    const { db, service, notes } = await setUp();
    for (const sender of [fromArticleTab, fromPopoverFrame]) {
      expect(await service.handle({ type: 'notes.deleteAll', payload: {} }, sender)).toEqual({
        ok: false,
        error: 'This page is not allowed to ask Counterpoint for that.',
      });
      expect(
        await service.handle(
          { type: 'notes.restoreAll', payload: { deletedAt: '2026-12-01T10:00:01.000Z' } },
          sender,
        ),
      ).toEqual({ ok: false, error: 'This page is not allowed to ask Counterpoint for that.' });
    }
    expect((await allNotes(db)).length).toBe(notes.length);
  });

  it('says so when Undo comes after the undo window', async () => {
    const { service } = await setUp(20_000);
    const reply = await service.handle({ type: 'notes.deleteAll', payload: {} }, fromAboutPage);
    if (!reply.ok) throw new Error(reply.error);
    const { deletedAt } = reply.value as { deletedAt: string };
    expect(
      await service.handle({ type: 'notes.restoreAll', payload: { deletedAt } }, fromAboutPage),
    ).toEqual({ ok: false, error: 'Those notes can no longer be restored.' });
  });
});

describe('opening the help page', () => {
  it('opens help.html in a new tab for the welcome card on an article', async () => {
    const { service } = await setUp();
    expect(await service.handle({ type: 'help.open', payload: {} }, fromArticleTab)).toEqual({
      ok: true,
      value: null,
    });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/help.html'));
  });
});
