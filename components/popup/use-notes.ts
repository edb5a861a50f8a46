/**
 * The reader's notes for a view: read once, prepared for searching, and kept in step with the
 * change feed (another tab, the page, an import): a record that names its notes updates only
 * their rows; the view's own writes are not echoed back to it. Local edits, deletes and this view's own
 * imports update the list at once, without waiting for the store to be read again.
 *
 * Reading 10,000 notes takes a few hundred milliseconds; the popup already has the current
 * article's notes (a quick read by index), so it passes them as a preview and its first screen
 * shows them while every note is still being read. Without one, the newest notes (another quick
 * read by index) serve as the preview.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  addNotes,
  applyChangedNotes,
  buildNotesIndex,
  type NotesIndex,
  replaceNote,
} from '../../utils/popup/notes-index';
import type { NotesData } from '../../utils/popup/popup-data';
import type { Note } from '../../utils/store/types';

/** The notes' loading state. */
export type NotesState =
  | { status: 'loading' }
  /**
   * `partial` while only a preview is known, not every note: one article's notes ('article'),
   * or the newest few ('newest').
   */
  | { status: 'ready'; notes: Note[]; partial?: 'article' | 'newest' }
  | { status: 'error'; message: string };

/** What {@link useNotes} gives a view. */
export interface NotesHandle {
  state: NotesState;
  /** The search index of the loaded notes (empty while loading). */
  index: NotesIndex;
  /** Reads the notes again. */
  reload(): void;
  /** Puts a changed note in place, or removes it when `next` is null or deleted. */
  replace(id: string, next: Note | null): void;
  /** Adds a note back (an undone delete). */
  add(note: Note): void;
  /**
   * Adds notes this view has just written (an import): at once when every note has been read,
   * without reading them all again; otherwise by reading every note again.
   */
  addWritten(notes: readonly Note[]): void;
}

/** How many of the newest notes make the first screen before every note is read. */
const FIRST_SCREEN_NOTES = 100;

/** Loads and watches the notes; `preview` (some of them) is shown until every note is read. */
export function useNotes(data: NotesData, preview?: readonly Note[]): NotesHandle {
  const [state, setState] = useState<NotesState>(() =>
    preview ? { status: 'ready', notes: [...preview], partial: 'article' } : { status: 'loading' },
  );
  const generation = useRef(0);
  /** Reads of every note started and not yet settled, whether or not they will land. */
  const readsInFlight = useRef(0);
  /** The state as last rendered, for decisions outside a state update. */
  const rendered = useRef(state);
  rendered.current = state;

  const reload = useCallback(() => {
    // Only the latest read may land: an older, slower read must not overwrite a newer one.
    const mine = ++generation.current;
    readsInFlight.current += 1;
    data.loadNotes().then(
      (notes) => {
        readsInFlight.current -= 1;
        if (generation.current === mine) setState({ status: 'ready', notes });
      },
      (thrown: unknown) => {
        readsInFlight.current -= 1;
        if (generation.current !== mine) return;
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        setState({ status: 'error', message: t('notes_unreadable', [message]) });
      },
    );
  }, [data]);

  useEffect(() => {
    let cancelled = false;
    if (!preview && data.loadNewestNotes) {
      // The newest notes first, then every note: reading all of them deserialises megabytes on
      // this thread, which would hold back the first screen if both ran at once.
      const mine = generation.current;
      const readEverything = (): void => {
        if (!cancelled && generation.current === mine) setTimeout(() => !cancelled && reload(), 0);
      };
      data.loadNewestNotes(FIRST_SCREEN_NOTES).then(
        (newest) => {
          if (cancelled || generation.current !== mine) return;
          setState((current) =>
            current.status === 'loading'
              ? { status: 'ready', notes: newest, partial: 'newest' }
              : current,
          );
          readEverything();
        },
        // The full read reports any problem.
        readEverything,
      );
    } else {
      reload();
    }
    // A record that names its notes updates only their rows; one that does not (or arrives
    // while only some notes are known) reads every note again.
    const stop = data.watchNotes((_articleKeys, change) => {
      const ids = change?.noteIds;
      const current = rendered.current;
      const complete = current.status === 'ready' && current.partial === undefined;
      if (!ids || !complete || readsInFlight.current > 0) {
        reload();
        return;
      }
      if (change?.kind === 'deleted') {
        setState((latest) =>
          latest.status === 'ready'
            ? { ...latest, notes: applyChangedNotes(latest.notes, ids, []) }
            : latest,
        );
        return;
      }
      if (!data.loadNotesById) {
        reload();
        return;
      }
      const mine = generation.current;
      data.loadNotesById(ids).then(
        (found) => {
          if (cancelled || generation.current !== mine) return;
          setState((latest) =>
            latest.status === 'ready'
              ? { ...latest, notes: applyChangedNotes(latest.notes, ids, found) }
              : latest,
          );
        },
        () => {
          if (!cancelled) reload();
        },
      );
    });
    return () => {
      cancelled = true;
      stop();
      // Reads still in flight land nowhere.
      generation.current++;
    };
  }, [data, reload]);

  const notes = state.status === 'ready' ? state.notes : EMPTY;
  const index = useMemo(() => buildNotesIndex(notes), [notes]);

  const replace = useCallback((id: string, next: Note | null) => {
    setState((current) =>
      current.status === 'ready'
        ? { ...current, notes: replaceNote(current.notes, id, next) }
        : current,
    );
  }, []);
  const add = useCallback((note: Note) => {
    setState((current) =>
      current.status === 'ready' && !current.notes.some((known) => known.id === note.id)
        ? { ...current, notes: [note, ...current.notes] }
        : current,
    );
  }, []);

  const addWritten = useCallback(
    (written: readonly Note[]) => {
      const current = rendered.current;
      if (current.status !== 'ready' || current.partial !== undefined) {
        // Only some notes are known yet: the written ones may or may not be among those read.
        reload();
        return;
      }
      setState((latest) =>
        latest.status === 'ready' ? { ...latest, notes: addNotes(latest.notes, written) } : latest,
      );
      // A read that started before the write may land after this without the written notes.
      if (readsInFlight.current > 0) reload();
    },
    [reload],
  );

  return { state, index, reload, replace, add, addWritten };
}

const EMPTY: Note[] = [];
