/**
 * The side panel's controller: finds the tab to follow (pinned by the address, or the active
 * tab), reads its overview, and reads again what changed: the tab's record (a page that reports
 * or navigates), what the page has open, the article's notes, the settings, and another tab
 * coming to the front. The component draws the state it hands out.
 */
import { t } from '../i18n';
import type { ShownItem } from '../messaging/shown-item';
import type { Settings } from '../settings';
import type { StoredClaim } from '../store/db';
import type { TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';
import { buildOverview, type Overview } from './overview';
import type { SidePanelData, TabChange } from './sidepanel-data';

/** What the panel draws. */
export type OverviewState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; tabId: number | undefined; overview: Overview };

/** The running controller. */
export interface OverviewSession {
  destroy(): void;
}

/** Starts following a tab; `onState` is called with every new state. */
export function startOverviewSession(
  data: SidePanelData,
  onState: (state: OverviewState) => void,
): OverviewSession {
  let destroyed = false;
  let tabId: number | undefined;
  let stopTab: (() => void) | null = null;
  let tabUrl: string | undefined;
  let page: TabPage | null = null;
  let shown: ShownItem | null = null;
  let settings: Settings | null = null;
  let notes: Note[] = [];
  let claims: StoredClaim[] = [];
  let claimsKey: string | null = null;
  let notesKey: string | null = null;
  /** Reads run one after another, so a quick one never lands before an earlier full read. */
  let queue: Promise<void> = Promise.resolve();
  const schedule = (what: TabChange | 'all'): void => {
    queue = queue.then(() => refresh(what));
  };

  const emit = (): void => {
    if (destroyed || settings === null) return;
    const overview = buildOverview({ tabUrl, page, claims, notes, settings, shown });
    onState({ kind: 'ready', tabId, overview });
  };

  const fail = (error: unknown): void => {
    if (destroyed) return;
    onState({
      kind: 'error',
      message: t('popup_tab_unreadable', [error instanceof Error ? error.message : String(error)]),
    });
  };

  /** Reads what `what` says changed (everything at first) and draws the result. */
  async function refresh(what: TabChange | 'all'): Promise<void> {
    const id = tabId;
    // A read for a tab the panel no longer follows is dropped.
    const stale = (): boolean => destroyed || id !== tabId;
    try {
      if (id === undefined) {
        page = null;
        tabUrl = undefined;
        shown = null;
        settings ??= await data.readSettings();
      } else {
        const everything = what === 'all' || what === 'navigated';
        const [nextUrl, nextPage, nextShown, nextSettings] = await Promise.all([
          everything || what === 'page' ? data.tabUrl(id) : Promise.resolve(tabUrl),
          everything || what === 'page' ? data.tabPage(id) : Promise.resolve(page),
          everything || what === 'shown' ? data.shownItem(id) : Promise.resolve(shown),
          settings === null || what === 'all' || what === 'settings'
            ? data.readSettings()
            : Promise.resolve(settings),
        ]);
        const key = nextPage?.articleKey ?? null;
        const [nextClaims, nextNotes] = await Promise.all([
          key === null || !nextPage?.hasPack
            ? Promise.resolve([])
            : key === claimsKey
              ? Promise.resolve(claims)
              : data.claims(key),
          key === null
            ? Promise.resolve([])
            : key === notesKey && what !== 'notes' && what !== 'all'
              ? Promise.resolve(notes)
              : data.notes(key),
        ]);
        if (stale()) return;
        tabUrl = nextUrl;
        page = nextPage;
        shown = nextShown;
        settings = nextSettings;
        claims = nextClaims;
        claimsKey = nextPage?.hasPack ? key : null;
        notes = nextNotes;
        notesKey = key;
      }
      if (!stale()) emit();
    } catch (error) {
      if (!stale()) fail(error);
    }
  }

  function follow(next: number | undefined): void {
    if (destroyed) return;
    stopTab?.();
    stopTab = null;
    tabId = next;
    claimsKey = null;
    notesKey = null;
    if (next !== undefined) {
      stopTab = data.watchTab(
        next,
        () => page?.articleKey ?? null,
        (what) => schedule(what),
      );
    }
    schedule('all');
  }

  const pinned = data.pinnedTabId();
  let stopActive: (() => void) | null = null;
  if (pinned !== undefined) {
    follow(pinned);
  } else {
    stopActive = data.watchActiveTab((id) => follow(id));
    data.activeTabId().then(follow, fail);
  }

  return {
    destroy() {
      destroyed = true;
      stopTab?.();
      stopActive?.();
    },
  };
}
