/**
 * The background's record of a tab, read in an extension page of either browser: what the page
 * reported placing and painting, which the page itself never learns.
 */
import type { ArticleTab, BrowserSession } from './driver';

/** The parts of a tab's record the browser tests read. */
export interface TabRecord {
  /** The article's title as the background recorded it. */
  articleTitle?: string;
  /** Claims anchored on the page, and how many the pack has. */
  claimsAnchored?: number;
  claimsTotal?: number;
  /** How long the page took from the content script's start to the claims painted (ms). */
  paintMs?: number;
  /** Notes anchored on the page. */
  notesAnchored?: number;
  /** Notes painted now (none while the notes layer is off). */
  notesShown?: number;
  /** Notes that failed to anchor. */
  orphanedNoteIds?: string[];
}

/** What runs a function in an extension page: the driver's session or a Chromium session. */
export interface ExtensionPageRunner {
  inExtension<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
}

/** The background's record of the tab with this id, or null while it has none. */
export function readTabRecordById(
  session: ExtensionPageRunner,
  tabId: number,
): Promise<TabRecord | null> {
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

/** The background's record of `tab`, or null while it has none. */
export async function readTabRecord(
  session: BrowserSession,
  tab: ArticleTab,
): Promise<TabRecord | null> {
  return readTabRecordById(session, await session.tabIdOf(tab));
}
