/**
 * What the reader does with the painted article, on the page side: a click on highlighted text,
 * a claim's marker (Enter, Space or click), or a pointer resting on a claim opens the popover
 * frame next to it; Escape or Close shuts it and gives focus back; selecting text offers
 * "Add note"; Alt+Shift+J / K step through the claims.
 *
 * This layer knows where notes are, never what they say: the popover frame (an extension page,
 * `panel-frame.ts`) is told which claim or note to show, or the selectors of a new note, and
 * reads and writes note text itself. The overlay here (the "Add note" button, the reading guide,
 * toasts) carries no note text. Only trusted input acts.
 *
 * Part of the in-page UI bundle, loaded after the article is painted (`article-view.ts`).
 */
import { describe } from '../anchoring';
import type { Requester } from '../messaging/client';
import type { PanelEvent, PanelView } from '../messaging/panel-protocol';
import type { AboutEntry, Verdict } from '../packs/types';
import { DEFAULT_SHORTCUTS, matchesShortcut } from '../shortcuts';
import type { StoredClaim } from '../store/db';
import type { ArticleView } from './article-view';
import { createHoverIntent } from './hover-intent';
import type { OverlayHost, OverlayState } from './overlay-state';
import type { PanelFrame, PanelFrameDependencies, PanelReference } from './panel-frame';
import { rangeOutsideOwnNodes } from './selection-range';

/** Keyboard shortcuts on the article page. */
export const SHORTCUTS = {
  next: DEFAULT_SHORTCUTS.nextClaim,
  previous: DEFAULT_SHORTCUTS.previousClaim,
  addNote: DEFAULT_SHORTCUTS.addNote,
};

/** How long the pointer rests on a claim before its popover opens. */
export const HOVER_OPEN_MS = 350;
/** How long the popover stays after the pointer leaves, so it can travel into it. */
export const HOVER_GRACE_MS = 300;
/** The smallest window (CSS px) in which the reading guide starts open. */
export const ROOMY_WINDOW = { width: 1000, height: 700 };
/** How long "Undo" is offered after a delete. */
export const UNDO_TOAST_MS = 8000;

/** What the page says after the highlights command. */
export const HIGHLIGHT_TOASTS = {
  off: (shortcut: string) =>
    shortcut === ''
      ? 'Highlights off. Turn them back on from the Counterpoint toolbar button.'
      : `Highlights off — ${shortcut} to turn them back on.`,
  on: 'Highlights on.',
  paused: 'Counterpoint is paused on this site. Resume it from the Counterpoint toolbar button.',
} as const;

/** What the interactions need. */
export interface InteractionDependencies {
  view: ArticleView;
  /** The headline element, for placing the reading guide next to it. */
  headline: Element | null;
  /** "About this source" entries of the article's pack, if any. */
  about: readonly AboutEntry[];
  /** When the pack's claims were last reviewed (ISO date), if a pack matched. */
  lastReviewed?: string;
  request: Requester;
  /** Creates the overlay's closed shadow root on the page. */
  createOverlay: (doc: Document) => OverlayHost;
  /**
   * Shows the welcome card on this page: given on the first article visit only. `opened` is
   * called once it is shown (to record that it was); `onHelp` opens the help page.
   */
  welcome?: { opened(): void; onHelp(): void };
  /** Creates the popover frame (an extension page in a closed shadow root). */
  createPanel: (deps: Omit<PanelFrameDependencies, 'frameUrl' | 'frameOrigin'>) => PanelFrame;
}

/** The running interactions. */
export interface Interactions {
  showClaim(id: string): void;
  showNote(id: string): void;
  /** Opens the note editor for the current selection (keyboard command, context menu). */
  addNoteFromSelection(): void;
  /** Says what the highlights command did: off (with the keys to undo it), on, or paused here. */
  announceHighlights(shown: boolean, shortcut: string, paused: boolean): void;
  destroy(): void;
}

type PanelMode = 'pinned' | 'hover';

/** What is open in the frame, as the page side knows it: a kind and an id, never note text. */
interface OpenPanel {
  kind: PanelView['kind'];
  id: string | null;
  mode: PanelMode;
}

/** Starts the interactions on a painted article. */
export function createInteractions(deps: InteractionDependencies): Interactions {
  const { view: article, request } = deps;
  const { doc, body, layers } = article;
  const win = doc.defaultView ?? window;
  const listeners = new AbortController();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let destroyed = false;

  const claims = (): readonly StoredClaim[] => article.claims();
  const claimById = (id: string) => claims().find((claim) => claim.id === id);
  const isNote = (id: string) => article.notes().some((note) => note.id === id);

  let overlay: OverlayHost | null = null;
  let adder: OverlayState['adder'] = null;
  let toast: OverlayState['toast'] = null;
  let open: OpenPanel | null = null;
  let returnFocusTo: HTMLElement | null = null;
  /** A popover opened by the pointer gives focus back without scrolling the page. */
  let returnFocusQuietly = false;
  let selectionTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The reading guide starts open, its legend showing, where the window has room for it beside
   * the article; in a small window (or at a high zoom) it starts as its one-line pill, so it
   * covers no text. Escape or a click elsewhere folds it.
   */
  let guideExpanded =
    win.innerWidth >= ROOMY_WINDOW.width && win.innerHeight >= ROOMY_WINDOW.height;
  /** The welcome card, while it shows (first article visit only). */
  let welcome: OverlayState['welcome'] = null;

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

  const hover = createHoverIntent({
    openAfterMs: HOVER_OPEN_MS,
    closeAfterMs: HOVER_GRACE_MS,
    setTimer: later,
    clearTimer: cancel,
    // Not over a popover pinned open, nor while the reader is selecting text.
    canOpen: () => !(open && open.mode === 'pinned') && (doc.getSelection()?.isCollapsed ?? true),
    open: (id) => openClaim(id, 'hover', false),
    close: () => {
      if (open?.mode === 'hover') closePanel();
    },
  });

  const panel = deps.createPanel({
    doc,
    onEvent: (event) => onPanelEvent(event),
    onPointer: (inside) => hover.pointerInPopover(inside),
  });

  article.ignore((node) => (overlay?.isHost(node) ?? false) || panel.isHost(node));
  article.attach({
    onMarker(_kind, id, button) {
      if (open?.id === id && open.mode === 'pinned') {
        closePanel();
        return;
      }
      returnFocusTo = button;
      returnFocusQuietly = false;
      openClaim(id, 'pinned', true);
    },
    onMarkerHover(_kind, id, hovering) {
      if (hovering) hover.enter(id);
      else hover.leave(open?.mode === 'hover');
    },
  });

  // ---- The overlay: guide, adder, toast ----------------------------------------------------

  function guideProps(): OverlayState['guide'] {
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
      onNext: () => stepClaim(1),
      onPrevious: () => stepClaim(-1),
      onStepVerdict: (verdict) => stepClaim(1, verdict),
      onShowNotes: showNotes,
      expanded: guideExpanded,
      onExpandedChange: setGuideExpanded,
      compact: open !== null,
    };
  }

  function setGuideExpanded(expanded: boolean): void {
    if (guideExpanded === expanded) return;
    guideExpanded = expanded;
    redraw();
  }

  function redraw(): void {
    if (destroyed) return;
    const guide = guideProps();
    const needed = adder !== null || toast !== null || guide !== null || welcome !== null;
    if (!needed) {
      overlay?.destroy();
      overlay = null;
      return;
    }
    overlay ??= deps.createOverlay(doc);
    overlay.render({ guide, adder, toast, welcome, shortcuts: SHORTCUTS });
  }

  let toastTimer: ReturnType<typeof setTimeout> | null = null;
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

  // ---- The popover frame -------------------------------------------------------------------

  function show(
    panelView: PanelView,
    id: string | null,
    mode: PanelMode,
    focus: boolean,
    reference: PanelReference | null,
  ): void {
    const wasOpen = open !== null;
    open = { kind: panelView.kind, id, mode };
    if (!wasOpen) redraw();
    layers.setActive(id);
    layers.setExpanded(panelView.kind === 'claim' ? id : null);
    panel.show(panelView, {
      reference,
      focus,
      ...(panelView.kind === 'claim'
        ? {
            about: deps.about,
            ...(deps.lastReviewed ? { lastReviewed: deps.lastReviewed } : {}),
            articleUrl: withoutFragment(doc.location.href),
          }
        : {}),
    });
  }

  function openClaim(id: string, mode: PanelMode, focus: boolean): void {
    const claim = claimById(id);
    const range = layers.rangeOf(id);
    if (!claim || !range) return;
    const noteIds = article
      .notes()
      .filter((note) => note.claimId === id)
      .map((note) => note.id);
    show({ kind: 'claim', claim, noteIds }, id, mode, focus, range);
  }

  function openNote(id: string, focus: boolean): void {
    if (!isNote(id)) return;
    show({ kind: 'note', noteId: id }, id, 'pinned', focus, layers.rangeOf(id));
  }

  function closePanel(): void {
    if (!open) return;
    const target = returnFocusTo;
    const quietly = returnFocusQuietly;
    returnFocusTo = null;
    returnFocusQuietly = false;
    open = null;
    layers.setActive(null);
    layers.setExpanded(null);
    panel.hide();
    redraw();
    if (target?.isConnected) target.focus({ preventScroll: quietly });
    // A selection still there (an editor cancelled) gets its "Add note" back.
    cancel(selectionTimer);
    selectionTimer = later(updateAdder, 0);
  }

  function showNotes(): void {
    const status = layers.status();
    const orphaned = new Set(status.orphanedNoteIds);
    const placed = article
      .notes()
      .map((note) => note.id)
      .filter((id) => !orphaned.has(id));
    returnFocusTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
    show(
      { kind: 'notes', placedNoteIds: placed, orphanedNoteIds: [...orphaned] },
      null,
      'pinned',
      true,
      null,
    );
  }

  function onPanelEvent(event: PanelEvent): void {
    switch (event.type) {
      case 'close':
        closePanel();
        if (event.draftKept) {
          showToast('Draft kept: choose “Add note” on the same passage to go on with it.');
        }
        return;
      case 'open-note': {
        const range = layers.rangeOf(event.noteId);
        range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        openNote(event.noteId, true);
        return;
      }
      case 'add-note-to-claim': {
        const range = layers.rangeOf(event.claimId);
        if (range) openEditorForRange(range.cloneRange(), event.claimId);
        return;
      }
      case 'saved':
        doc.getSelection()?.removeAllRanges();
        closePanel();
        showToast(event.created ? 'Note saved.' : 'Note updated.');
        refreshNotes();
        return;
      case 'deleted':
        closePanel();
        article.setNotes(article.notes().filter((note) => note.id !== event.noteId));
        showToast(
          'Note deleted.',
          { label: 'Undo', run: () => restoreNote(event.noteId) },
          UNDO_TOAST_MS,
        );
        return;
      case 'step':
        stepClaim(event.direction);
        return;
      default:
        return;
    }
  }

  function refreshNotes(): void {
    void request('page.notes', {})
      .then((anchors) => article.setNotes(anchors))
      .catch(() => {
        // The change feed brings them on the next change, or a reload does.
      });
  }

  function restoreNote(id: string): void {
    void request('note.restore', { id })
      .then(() => {
        refreshNotes();
        showToast('Note restored.');
      })
      .catch((error: unknown) => showToast(error instanceof Error ? error.message : String(error)));
  }

  // ---- Pointer and keyboard ----------------------------------------------------------------

  let pointerFrame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own input counts: the page can dispatch events, not make them trusted.
      if (!event.isTrusted || overlay?.contains(event) || panel.contains(event)) return;
      // The page sees the pointer only outside the popover frame: it has left the popover.
      hover.pointerInPopover(false);
      // Over a claim's marker, the marker's own enter and leave decide (its badge may stand
      // beside the claim's words, where hit-testing the text finds nothing).
      if (isMarkerHost(event.target)) return;
      if (pointerFrame) return;
      const { clientX, clientY } = event;
      pointerFrame = win.requestAnimationFrame(() => {
        pointerFrame = 0;
        if (destroyed) return;
        // Hover opens claims only: a note opens on a click, so resting the pointer on a passage
        // never shows the page (which sees the frame appear) where a note is.
        const claimId = layers.hitTest(clientX, clientY).find((id) => claimById(id));
        if (claimId) hover.enter(claimId);
        else hover.leave(open?.mode === 'hover');
      });
    },
    { signal: listeners.signal, passive: true },
  );

  /** Whether an event target is a claim marker's host (the page-side end of its shadow root). */
  function isMarkerHost(target: EventTarget | null): boolean {
    if (!(target instanceof Node) || !layers.isOwnNode(target)) return false;
    return layers.placedClaims().some((id) => {
      const root = layers.markerOf(id)?.getRootNode();
      return root instanceof ShadowRoot && root.host === target;
    });
  }

  // A click anywhere but in the overlay folds the reading guide (and goes on as usual).
  doc.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && guideExpanded && !overlay?.contains(event)) setGuideExpanded(false);
    },
    { signal: listeners.signal, capture: true },
  );

  doc.addEventListener(
    'click',
    (event) => {
      if (
        !event.isTrusted ||
        overlay?.contains(event) ||
        panel.contains(event) ||
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
      const hits = layers.hitTest(event.clientX, event.clientY);
      const id = hits[0];
      if (!id) {
        if (open && open.kind !== 'new-note' && open.kind !== 'edit-note') closePanel();
        return;
      }
      // A second click on the open passage reaches what lies under it (a claim under a note).
      const next = open?.id === id && hits.length > 1 ? (hits[1] ?? id) : id;
      returnFocusTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
      returnFocusQuietly = true;
      if (claimById(next)) openClaim(next, 'pinned', true);
      else openNote(next, true);
    },
    { signal: listeners.signal },
  );

  // A triple-click selects a paragraph, but Chromium's paragraph selection stops at a shadow
  // host, so a paragraph holding a claim's marker came out cut short. The reader asked for the
  // paragraph: give them the whole block.
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || event.detail !== 3 || overlay?.contains(event)) return;
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const block = enclosingBlock(selection.getRangeAt(0).startContainer, win);
      if (!block || !body.contains(block)) return;
      const whole = doc.createRange();
      whole.selectNodeContents(block);
      selection.removeAllRanges();
      selection.addRange(whole);
    },
    { signal: listeners.signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && open) {
        closePanel();
        return;
      }
      if (event.key === 'Escape' && welcome) {
        dismissWelcome();
        return;
      }
      if (event.key === 'Escape' && guideExpanded && guideProps() !== null) {
        setGuideExpanded(false);
        return;
      }
      if (matchesShortcut(event, SHORTCUTS.next)) {
        event.preventDefault();
        stepClaim(1);
      } else if (matchesShortcut(event, SHORTCUTS.previous)) {
        event.preventDefault();
        stepClaim(-1);
      }
    },
    { signal: listeners.signal },
  );

  function stepClaim(direction: 1 | -1, verdict?: Verdict): void {
    const order = layers
      .placedClaims()
      .filter((id) => verdict === undefined || claimById(id)?.verdict === verdict);
    if (order.length === 0) return;
    const current = open?.id && order.includes(open.id) ? order.indexOf(open.id) : -1;
    const focused = order.findIndex((id) => layers.markerOf(id) === doc.activeElement);
    const from = current >= 0 ? current : focused;
    // Stepping through one verdict from a claim of another: the next of that verdict after it.
    const all = layers.placedClaims();
    const at = open?.id ? all.indexOf(open.id) : -1;
    const after = at < 0 ? -1 : order.findIndex((id) => all.indexOf(id) > at);
    const next =
      from >= 0
        ? (from + direction + order.length) % order.length
        : after >= 0
          ? after
          : direction === 1
            ? 0
            : order.length - 1;
    const id = order[next];
    if (!id) return;
    layers
      .rangeOf(id)
      ?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const marker = layers.markerOf(id);
    returnFocusTo = marker;
    returnFocusQuietly = true;
    // Focus goes into the popover, so Escape and Tab work there and J/K keep stepping.
    openClaim(id, 'pinned', true);
  }

  // ---- Selection and new notes -------------------------------------------------------------

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
    if (open?.kind === 'new-note' || open?.kind === 'edit-note') return;
    const range = currentSelectionRange();
    const inPage = range && doc.body?.contains(range.commonAncestorContainer);
    const next =
      range && inPage
        ? {
            reference: range.cloneRange(),
            // The selection as it is when the button is pressed, which may have moved on since.
            onAdd: () => openEditorForRange((currentSelectionRange() ?? range).cloneRange()),
          }
        : null;
    if (!next && !adder) return;
    adder = next;
    redraw();
  }

  /** Describes a selection: in the article body first, else on the whole page if unique there. */
  function describeSelection(selected: Range) {
    const ignore = layers.isOwnNode;
    const range = rangeOutsideOwnNodes(selected, ignore);
    const inBody =
      body.contains(range.commonAncestorContainer) || body === range.commonAncestorContainer;
    const root = inBody ? body : doc.body;
    if (!root) return { ok: false as const, message: 'This part of the page cannot take a note.' };
    const result = describe(root, range, { ignore });
    if (result.ok) return { ok: true as const, selectors: result.selectors };
    const messages: Record<typeof result.reason, string> = {
      'empty-range': 'Select some words of the article first.',
      'outside-root': 'Select text inside the article to add a note.',
      'in-ignored-node': 'Select some words of the article first.',
      'detached-root':
        'The article changed while you were selecting; please select the passage again.',
      'invalid-range': 'Select some words of the article first.',
    };
    return { ok: false as const, message: messages[result.reason] };
  }

  function openEditorForRange(range: Range, claimId?: string): void {
    const described = describeSelection(range);
    adder = null;
    redraw();
    if (!described.ok) {
      showToast(described.message);
      return;
    }
    returnFocusTo = null;
    show(
      {
        kind: 'new-note',
        quote: described.selectors[0].exact,
        selectors: described.selectors,
        ...(claimId ? { claimId } : {}),
      },
      null,
      'pinned',
      true,
      range,
    );
  }

  // ---- Following the article ---------------------------------------------------------------

  /** After the article was repainted, the open popover follows its passage (or closes). */
  const stopFollowing = article.subscribe((change) => {
    if (change === 'visibility' && open && open.kind !== 'new-note' && open.kind !== 'edit-note') {
      closePanel();
    }
    if (open?.id && (open.kind === 'claim' || open.kind === 'note')) {
      const stillThere = open.kind === 'claim' ? claimById(open.id) : isNote(open.id);
      if (!stillThere || (open.kind === 'claim' && !layers.rangeOf(open.id))) closePanel();
    }
    redraw();
  });

  function dismissWelcome(): void {
    if (!welcome) return;
    welcome = null;
    redraw();
  }
  if (deps.welcome && claims().length > 0) {
    const { onHelp } = deps.welcome;
    welcome = { onHelp, onDismiss: dismissWelcome };
    deps.welcome.opened();
  }

  redraw();

  return {
    showClaim(id) {
      const range = layers.rangeOf(id);
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      returnFocusTo = layers.markerOf(id);
      openClaim(id, 'pinned', true);
    },
    showNote(id) {
      const range = layers.rangeOf(id);
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      returnFocusTo = null;
      openNote(id, true);
    },
    addNoteFromSelection() {
      const range = currentSelectionRange();
      if (!range) {
        showToast('Select a passage of the article first, then add a note.');
        return;
      }
      openEditorForRange(range.cloneRange());
    },
    announceHighlights(shown, shortcut, paused) {
      showToast(
        paused
          ? HIGHLIGHT_TOASTS.paused
          : shown
            ? HIGHLIGHT_TOASTS.on
            : HIGHLIGHT_TOASTS.off(shortcut),
      );
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopFollowing();
      listeners.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (pointerFrame) win.cancelAnimationFrame(pointerFrame);
      overlay?.destroy();
      overlay = null;
      panel.destroy();
    },
  };
}

/** The nearest ancestor laid out as a block (a paragraph, a list item, a cell). */
function enclosingBlock(node: Node, win: Window): Element | null {
  for (
    let up = node.nodeType === 1 ? (node as Element) : node.parentElement;
    up;
    up = up.parentElement
  ) {
    const display = win.getComputedStyle(up).display;
    if (
      display === 'block' ||
      display === 'list-item' ||
      display === 'table-cell' ||
      display === 'flow-root'
    ) {
      return up;
    }
  }
  return null;
}

/** An address without its `#…` fragment (a claim link adds its own). */
export function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
