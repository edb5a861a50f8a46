/**
 * The background's record of a tab, read in an extension page of either browser: what the page
 * reported placing and painting, which the page itself never learns.
 */
import type { ArticleTab, BrowserSession } from './driver';

/** The parts of a tab's record the browser tests read. */
export interface TabRecord {
  /** Notes anchored on the page. */
  notesAnchored?: number;
  /** Notes painted now (none while the notes layer is off). */
  notesShown?: number;
  /** Notes that failed to anchor. */
  orphanedNoteIds?: string[];
}

/** The background's record of `tab`, or null while it has none. */
export async function readTabRecord(
  session: BrowserSession,
  tab: ArticleTab,
): Promise<TabRecord | null> {
  const tabId = await session.tabIdOf(tab);
  return session.inExtension(async (id: number) => {
    const api = ((globalThis as unknown as { browser?: unknown }).browser ??
      (globalThis as unknown as { chrome: unknown }).chrome) as {
      storage: Record<string, { get(key: string): Promise<Record<string, unknown>> } | undefined>;
    };
    // Where the background keeps tab records: session storage where the browser has it.
    const area = api.storage.session ?? api.storage.local;
    const key = `tab:${id}`;
    return ((await area?.get(key))?.[key] ?? null) as TabRecord | null;
  }, tabId);
}
