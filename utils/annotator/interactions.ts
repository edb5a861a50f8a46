/**
 * What the reader does with the painted article: a click on highlighted text, a marker (Enter,
 * Space or click), or a pointer resting on a highlight opens its popover; Escape or Close shuts it
 * and gives focus back; selecting text offers "Add note"; notes are saved, edited, deleted and
 * restored through the background. Draws into the overlay (Preact, closed shadow root).
 *
 * This is part of the in-page UI bundle, loaded after the article is painted
 * (`article-view.ts`), so the content script's critical path stays small.
 */
import type { OverlayPanel, PageOverlayProps } from '../../components/overlay/PageOverlay';
import { describe } from '../anchoring';
import type { Requester } from '../messaging/client';
import type { AboutEntry, Verdict } from '../packs/types';
import { DEFAULT_SHORTCUTS } from '../shortcuts';
import type { StoredClaim } from '../store/db';
import { quoteOfNote } from '../store/note-quote';
import type { Note } from '../store/types';
import type { ArticleView } from './article-view';
import type { OverlayHost } from './overlay-host';

/** Keyboard shortcuts on the article page. */
export const SHORTCUTS = {
  next: DEFAULT_SHORTCUTS.nextClaim,
  previous: DEFAULT_SHORTCUTS.previousClaim,
  addNote: DEFAULT_SHORTCUTS.addNote,
};

/** How long the pointer rests on a highlight before its popover opens. */
export const HOVER_OPEN_MS = 350;
/** How long the popover stays after the pointer leaves, so it can travel into it. */
export const HOVER_GRACE_MS = 300;
/** How long "Undo" is offered after a delete. */
export const UNDO_TOAST_MS = 8000;

/** What the interactions need. */
export interface InteractionDependencies {
  view: ArticleView;
  /** The headline element, for placing the reading guide next to it. */
  headline: Element | null;
  /** "About this source" entries of the article's pack, if any. */
  about: readonly AboutEntry[];
  request: Requester;
  newId: () => string;
  /** Creates the overlay's closed shadow root on the page. */
  createOverlay: (doc: Document) => OverlayHost;
}

/** The running interactions. */
export interface Interactions {
  showClaim(id: string): void;
  showNote(id: string): void;
  /** Opens the note editor for the current selection (keyboard command, context menu). */
  addNoteFromSelection(): void;
  destroy(): void;
}

type PanelMode = 'pinned' | 'hover';

/** Starts the interactions on a painted article. */
export function createInteractions(deps: InteractionDependencies): Interactions {
  const { view: article, request } = deps;
  const { doc, body, layers } = article;
  const view = doc.defaultView ?? window;
  const listeners = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let destroyed = false;

  const claims = (): readonly StoredClaim[] => article.claims();
  const notes = (): readonly Note[] => article.notes();

  // Overlay state.
  let overlay: OverlayHost | null = null;
  let panel: OverlayPanel | null = null;
  let panelId: string | null = null;
  let panelMode: PanelMode = 'pinned';
  let panelKey = 0;
  let focusPanel = false;
  let returnFocusTo: HTMLElement | null = null;
  /** A popover opened by the pointer gives focus back without scrolling the page. */
  let returnFocusQuietly = false;
  let pointerInPanel = false;
  let adder: PageOverlayProps['adder'] = null;
  let toast: PageOverlayProps['toast'] = null;

  const later = (fn: () => void, ms: number): ReturnType<typeof setTimeout> => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!destroyed) fn();
    }, ms);
    timers.add(timer);
    return timer;
  };
  const cancel = (timer: ReturnType<typeof setTimeout> | null): void => {
    if (timer === null) return;
    clearTimeout(timer);
    timers.delete(timer);
  };

  const claimById = (id: string) => claims().find((claim) => claim.id === id);
  const noteById = (id: string) => notes().find((note) => note.id === id);

  article.ignore((node) => overlay?.isHost(node) ?? false);
  article.attach({
    onMarker(kind, id, button) {
      if (panelId === id && panelMode === 'pinned') {
        closePanel();
        return;
      }
      returnFocusTo = button;
      returnFocusQuietly = false;
      if (kind === 'claim') openClaim(id, 'pinned', true);
      else openNote(id, 'pinned', true);
    },
    onMarkerHover(kind, id, hovering) {
      if (hovering) scheduleHoverOpen(kind, id);
      else leaveHighlight();
    },
  });

  // ---- Overlay ------------------------------------------------------------------------------

  function guideProps(): PageOverlayProps['guide'] {
    const reference = deps.headline;
    const all = claims();
    if (!reference || !article.visibility().claims || all.length === 0) return null;
    const status = layers.status();
    const counts: Partial<Record<Verdict, number>> = {};
    for (const claim of all) {
      if (layers.rangeOf(claim.id)) counts[claim.verdict] = (counts[claim.verdict] ?? 0) + 1;
    }
    return {
      reference,
      claimCounts: counts,
      anchoredClaims: status.claimsAnchored,
      totalClaims: all.length,
      about: deps.about,
      notesPlaced: status.notesAnchored,
      notesOrphaned: status.orphanedNoteIds.length,
      onNext: () => stepClaim(1),
      onPrevious: () => stepClaim(-1),
      onShowOrphans: showOrphans,
    };
  }

  function redraw(): void {
    if (destroyed) return;
    const guide = guideProps();
    const needed = panel !== null || adder !== null || toast !== null || guide !== null;
    if (!needed) {
      overlay?.destroy();
      overlay = null;
      return;
    }
    overlay ??= deps.createOverlay(doc);
    overlay.render({
      panel,
      panelKey,
      focusPanel,
      guide,
      adder,
      toast,
      shortcuts: SHORTCUTS,
      onClosePanel: () => closePanel(),
      onPanelPointer: (inside) => {
        pointerInPanel = inside;
        if (inside) cancel(hoverCloseTimer);
        else if (panelMode === 'hover') leaveHighlight();
      },
      onOpenNote: (id) => openNote(id, 'pinned', true),
      onAddNoteToClaim: (claim) => addNoteToClaim(claim),
      onEditNote: (note) => editNote(note),
      onDeleteNote: (note) => void deleteNote(note),
    });
  }

  function setPanel(
    next: OverlayPanel | null,
    id: string | null,
    mode: PanelMode,
    focus: boolean,
  ): void {
    panel = next;
    panelId = id;
    panelMode = mode;
    focusPanel = focus;
    panelKey++;
    layers.setActive(id);
    layers.setExpanded(next ? id : null);
    redraw();
  }

  function openClaim(id: string, mode: PanelMode, focus: boolean): void {
    const claim = claimById(id);
    const range = layers.rangeOf(id);
    if (!claim || !range) return;
    const attached = notes().filter((note) => note.claimId === id);
    setPanel({ kind: 'claim', claim, notes: attached, reference: range }, id, mode, focus);
  }

  function openNote(id: string, mode: PanelMode, focus: boolean): void {
    const note = noteById(id);
    if (!note) return;
    setPanel({ kind: 'note', note, reference: layers.rangeOf(id) }, id, mode, focus);
  }

  function closePanel(): void {
    if (!panel) return;
    const target = returnFocusTo;
    const quietly = returnFocusQuietly;
    returnFocusTo = null;
    returnFocusQuietly = false;
    setPanel(null, null, 'pinned', false);
    if (target?.isConnected) target.focus({ preventScroll: quietly });
  }

  function showToast(message: string, action?: { label: string; run(): void }, ms = 4000): void {
    cancel(toastTimer);
    const dismiss = (): void => {
      cancel(toastTimer);
      toast = null;
      redraw();
    };
    toast = {
      message,
      ...(action
        ? {
            actionLabel: action.label,
            onAction: () => {
              dismiss();
              action.run();
            },
          }
        : {}),
      onDismiss: dismiss,
      onPause: (paused) => {
        cancel(toastTimer);
        if (!paused) toastTimer = later(dismiss, ms);
      },
    };
    toastTimer = later(dismiss, ms);
    redraw();
  }
  let toastTimer: ReturnType<typeof setTimeout> | null = null;

  // ---- Hover --------------------------------------------------------------------------------

  let hoverOpenTimer: ReturnType<typeof setTimeout> | null = null;
  let hoverCloseTimer: ReturnType<typeof setTimeout> | null = null;
  let hoveredId: string | null = null;

  function scheduleHoverOpen(kind: 'claim' | 'note', id: string): void {
    cancel(hoverCloseTimer);
    if (hoveredId === id) return;
    hoveredId = id;
    cancel(hoverOpenTimer);
    if (panel && panelMode === 'pinned') return;
    hoverOpenTimer = later(() => {
      if (kind === 'claim') openClaim(id, 'hover', false);
      else openNote(id, 'hover', false);
    }, HOVER_OPEN_MS);
  }

  function leaveHighlight(): void {
    hoveredId = null;
    cancel(hoverOpenTimer);
    if (panel && panelMode === 'hover') {
      cancel(hoverCloseTimer);
      hoverCloseTimer = later(() => {
        if (!pointerInPanel && panelMode === 'hover') closePanel();
      }, HOVER_GRACE_MS);
    }
  }

  function kindOf(id: string): 'claim' | 'note' | null {
    if (claimById(id)) return 'claim';
    if (noteById(id)) return 'note';
    return null;
  }

  let pointerFrame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own input counts: the page can dispatch events, not make them trusted.
      if (!event.isTrusted || pointerFrame || overlay?.contains(event)) return;
      const { clientX, clientY } = event;
      pointerFrame = view.requestAnimationFrame(() => {
        pointerFrame = 0;
        if (destroyed) return;
        const [id] = layers.hitTest(clientX, clientY);
        const kind = id ? kindOf(id) : null;
        if (id && kind) scheduleHoverOpen(kind, id);
        else if (hoveredId) leaveHighlight();
      });
    },
    { signal: listeners.signal, passive: true },
  );

  // ---- Click and keyboard -------------------------------------------------------------------

  doc.addEventListener(
    'click',
    (event) => {
      if (
        !event.isTrusted ||
        overlay?.contains(event) ||
        event.defaultPrevented ||
        event.button !== 0
      ) {
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      // Links inside a claim keep working as links.
      if (target?.closest('a[href], button, input, textarea, select, label')) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return;
      const [id] = layers.hitTest(event.clientX, event.clientY);
      const kind = id ? kindOf(id) : null;
      if (!id || !kind) {
        if (panel && panel.kind !== 'editor') closePanel();
        return;
      }
      returnFocusTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
      returnFocusQuietly = true;
      if (kind === 'claim') openClaim(id, 'pinned', true);
      else openNote(id, 'pinned', true);
    },
    { signal: listeners.signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && panel && panel.kind !== 'editor') {
        closePanel();
        return;
      }
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
        if (event.code === 'KeyJ') {
          event.preventDefault();
          stepClaim(1);
        } else if (event.code === 'KeyK') {
          event.preventDefault();
          stepClaim(-1);
        }
      }
    },
    { signal: listeners.signal },
  );

  function stepClaim(direction: 1 | -1): void {
    const order = layers.placedClaims();
    if (order.length === 0) return;
    const current = panelId && order.includes(panelId) ? order.indexOf(panelId) : -1;
    const focused = order.findIndex((id) => layers.markerOf(id) === doc.activeElement);
    const from = current >= 0 ? current : focused;
    const next =
      from < 0
        ? direction === 1
          ? 0
          : order.length - 1
        : (from + direction + order.length) % order.length;
    const id = order[next];
    if (!id) return;
    const marker = layers.markerOf(id);
    layers
      .rangeOf(id)
      ?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (marker) {
      marker.focus({ preventScroll: true });
      returnFocusTo = marker;
    }
    openClaim(id, 'pinned', false);
  }

  // ---- Selection and notes ------------------------------------------------------------------

  let selectionTimer: ReturnType<typeof setTimeout> | null = null;
  doc.addEventListener(
    'selectionchange',
    () => {
      cancel(selectionTimer);
      selectionTimer = later(updateAdder, 120);
    },
    { signal: listeners.signal },
  );

  function currentSelectionRange(): Range | null {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (range.toString().trim() === '') return null;
    return range;
  }

  function updateAdder(): void {
    if (panel?.kind === 'editor') return;
    const range = currentSelectionRange();
    const inPage = range && doc.body?.contains(range.commonAncestorContainer);
    const next =
      range && inPage
        ? { reference: range.cloneRange(), onAdd: () => openEditorForRange(range.cloneRange()) }
        : null;
    if (!next && !adder) return;
    adder = next;
    redraw();
  }

  /** Describes a selection: in the article body first, else on the whole page if unique there. */
  function describeSelection(range: Range) {
    const ignore = layers.isOwnNode;
    const inBody =
      body.contains(range.commonAncestorContainer) || body === range.commonAncestorContainer;
    const root = inBody ? body : doc.body;
    if (!root) return { ok: false as const, message: 'This part of the page cannot take a note.' };
    const result = describe(root, range, { ignore });
    if (result.ok) return { ok: true as const, selectors: result.selectors };
    const messages: Record<typeof result.reason, string> = {
      'empty-range': 'Select some words of the article first.',
      'outside-root': 'Select text inside the article to add a note.',
      'in-ignored-node':
        'That selection touches Counterpoint’s own buttons; select the article’s words only.',
      'detached-root':
        'The article changed while you were selecting; please select the passage again.',
      'invalid-range': 'Select some words of the article first.',
    };
    return { ok: false as const, message: messages[result.reason] };
  }

  function openEditorForRange(range: Range, claimId?: string): void {
    const described = describeSelection(range);
    adder = null;
    if (!described.ok) {
      showToast(described.message);
      return;
    }
    const quote = described.selectors[0].exact;
    returnFocusTo = null;
    setPanel(
      {
        kind: 'editor',
        mode: 'add',
        quote,
        reference: range,
        onSave: async ({ body: text, tags }) => {
          try {
            const note = await request('note.create', {
              id: deps.newId(),
              target: { selectors: described.selectors },
              body: text,
              tags,
              ...(claimId ? { claimId } : {}),
            });
            article.setNotes([...notes().filter((n) => n.id !== note.id), note]);
            doc.getSelection()?.removeAllRanges();
            setPanel(null, null, 'pinned', false);
            showToast('Note saved.');
            return { ok: true };
          } catch (error) {
            return { ok: false, error: error instanceof Error ? error.message : String(error) };
          }
        },
      },
      null,
      'pinned',
      true,
    );
  }

  function addNoteToClaim(claim: StoredClaim): void {
    const range = layers.rangeOf(claim.id);
    if (!range) return;
    openEditorForRange(range.cloneRange(), claim.id);
  }

  function editNote(note: Note): void {
    setPanel(
      {
        kind: 'editor',
        mode: 'edit',
        quote: quoteOfNote(note),
        initialBody: note.body,
        initialTags: note.tags,
        reference: layers.rangeOf(note.id),
        onSave: async ({ body: text, tags }) => {
          try {
            const updated = await request('note.update', { id: note.id, body: text, tags });
            article.setNotes(notes().map((n) => (n.id === updated.id ? updated : n)));
            openNote(updated.id, 'pinned', true);
            showToast('Note updated.');
            return { ok: true };
          } catch (error) {
            return { ok: false, error: error instanceof Error ? error.message : String(error) };
          }
        },
      },
      note.id,
      'pinned',
      true,
    );
  }

  async function deleteNote(note: Note): Promise<void> {
    try {
      await request('note.delete', { id: note.id });
    } catch (error) {
      showToast(error instanceof Error ? error.message : String(error));
      return;
    }
    closePanel();
    article.setNotes(notes().filter((n) => n.id !== note.id));
    showToast(
      'Note deleted.',
      {
        label: 'Undo',
        run: () => {
          void request('note.restore', { id: note.id })
            .then((restored) => {
              article.setNotes([...notes().filter((n) => n.id !== restored.id), restored]);
              showToast('Note restored.');
            })
            .catch((error: unknown) =>
              showToast(error instanceof Error ? error.message : String(error)),
            );
        },
      },
      UNDO_TOAST_MS,
    );
  }

  function showOrphans(): void {
    const orphaned = new Set(layers.status().orphanedNoteIds);
    setPanel(
      {
        kind: 'orphans',
        notes: notes().filter((note) => orphaned.has(note.id)),
        reference: deps.headline,
      },
      null,
      'pinned',
      true,
    );
  }

  // ---- Following the article ----------------------------------------------------------------

  /** After the article was repainted, the open popover follows its passage (or closes). */
  const stopFollowing = article.subscribe((change) => {
    if (change === 'visibility' && panel && panel.kind !== 'editor') closePanel();
    if (panel?.kind === 'claim' && panelId) {
      const range = layers.rangeOf(panelId);
      if (!range) {
        closePanel();
      } else {
        panel = { ...panel, reference: range, notes: notes().filter((n) => n.claimId === panelId) };
      }
    }
    if (panel?.kind === 'note' && panelId) {
      const note = noteById(panelId);
      if (!note) closePanel();
      else panel = { ...panel, note, reference: layers.rangeOf(panelId) };
    }
    redraw();
  });

  redraw();

  return {
    showClaim(id) {
      const range = layers.rangeOf(id);
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const marker = layers.markerOf(id);
      if (marker) returnFocusTo = marker;
      openClaim(id, 'pinned', true);
    },
    showNote(id) {
      const range = layers.rangeOf(id);
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const marker = layers.markerOf(id);
      if (marker) returnFocusTo = marker;
      openNote(id, 'pinned', true);
    },
    addNoteFromSelection() {
      const range = currentSelectionRange();
      if (!range) {
        showToast('Select a passage of the article first, then add a note.');
        return;
      }
      openEditorForRange(range.cloneRange());
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopFollowing();
      listeners.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (pointerFrame) view.cancelAnimationFrame(pointerFrame);
      overlay?.destroy();
      overlay = null;
    },
  };
}
