/**
 * Tells every open view that notes changed. A write anywhere (background, popup, notes manager)
 * stamps a small record in extension storage; content scripts and extension pages watch
 * `storage.onChanged` and refresh the articles named. No note text travels this way.
 */
import type { Browser, Storage } from '../browser';

const CHANGE_KEY = 'notesChanged';

/** The change record: which articles' notes changed. */
export interface NotesChange {
  articleKeys: string[];
  /** Makes every stamp distinct, so two changes in one millisecond both fire. */
  stamp: string;
}

/**
 * Announces that the notes of these articles changed. (The area parameter must not be named
 * `storage`: WXT's auto-import would then bundle `@wxt-dev/storage` into every caller.)
 */
export async function announceNotesChanged(
  area: Storage.StorageArea,
  articleKeys: readonly string[],
): Promise<void> {
  const change: NotesChange = {
    articleKeys: [...new Set(articleKeys)],
    stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
  };
  await area.set({ [CHANGE_KEY]: change });
}

/** Calls back with the article keys of every change; returns the unsubscribe function. */
export function watchNotesChanged(
  browser: Browser,
  onChange: (articleKeys: string[]) => void,
): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    const change = changes[CHANGE_KEY]?.newValue as NotesChange | undefined;
    if (areaName === 'local' && change && Array.isArray(change.articleKeys)) {
      onChange(change.articleKeys.filter((key) => typeof key === 'string'));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
