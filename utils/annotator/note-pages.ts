/**
 * The article's notes beyond the first reply, a page at a time (`page.notesPage`): the first is
 * asked for in idle time after the first paint, each next one as soon as the one before arrived
 * (one request on its way at a time). Each reply is decoded in a task of its own and appended to
 * the layers' idle queue, which anchors in idle slices. Asking each page in idle time instead kept
 * the queue waiting for pages: a 100,000-note article took half as long again to be placed, and
 * each wait ended in a repaint of every note so far. A notes change heard while a page is on its way makes that page stale (it
 * may hold a note deleted meanwhile): it is asked for again. A note the page already has (its own
 * save, a change feed's new note) is not added twice. A page that fails is asked for again later,
 * and reported once it has failed every time, with a way to ask for it once more (the reader's
 * Retry); a page that comes after that is reported too, so the reader's notice can go.
 */
import type { Requester } from '../messaging/client';
import type { NoteAnchor, NotePageRequest } from '../messaging/protocol';
import type { NotesChange } from '../store/change-feed';
import type { ArticleView } from './article-view';
import { idleScheduler, type ScheduleIdle } from './idle-queue';
import { applyNotesChange, type NotesSyncOutcome } from './notes-sync';
import { type PageClock, windowClock } from './page-clock';

/** How long the pager waits before it asks again for a page that failed, each time. */
export const PAGE_RETRY_DELAYS_MS = [2_000, 10_000];
/** The longest the next page waits for the page to go idle. */
const PAGE_IDLE_TIMEOUT_MS = 200;

/** What the pager works with. */
export interface NotePagesDependencies {
  article: Pick<ArticleView, 'notes' | 'setNotes' | 'appendNotes'>;
  request: Requester;
  /** Runs the first request (after the first paint) when the page is idle. */
  schedule: ScheduleIdle;
  /** Times the retries of a failed page; the window's own timers by default. */
  clock?: PageClock;
  /**
   * Told when a page failed every time: its notes (and the pages after it) stay unshown until
   * `retry` asks for it once more, or the next reload.
   */
  onFailed(error: unknown, retry: () => void): void;
  /** Told when a page arrives after a failure was reported: nothing is missing any more. */
  onRecovered?(): void;
}

/** The notes still to come, and the way to load them all again. */
export interface NotePages {
  /**
   * Asks for the pages after `after` (the first reply's cursor), or from the first note (null:
   * the first reply carried none), appending each.
   */
  follow(after: string | null): void;
  /** Loads every note again, in pages, then replaces the painted notes at once. */
  reload(): void;
  /** A change of this article's notes was heard: a page on its way is asked for again. */
  changed(): void;
  /** Whether pages are still due. */
  busy(): boolean;
  /** Stops asking. */
  stop(): void;
}

/** Creates the pager of one article view. */
export function createNotePages(deps: NotePagesDependencies): NotePages {
  const { article } = deps;
  const clock = deps.clock ?? windowClock(null);
  /** Bumped by each new run (follow, reload, stop): an older run's replies are dropped. */
  let run = 0;
  /** Bumped by each change heard: a reply asked for before it is stale. */
  let epoch = 0;
  let due: { cancel(): void } | null = null;
  let busy = false;
  /** A failure was reported and no page has come since. */
  let reported = false;
  /** The ids of `seenOf`, the notes the view had when they were last counted. */
  let seen = new Set<string>();
  let seenOf: readonly NoteAnchor[] | null = null;

  const known = (): Set<string> => {
    const notes = article.notes();
    if (notes !== seenOf) {
      // Changed by someone else (a save, the change feed): counted again, once.
      seen = new Set(notes.map((note) => note.id));
      seenOf = notes;
    }
    return seen;
  };

  /** Takes the notes of a page that are new to the view. */
  const fresh = (page: readonly NoteAnchor[]): NoteAnchor[] => {
    const ids = known();
    const added = page.filter((note) => !ids.has(note.id));
    for (const note of added) ids.add(note.id);
    return added;
  };

  function stop(): void {
    run += 1;
    due?.cancel();
    due = null;
    busy = false;
  }

  /**
   * Asks for one page and hands its notes to `take`; on to the next page at once while there is
   * one, `done` at the end.
   */
  function ask(
    mine: number,
    payload: NotePageRequest,
    take: (notes: NoteAnchor[]) => void,
    done: () => void,
    attempt = 0,
  ): void {
    const askedAt = epoch;
    deps.request('page.notesPage', payload).then(
      (page) => {
        if (mine !== run) return;
        if (reported) {
          reported = false;
          deps.onRecovered?.();
        }
        if (askedAt !== epoch) {
          ask(mine, payload, take, done);
          return;
        }
        take(page.notes);
        if (page.next === undefined) {
          busy = false;
          done();
          return;
        }
        ask(mine, { after: page.next }, take, done);
      },
      (error: unknown) => {
        if (mine !== run) return;
        const delay = PAGE_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          busy = false;
          reported = true;
          // Asked for by the reader: once, at once, and reported again at once if it fails.
          const retry = (): void => {
            if (mine !== run || busy) return;
            busy = true;
            ask(mine, payload, take, done, PAGE_RETRY_DELAYS_MS.length);
          };
          deps.onFailed(error, retry);
          return;
        }
        due = { cancel: clock.after(delay, () => ask(mine, payload, take, done, attempt + 1)) };
      },
    );
  }

  return {
    follow(after) {
      stop();
      busy = true;
      const mine = run;
      due = deps.schedule(() =>
        ask(
          mine,
          after === null ? {} : { after },
          (notes) => {
            const added = fresh(notes);
            if (added.length > 0) article.appendNotes(added);
            seenOf = article.notes();
          },
          () => undefined,
        ),
      );
    },
    reload() {
      stop();
      busy = true;
      const mine = run;
      const startedAt = { epoch, notes: article.notes() };
      let gathered: NoteAnchor[] = [];
      const begin = (): void =>
        ask(
          mine,
          {},
          (notes) => {
            gathered = gathered.concat(notes);
          },
          () => {
            // A change meanwhile may concern a page already gathered: gathered again.
            if (startedAt.epoch !== epoch || startedAt.notes !== article.notes()) {
              startedAt.epoch = epoch;
              startedAt.notes = article.notes();
              gathered = [];
              busy = true;
              due = deps.schedule(begin);
              return;
            }
            article.setNotes(gathered);
          },
        );
      begin();
    },
    changed() {
      epoch += 1;
    },
    busy: () => busy,
    stop,
  };
}

/** What the page session hands the in-page UI bundle to keep the painted notes current. */
export interface NoteFollowerDependencies {
  article: NotePagesDependencies['article'] & Pick<ArticleView, 'doc' | 'reanchorNotes' | 'clock'>;
  request: Requester;
  /**
   * The first reply's cursor, when the article has more notes than one page; null when that
   * reply carried none of them (`notesLater`): the pages then start at the first note.
   */
  next?: string | null;
  /** Runs the first request when the page is idle; the article's clock's idle callbacks by default. */
  schedule?: ScheduleIdle;
  /** Told what the reader is missing: some notes, with a way to ask again (null: nothing now). */
  onMissing?(missing: NotesMissing): void;
}

/** Some of the article's notes failed to load, and how to ask for them again; no note data. */
export type NotesMissing = { retry(): void } | null;

/**
 * The one place the pager's report and the page-side notice meet, inside the UI bundle: the
 * pager may fail before or after the interactions start, so the last report is kept.
 */
export interface NotesMissingRelay {
  /** What is missing now. */
  current(): NotesMissing;
  /** Records a report and tells every listener. */
  set(missing: NotesMissing): void;
  /** Calls `listener` with each report from now on; the returned function stops that. */
  watch(listener: (missing: NotesMissing) => void): () => void;
}

/** Creates an empty relay (nothing missing). */
export function createNotesMissingRelay(): NotesMissingRelay {
  let missing: NotesMissing = null;
  const listeners = new Set<(missing: NotesMissing) => void>();
  return {
    current: () => missing,
    set(next) {
      missing = next;
      for (const listener of [...listeners]) listener(next);
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The painted notes kept current: the pages still to come, and the change feed's records. */
export interface NoteFollower {
  /** Applies one change record of this article (`notes-sync.ts`). */
  apply(change: Pick<NotesChange, 'noteIds' | 'kind'>): Promise<NotesSyncOutcome>;
  /** Loads every note again (back from the back-forward cache, where changes went unheard). */
  reload(): void;
  /** Stops asking. */
  stop(): void;
}

/**
 * Follows the notes after the first page and the change feed. It lives in the in-page UI bundle,
 * which every article page loads after its first paint: the content script stays within its size.
 */
export function followNotes(deps: NoteFollowerDependencies): NoteFollower {
  const { article, request } = deps;
  const pages = createNotePages({
    article,
    request,
    schedule: deps.schedule ?? idleScheduler(article.clock, PAGE_IDLE_TIMEOUT_MS),
    clock: article.clock,
    onFailed: (error, retry) => {
      console.warn('Counterpoint: some notes could not be loaded', error);
      deps.onMissing?.({ retry });
    },
    onRecovered: () => deps.onMissing?.(null),
  });
  if (deps.next !== undefined) pages.follow(deps.next);
  return {
    apply(change) {
      pages.changed();
      return applyNotesChange(article, request, change, pages.reload);
    },
    reload: pages.reload,
    stop() {
      pages.stop();
      deps.onMissing?.(null);
    },
  };
}
