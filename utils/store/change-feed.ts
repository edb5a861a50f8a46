/**
 * Tells every open view that notes changed. Every write (the background's, or an import an
 * extension page wrote itself) stamps one record in extension storage; content scripts and
 * extension pages watch `storage.onChanged`. A record says which notes changed, how, and who
 * wrote them, so a view applies only what changed, and the writer skips its own echo (it has
 * applied the change already). No note text travels this way.
 */
import type { Browser, Storage } from '../browser';

const CHANGE_KEY = 'notesChanged';

/** What happened to the notes a record names (a restored note is `created` again). */
export type ChangeKind = 'created' | 'updated' | 'deleted' | 'imported';

/** The change record. */
export interface NotesChange {
  /** The articles whose notes changed. */
  articleKeys: string[];
  /** The notes that changed; absent when too many to name: then any note of the articles. */
  noteIds?: string[];
  /** What happened to them; absent: anything may have. */
  kind?: ChangeKind;
  /** Who wrote it: `tab:<id>` for a tab (its content script and popover frame), or a page's id. */
  writer?: string;
  /** Makes every stamp distinct, so two changes in one millisecond both fire. */
  stamp: string;
}

/** A change as a writer announces it (the stamp is added). */
export type NotesChangeInput = Omit<NotesChange, 'stamp' | 'articleKeys'>;

const KINDS: ReadonlySet<string> = new Set(['created', 'updated', 'deleted', 'imported']);

/**
 * Announces that the notes of these articles changed: one storage write, one broadcast. (The
 * area parameter must not be named `storage`: WXT's auto-import would then bundle
 * `@wxt-dev/storage` into every caller.)
 */
export async function announceNotesChanged(
  area: Storage.StorageArea,
  articleKeys: readonly string[],
  details: NotesChangeInput = {},
): Promise<void> {
  const change: NotesChange = {
    articleKeys: [...new Set(articleKeys)],
    ...(details.noteIds ? { noteIds: [...new Set(details.noteIds)] } : {}),
    ...(details.kind ? { kind: details.kind } : {}),
    ...(details.writer ? { writer: details.writer } : {}),
    stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
  };
  await area.set({ [CHANGE_KEY]: change });
}

/** Options of {@link watchNotesChanged}. */
export interface WatchOptions {
  /** This view's writer id: its own records are skipped. A function, when it is learnt later. */
  writer?: string | (() => string | undefined);
}

/**
 * Calls back with the article keys and the record of every change but this view's own;
 * returns the unsubscribe function.
 */
export function watchNotesChanged(
  browser: Browser,
  onChange: (articleKeys: string[], change: NotesChange) => void,
  options: WatchOptions = {},
): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'local') return;
    const change = readChange(changes[CHANGE_KEY]?.newValue);
    if (!change) return;
    const own = typeof options.writer === 'function' ? options.writer() : options.writer;
    if (own !== undefined && change.writer === own) return;
    onChange(change.articleKeys, change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Reads a record safely (storage is shared by every context of the extension). */
function readChange(value: unknown): NotesChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (!Array.isArray(raw.articleKeys)) return null;
  const strings = (list: unknown[]): string[] =>
    list.filter((item): item is string => typeof item === 'string');
  return {
    articleKeys: strings(raw.articleKeys),
    ...(Array.isArray(raw.noteIds) ? { noteIds: strings(raw.noteIds) } : {}),
    ...(typeof raw.kind === 'string' && KINDS.has(raw.kind)
      ? { kind: raw.kind as ChangeKind }
      : {}),
    ...(typeof raw.writer === 'string' ? { writer: raw.writer } : {}),
    stamp: typeof raw.stamp === 'string' ? raw.stamp : '',
  };
}
