/**
 * The reader's notes, for the popup and the notes manager: this article's or every article's,
 * grouped by article; a search box that filters as you type (note text, quoted passages, tags),
 * a tag filter and the order; editing in place, delete with Undo, "Show in page"; export and
 * import. The first 100 notes are rendered and "Show more" adds more, so thousands of notes
 * open quickly. The filters are drawn by `NotesFilters`, the empty list and the count by
 * `NotesEmpty`.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  displayTitle,
  groupByArticle,
  limitGroups,
  type NotesSort,
  queryNotes,
  tagCounts,
} from '../../utils/popup/notes-index';
import type { ExportScope } from '../../utils/popup/notes-transfer';
import { NOTES_RENDERED_MARK, NOTES_UPDATED_MARK } from '../../utils/popup/perf-marks';
import type { NotesData } from '../../utils/popup/popup-data';
import { UNDO_WINDOW_MS } from '../../utils/store/notes';
import type { Note } from '../../utils/store/types';
import type { NoteSaveResult } from '../NoteEditor';
import { excerptOfNote } from '../note-text';
import { Toast } from '../Toast';
import { useUniqueId } from '../unique-id';
import { NoteRow } from './NoteRow';
import { countSentence, EmptyNotes } from './NotesEmpty';
import { NotesFilters, type NotesScope } from './NotesFilters';
import { NotesTransfer } from './NotesTransfer';
import { useNotes } from './use-notes';

/** How many notes are rendered at first, and added by each "Show more". */
export const NOTES_PAGE_SIZE = 100;

/** The article the popup is about, when it shows one. */
export interface CurrentArticle {
  articleKey: string;
  title: string;
  /** Notes of this article whose passages were not found on the page. */
  orphanedNoteIds: readonly string[];
  /** This article's notes as already read, shown while every note is being read. */
  notes?: readonly Note[];
}

/** Props of {@link NotesArea}. */
export interface NotesAreaProps {
  data: NotesData;
  /** With an article, the area starts on its notes and offers "All articles" beside it. */
  article?: CurrentArticle;
  /** Called once a note is on its way to the page (the popup closes itself). */
  onShownInPage?(): void;
}

interface ToastState {
  message: string;
  /** The deleted note, while Undo is offered. */
  undo?: Note;
}

/** The notes section. */
export function NotesArea({ data, article, onShownInPage }: NotesAreaProps) {
  const notes = useNotes(data, article?.notes);
  const [scope, setScope] = useState<NotesScope>(article ? 'article' : 'all');
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<NotesSort>('newest');
  const [limit, setLimit] = useState(NOTES_PAGE_SIZE);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [toast, setToast] = useState<ToastState>({ message: '' });
  const [toastPaused, setToastPaused] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const toastDock = useRef<HTMLDivElement>(null);
  /** Set by a delete: the next render moves focus to Undo. */
  const focusUndo = useRef(false);
  const ids = {
    heading: useUniqueId('cp-notes'),
    search: useUniqueId('cp-search'),
    count: useUniqueId('cp-count'),
  };

  const allLive = notes.state.status === 'ready' ? notes.state.notes : [];
  // Every note has been read (not only the current article's preview).
  const complete = notes.state.status === 'ready' && notes.state.partial === undefined;
  /** The newest notes are shown while the rest are read: the list is right, its totals not yet. */
  const newestOnly = notes.state.status === 'ready' && notes.state.partial === 'newest';
  const articleNoteCount = useMemo(
    () => (article ? allLive.filter((note) => note.articleKey === article.articleKey).length : 0),
    [allLive, article],
  );
  const inScope = scope === 'article' && article !== undefined;
  const matching = useMemo(() => {
    const found = queryNotes(notes.index, { search, tag, sort });
    return inScope ? found.filter((note) => note.articleKey === article.articleKey) : found;
  }, [notes.index, search, tag, sort, inScope, article]);
  const groups = useMemo(() => groupByArticle(matching, sort), [matching, sort]);
  const shownGroups = useMemo(() => limitGroups(groups, limit), [groups, limit]);
  const tags = useMemo(() => tagCounts(notes.index), [notes.index]);
  const orphanIds = useMemo(() => new Set(article?.orphanedNoteIds ?? []), [article]);

  // A new search starts from the top of the list again.
  useEffect(() => setLimit(NOTES_PAGE_SIZE), [search, tag, sort, scope]);

  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (notes.state.status !== 'ready') return;
    performance.mark(firstRender.current ? NOTES_RENDERED_MARK : NOTES_UPDATED_MARK);
    firstRender.current = false;
  }, [notes.state.status, shownGroups]);

  useEffect(() => {
    if (!focusUndo.current || toast.undo === undefined) return;
    focusUndo.current = false;
    const undoButton = toastDock.current?.querySelector('button');
    if (undoButton) undoButton.focus();
    else headingRef.current?.focus();
  }, [toast]);

  // The toast (and its Undo) lasts as long as the store keeps a deleted note restorable.
  useEffect(() => {
    if (toast.message === '' || toastPaused) return;
    const timer = setTimeout(
      () => setToast({ message: '' }),
      toast.undo ? UNDO_WINDOW_MS - 1000 : 5000,
    );
    return () => clearTimeout(timer);
  }, [toast, toastPaused]);

  async function save(
    id: string,
    input: { body: string; tags: string[] },
  ): Promise<NoteSaveResult> {
    try {
      const updated = await data.updateNote(id, input);
      notes.replace(id, updated);
      setEditingId(null);
      setToast({ message: t('notes_saved') });
      return { ok: true };
    } catch (thrown) {
      // The editor stays open with everything typed, and shows this.
      return { ok: false, error: messageOf(thrown) };
    }
  }

  async function remove(note: Note) {
    setBusyId(note.id);
    setError('');
    try {
      await data.deleteNote(note.id);
      notes.replace(note.id, null);
      setToast({ message: t('notes_deleted', [excerptOfNote(note, 30)]), undo: note });
      // The deleted note's buttons are gone; Undo is where a keyboard user needs to be. While it
      // has focus the toast stays (the pause), and it leaves when the reader moves on.
      focusUndo.current = true;
    } catch (thrown) {
      setError(t('notes_delete_failed', [messageOf(thrown)]));
    } finally {
      setBusyId(null);
    }
  }

  async function undo(note: Note) {
    setToast({ message: '' });
    try {
      const restored = await data.restoreNote(note.id);
      notes.add(restored);
      setToast({ message: t('notes_restored') });
      // Undo has gone with its toast; the list's heading is a stable place to continue from.
      headingRef.current?.focus();
    } catch (thrown) {
      setError(t('notes_restore_failed', [messageOf(thrown)]));
    }
  }

  async function showInPage(note: Note) {
    setBusyId(note.id);
    setError('');
    try {
      const outcome = await data.showNoteInPage(note);
      if (outcome.status === 'failed') setError(outcome.error);
      else if (outcome.status === 'orphaned') setError(t('notes_show_orphaned'));
      else onShownInPage?.();
    } catch (thrown) {
      setError(t('notes_show_failed', [messageOf(thrown)]));
    } finally {
      setBusyId(null);
    }
  }

  const exportScope: ExportScope =
    inScope && article
      ? { kind: 'article', articleKey: article.articleKey, title: article.title }
      : { kind: 'all' };
  const shownCount = Math.min(limit, matching.length);
  const filtering = search.trim() !== '' || tag !== '';

  return (
    <>
      <section class="cp-section" aria-labelledby={ids.heading}>
        <div class="cp-section-title">
          <h2 id={ids.heading} ref={headingRef} tabIndex={-1}>
            {t('notes_heading')}
          </h2>
        </div>
        <NotesFilters
          ids={ids}
          scope={
            article
              ? {
                  value: scope,
                  articleCount: articleNoteCount,
                  allCount: complete ? allLive.length : null,
                  onChange: setScope,
                }
              : undefined
          }
          search={search}
          onSearch={setSearch}
          tag={tag}
          tags={tags}
          onTag={setTag}
          sort={sort}
          onSort={setSort}
        />
        <p id={ids.count} class="cp-result-count" aria-live="polite">
          {newestOnly
            ? t('notes_reading_rest')
            : notes.state.status === 'ready' && allLive.length > 0
              ? countSentence(shownCount, matching.length, filtering)
              : ''}
        </p>
        <p role="alert" class="cp-error-box">
          {error}
        </p>
        {notes.state.status === 'loading' ||
        (notes.state.status === 'ready' && notes.state.partial === 'article' && !inScope) ? (
          <p class="cp-muted" aria-busy="true">
            {t('notes_loading')}
          </p>
        ) : notes.state.status === 'error' ? (
          <div class="cp-error-box">
            <p>{notes.state.message}</p>
            <button type="button" class="cp-button" onClick={notes.reload}>
              {t('notes_try_again')}
            </button>
          </div>
        ) : matching.length === 0 ? (
          <EmptyNotes
            anyNotes={allLive.length > 0 || !complete}
            filtering={filtering}
            articleOnly={inScope}
            onClear={() => {
              setSearch('');
              setTag('');
            }}
          />
        ) : (
          <div class="cp-groups">
            {shownGroups.map((group) => (
              <div key={group.articleKey} class="cp-group">
                {inScope ? null : (
                  <h3 class="cp-group-title">
                    <span>{displayTitle(group)}</span>
                  </h3>
                )}
                <ul class="cp-note-rows">
                  {group.notes.map((note) => (
                    <NoteRow
                      key={note.id}
                      note={note}
                      editing={editingId === note.id}
                      orphan={orphanIds.has(note.id)}
                      busy={busyId === note.id}
                      onEdit={setEditingId}
                      onCancelEdit={() => setEditingId(null)}
                      onSave={save}
                      onDelete={(chosen) => void remove(chosen)}
                      onShowInPage={(chosen) => void showInPage(chosen)}
                    />
                  ))}
                </ul>
              </div>
            ))}
            {matching.length > shownCount ? (
              <button
                type="button"
                class="cp-button"
                onClick={() => setLimit((current) => current + NOTES_PAGE_SIZE)}
              >
                {t('notes_show_more', [
                  Math.min(NOTES_PAGE_SIZE, matching.length - shownCount),
                  matching.length - shownCount,
                ])}
              </button>
            ) : null}
          </div>
        )}
      </section>
      {complete ? (
        <NotesTransfer
          data={data}
          notes={allLive}
          scope={exportScope}
          onImported={notes.addWritten}
        />
      ) : null}
      {/* A live region that stays mounted, so each toast is announced as it appears. */}
      <div class="cp-toast-dock" aria-live="polite" ref={toastDock}>
        {toast.message === '' ? null : (
          <Toast
            message={toast.message}
            actionLabel={toast.undo ? t('notes_undo') : undefined}
            onAction={toast.undo ? () => void undo(toast.undo as Note) : undefined}
            onDismiss={() => setToast({ message: '' })}
            onPause={setToastPaused}
          />
        )}
      </div>
    </>
  );
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
