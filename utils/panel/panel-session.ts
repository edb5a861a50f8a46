/**
 * The popover frame's controller (an extension page in the article's tab, `popover.html`).
 *
 * It waits for the one message that brings its port: posted by the content script to this
 * window, with the secret the content script gave the frame as its name. Every other message,
 * and any port without the secret, is ignored, so the page (which can post to any frame) can
 * neither command nor listen to it. Commands say what to show, by id; note text is read from
 * the background here (`panel.notes`, answered for this tab's article only) and written back
 * (`note.create`, `note.update`, `note.delete`). The page-side layer hears only what happened,
 * by id.
 */

import type { Browser } from '../browser';
import { t } from '../i18n';
import type { Requester } from '../messaging/client';
import {
  PANEL_CONNECT,
  type PanelCommand,
  type PanelEvent,
  type PanelView,
} from '../messaging/panel-protocol';
import type { AboutEntry } from '../packs/types';
import { DEFAULT_SHORTCUTS, matchesShortcut } from '../shortcuts';
import { watchNotesChanged } from '../store/change-feed';
import type { Note } from '../store/types';
import { watchWhileShown } from '../while-shown';

/** What the frame draws. */
export interface PanelState {
  view: PanelView | null;
  serial: number;
  /** Whether to move focus into the popover once it is drawn. */
  focus: boolean;
  notes: readonly Note[] | null;
  error: string | null;
  about: readonly AboutEntry[];
  /** When the pack's claims were last reviewed, for claim popovers. */
  lastReviewed: string | null;
  /** The article's address (no fragment), for "Copy link to this claim"; null if not sent. */
  articleUrl: string | null;
  /** The page's scheme, which the popover follows. */
  scheme: 'light' | 'dark';
  /** What the reader typed but did not save in this editor before, if anything. */
  draft: NoteDraft | null;
}

/** An editor's unsaved text: the note field and the tags field as typed. */
export interface NoteDraft {
  body: string;
  tagsField: string;
}

/** What the controller needs. */
export interface PanelSessionDependencies {
  window: Window;
  browser: Browser;
  request: Requester;
  /** Draws the state (Preact in the real frame, a recorder in tests). */
  render(state: PanelState, actions: PanelActions): void;
  /** Moves focus to the popover (its dialog, or the editor's text box). */
  focusPopover(): void;
  /** A new note id (tests); by default a random UUID, see {@link randomNoteId}. */
  newId?: () => string;
}

/** What the reader can do in the frame. */
export interface PanelActions {
  close(): void;
  openNote(id: string): void;
  addNoteToClaim(claimId: string): void;
  editNote(id: string): void;
  deleteNote(id: string): Promise<void>;
  create(input: {
    body: string;
    tags: string[];
  }): Promise<{ ok: true } | { ok: false; error: string }>;
  update(
    id: string,
    input: { body: string; tags: string[] },
  ): Promise<{ ok: true } | { ok: false; error: string }>;
  /** The editor's text changed: keep it as a draft until it is saved. */
  keepDraft(draft: NoteDraft): void;
  /** The popover's natural height changed. */
  resized(height: number): void;
}

/** The running controller. */
export interface PanelSession {
  /** Whether a port was accepted. */
  connected(): boolean;
  destroy(): void;
}

/** Starts the frame's controller. */
export function startPanelSession(deps: PanelSessionDependencies): PanelSession {
  const { window: win, request } = deps;
  const secret = win.name;
  const newId = deps.newId ?? (() => randomNoteId(win.crypto));
  const listeners = new AbortController();
  let port: MessagePort | null = null;
  let state: PanelState = {
    view: null,
    serial: 0,
    focus: false,
    notes: null,
    error: null,
    about: [],
    lastReviewed: null,
    articleUrl: null,
    scheme: 'light',
    draft: null,
  };
  /**
   * Unsaved editor text by passage (a new note) or by note (an edit), kept for the frame's life
   * (the article's tab), so Escape or Cancel never throws away what was typed.
   */
  const drafts = new Map<string, NoteDraft>();
  const draftKey = (view: PanelView | null): string | null =>
    view?.kind === 'new-note'
      ? // By the passage's words: selecting the same words again finds the draft again.
        `new:${view.claimId ?? ''}:${view.quote.replace(/\s+/g, ' ').trim()}`
      : view?.kind === 'edit-note'
        ? `edit:${view.noteId}`
        : null;
  let notesLoad: Promise<void> | null = null;

  const send = (event: PanelEvent): void => port?.postMessage(event);

  const setState = (next: Partial<PanelState>): void => {
    state = { ...state, ...next };
    deps.render(state, actions);
  };

  function loadNotes(force = false): Promise<void> {
    if (notesLoad && !force) return notesLoad;
    notesLoad = request('panel.notes', {})
      .then((notes) => setState({ notes, error: null }))
      .catch((error: unknown) => {
        notesLoad = null;
        setState({ error: error instanceof Error ? error.message : String(error) });
      });
    return notesLoad;
  }

  const result = (error: unknown) => ({
    ok: false as const,
    error: error instanceof Error ? error.message : String(error),
  });

  const actions: PanelActions = {
    close: () => {
      const key = draftKey(state.view);
      send(key && drafts.has(key) ? { type: 'close', draftKept: true } : { type: 'close' });
    },
    openNote: (noteId) => send({ type: 'open-note', noteId }),
    addNoteToClaim: (claimId) => send({ type: 'add-note-to-claim', claimId }),
    editNote(noteId) {
      const view: PanelView = { kind: 'edit-note', noteId };
      setState({ view, focus: true, draft: drafts.get(draftKey(view) ?? '') ?? null });
      deps.focusPopover();
    },
    async deleteNote(noteId) {
      try {
        await request('note.delete', { id: noteId });
        setState({ notes: (state.notes ?? []).filter((note) => note.id !== noteId) });
        send({ type: 'deleted', noteId });
      } catch (error) {
        setState({ error: result(error).error });
      }
    },
    async create(input) {
      const view = state.view;
      if (view?.kind !== 'new-note') return { ok: false, error: t('panel_nothing_to_save') };
      try {
        const note = await request('note.create', {
          id: newId(),
          target: { selectors: view.selectors },
          body: input.body,
          tags: input.tags,
          ...(view.claimId ? { claimId: view.claimId } : {}),
        });
        drafts.delete(draftKey(view) ?? '');
        setState({ notes: [...(state.notes ?? []).filter((n) => n.id !== note.id), note] });
        send({ type: 'saved', noteId: note.id, created: true });
        return { ok: true };
      } catch (error) {
        return result(error);
      }
    },
    async update(noteId, input) {
      try {
        const note = await request('note.update', { id: noteId, ...input });
        drafts.delete(`edit:${noteId}`);
        setState({ notes: (state.notes ?? []).map((n) => (n.id === note.id ? note : n)) });
        send({ type: 'saved', noteId: note.id, created: false });
        return { ok: true };
      } catch (error) {
        return result(error);
      }
    },
    keepDraft(draft) {
      const key = draftKey(state.view);
      if (!key) return;
      if (draft.body.trim() === '' && draft.tagsField.trim() === '') drafts.delete(key);
      else drafts.set(key, draft);
    },
    resized(height) {
      if (state.view) send({ type: 'size', serial: state.serial, height });
    },
  };

  function onCommand(command: PanelCommand): void {
    if (command.type === 'hide') {
      setState({ view: null, focus: false });
      return;
    }
    if (command.type === 'focus') {
      deps.focusPopover();
      return;
    }
    if (command.type === 'show') {
      setState({
        view: command.view,
        serial: command.serial,
        focus: command.focus,
        about: command.about ?? [],
        lastReviewed: command.lastReviewed ?? null,
        articleUrl: typeof command.articleUrl === 'string' ? command.articleUrl : null,
        scheme: command.scheme === 'dark' ? 'dark' : 'light',
        draft: drafts.get(draftKey(command.view) ?? '') ?? null,
      });
      if (command.view.kind !== 'new-note') void loadNotes();
    }
  }

  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      // The port comes once, from the window that holds this frame, with this frame's secret.
      if (port || secret === '' || event.source !== win.parent) return;
      const data = event.data as { type?: unknown; secret?: unknown } | null;
      const offered = event.ports[0];
      if (!data || data.type !== PANEL_CONNECT || data.secret !== secret || !offered) return;
      port = offered;
      port.onmessage = (message: MessageEvent) => {
        const command = message.data as PanelCommand | null;
        if (command && typeof command === 'object' && typeof command.type === 'string') {
          onCommand(command);
        }
      };
      send({ type: 'ready' });
    },
    { signal: listeners.signal },
  );

  win.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && state.view) {
        event.preventDefault();
        send({ type: 'close' });
      } else if (matchesShortcut(event, DEFAULT_SHORTCUTS.nextClaim)) {
        event.preventDefault();
        send({ type: 'step', direction: 1 });
      } else if (matchesShortcut(event, DEFAULT_SHORTCUTS.previousClaim)) {
        event.preventDefault();
        send({ type: 'step', direction: -1 });
      }
    },
    { signal: listeners.signal },
  );

  const rootElement = win.document.documentElement;
  for (const [type, inside] of [
    ['pointerenter', true],
    ['pointerleave', false],
  ] as const) {
    rootElement.addEventListener(
      type,
      (event) => {
        if (event.isTrusted && state.view) send({ type: 'pointer', inside });
      },
      { signal: listeners.signal },
    );
  }

  // Notes written elsewhere (the popup, another tab) are read again when next needed.
  const notesChanged = (): void => {
    notesLoad = null;
    if (state.view && state.view.kind !== 'new-note') void loadNotes(true);
  };
  // Only while the frame is shown: see `watchWhileShown`.
  const stopWatching = watchWhileShown(win.document, listeners.signal, {
    watch: () => watchNotesChanged(deps.browser, notesChanged),
    resumed: notesChanged,
  });

  deps.render(state, actions);

  return {
    connected: () => port !== null,
    destroy() {
      listeners.abort();
      stopWatching();
      port?.close();
      port = null;
    },
  };
}

/**
 * A random (version 4) UUID from `getRandomValues`. Not `crypto.randomUUID`: that exists only in
 * a secure context, and in Firefox the frame on an `http:` article is not one (a frame is secure
 * only if the page holding it is), so saving a note there failed.
 */
export function randomNoteId(source: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
