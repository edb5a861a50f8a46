/**
 * What each article tab has open in its popover (a claim or a note, by id), as the background
 * records it from the tab's own reports (`page.shown`), for the side panel to follow. Kept
 * beside the tab records, in session storage (extension contexts only): no note text, ever.
 */
import type { Browser } from '../browser';

/** A claim or note open in a tab's popover. */
export interface ShownItem {
  kind: 'claim' | 'note';
  id: string;
}

/** The storage key of a tab's shown item. */
export function shownItemKey(tabId: number): string {
  return `shown:${tabId}`;
}

/** Where the records live: session storage where the browser has it, else local storage. */
export function shownItemArea(browser: Browser) {
  return browser.storage.session ?? browser.storage.local;
}

/** Reads what a tab has open, or null. */
export async function readShownItem(browser: Browser, tabId: number): Promise<ShownItem | null> {
  const key = shownItemKey(tabId);
  const stored = (await shownItemArea(browser).get(key))[key];
  return isShownItem(stored) ? stored : null;
}

/** Records what a tab has open; null forgets it. */
export async function writeShownItem(
  browser: Browser,
  tabId: number,
  item: ShownItem | null,
): Promise<void> {
  const key = shownItemKey(tabId);
  if (item === null) await shownItemArea(browser).remove(key);
  else await shownItemArea(browser).set({ [key]: { kind: item.kind, id: item.id } });
}

/** Whether a stored value is a shown item. */
export function isShownItem(value: unknown): value is ShownItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<ShownItem>;
  return (item.kind === 'claim' || item.kind === 'note') && typeof item.id === 'string';
}
