import { describe, expect, it } from 'vitest';
import type { ShownItem } from '../messaging/shown-item';
import { makeNote } from '../notes-io/test-notes';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { StoredClaim } from '../store/db';
import type { TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { type OverviewState, startOverviewSession } from './overview-session';
import type { SidePanelData, TabChange } from './sidepanel-data';

const ARTICLE = 'https://www.globalresearch.ca/some-article/5746160';

function pageOf(tabId: number, articleKey: string): TabPage {
  return {
    tabId,
    articleKey,
    articleTitle: `Article ${articleKey}`,
    url: ARTICLE,
    hasPack: false,
    claimsTotal: 0,
    orphanedClaimIds: [],
    orphanedNoteIds: [],
  };
}

/** A fake browser world: tabs with records, notes by article, and change callbacks to fire. */
function fakeWorld(options: { pinned?: number; active?: number } = {}) {
  const pages = new Map<number, TabPage>();
  const shown = new Map<number, ShownItem>();
  const notes = new Map<string, Note[]>();
  let settings: Settings = DEFAULT_SETTINGS;
  let onActive: ((id: number) => void) | null = null;
  const watchers = new Map<number, (what: TabChange) => void>();
  const shownRequests: { tabId: number; item: ShownItem }[] = [];
  const data: SidePanelData = {
    pinnedTabId: () => options.pinned,
    activeTabId: async () => options.active,
    watchActiveTab(callback) {
      onActive = callback;
      return () => {
        onActive = null;
      };
    },
    tabUrl: async (tabId) => (pages.has(tabId) ? ARTICLE : undefined),
    tabPage: async (tabId) => pages.get(tabId) ?? null,
    shownItem: async (tabId) => shown.get(tabId) ?? null,
    claims: async () => [] as StoredClaim[],
    notes: async (key) => notes.get(key) ?? [],
    readSettings: async () => settings,
    watchTab(tabId, _key, onChange) {
      watchers.set(tabId, onChange);
      return () => watchers.delete(tabId);
    },
    resume: async () => undefined,
    show: async (tabId, item) => {
      shownRequests.push({ tabId, item });
    },
    copyText: async () => undefined,
    methodUrl: 'method.html',
  };
  return {
    data,
    pages,
    shown,
    notes,
    watchers,
    setSettings: (next: Settings) => {
      settings = next;
    },
    activate: (id: number) => onActive?.(id),
  };
}

function recorder() {
  const states: OverviewState[] = [];
  return {
    states,
    onState: (state: OverviewState) => states.push(state),
    last: () => states.at(-1),
    /** Waits until the latest state satisfies `accept`. */
    async until(accept: (state: OverviewState | undefined) => boolean): Promise<OverviewState> {
      for (let i = 0; i < 50; i++) {
        if (accept(states.at(-1))) return states.at(-1)!;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      throw new Error(`state never came: ${JSON.stringify(states.at(-1))}`);
    },
  };
}

const articleOf = (state: OverviewState | undefined) =>
  state?.kind === 'ready' && state.overview.kind === 'article' ? state.overview : null;

describe('the side panel’s controller', () => {
  it('follows the pinned tab and reads again when its notes or open item change', async () => {
    const world = fakeWorld({ pinned: 3, active: 9 });
    world.pages.set(3, pageOf(3, 'a'));
    world.notes.set('a', [makeNote({ id: 'n1', articleKey: 'a' })]);
    const panel = recorder();
    const session = startOverviewSession(world.data, panel.onState);
    await panel.until((s) => articleOf(s)?.placedNotes.length === 1);

    world.notes.set('a', [
      makeNote({ id: 'n1', articleKey: 'a' }),
      makeNote({ id: 'n2', articleKey: 'a' }),
    ]);
    world.watchers.get(3)?.('notes');
    await panel.until((s) => articleOf(s)?.placedNotes.length === 2);

    world.shown.set(3, { kind: 'note', id: 'n2' });
    world.watchers.get(3)?.('shown');
    const state = await panel.until((s) => articleOf(s)?.shown?.id === 'n2');
    expect(articleOf(state)?.placedNotes).toHaveLength(2);
    // Pinned: another tab coming to the front changes nothing.
    world.activate(9);
    expect(world.watchers.has(9)).toBe(false);
    session.destroy();
    expect(world.watchers.size).toBe(0);
  });

  it('follows the active tab, and says so when the new one has no article', async () => {
    const world = fakeWorld({ active: 1 });
    world.pages.set(1, pageOf(1, 'a'));
    const panel = recorder();
    const session = startOverviewSession(world.data, panel.onState);
    await panel.until((s) => articleOf(s)?.page.tabId === 1);
    world.activate(2);
    const state = await panel.until(
      (s) => s?.kind === 'ready' && s.tabId === 2 && s.overview.kind === 'empty',
    );
    expect(state).toMatchObject({ overview: { kind: 'empty', reason: 'other-site' } });
    expect(world.watchers.has(1)).toBe(false);
    session.destroy();
  });

  it('shows the article once the page reports, and forgets it when the tab navigates away', async () => {
    const world = fakeWorld({ pinned: 5 });
    const panel = recorder();
    startOverviewSession(world.data, panel.onState);
    await panel.until((s) => s?.kind === 'ready' && s.overview.kind === 'empty');
    world.pages.set(5, pageOf(5, 'b'));
    world.watchers.get(5)?.('page');
    await panel.until((s) => articleOf(s)?.page.articleKey === 'b');
    world.pages.delete(5);
    world.watchers.get(5)?.('navigated');
    await panel.until((s) => s?.kind === 'ready' && s.overview.kind === 'empty');
  });

  it('a quick read of what is open never lands before the full read it follows', async () => {
    const world = fakeWorld({ pinned: 3 });
    world.pages.set(3, pageOf(3, 'a'));
    world.shown.set(3, { kind: 'claim', id: 'c1' });
    const panel = recorder();
    startOverviewSession(world.data, panel.onState);
    world.watchers.get(3)?.('shown');
    await panel.until((s) => articleOf(s)?.shown?.id === 'c1');
    expect(panel.states.every((s) => s.kind === 'ready' && s.overview.kind === 'article')).toBe(
      true,
    );
  });

  it('says when the site is paused, and lists again once it is resumed', async () => {
    const world = fakeWorld({ pinned: 3 });
    world.pages.set(3, pageOf(3, 'a'));
    world.setSettings({ ...DEFAULT_SETTINGS, pausedHosts: ['globalresearch.ca'] });
    const panel = recorder();
    startOverviewSession(world.data, panel.onState);
    await panel.until((s) => s?.kind === 'ready' && s.overview.kind === 'paused');
    world.setSettings(DEFAULT_SETTINGS);
    world.watchers.get(3)?.('settings');
    await panel.until((s) => articleOf(s) !== null);
  });
});
