/**
 * What the reader does with the painted article, on the page side, composed from small
 * controllers, each stopped by one `AbortSignal` or its own `destroy()`:
 *
 * - `selection-adder.ts`: selecting text offers "Add note";
 * - `page-pointer.ts` and `hover-intent.ts`: a click on highlighted text, or a pointer resting
 *   on a claim, opens the popover frame next to it;
 * - `panel-controller.ts`: what the frame shows, Escape and Close, and focus given back;
 * - `note-actions.ts`: a save, a delete with Undo, placed on the page without a re-read;
 * - `claim-stepper.ts`: Alt+Shift+J / K (the keys of `utils/shortcuts.ts`) step the claims;
 * - `overlay-controller.ts`: the reading guide, the "Add note" button and toasts.
 *
 * This layer knows where notes are, never what they say: the popover frame (an extension page,
 * `panel-frame.ts`) is told which claim or note to show, or the selectors of a new note, and
 * reads and writes note text itself. Only trusted input acts.
 *
 * Part of the in-page UI bundle, loaded after the article is painted (`article-view.ts`).
 */

import type { RequestFrame } from '../highlight/frames';
import { t } from '../i18n';
import type { Requester } from '../messaging/client';
import type { PanelEvent } from '../messaging/panel-protocol';
import type { PageClaims } from '../messaging/protocol';
import type { Verdict } from '../packs/types';
import { DEFAULT_SHORTCUTS } from '../shortcuts';
import type { ArticleView } from './article-view';
import { createClaimStepper } from './claim-stepper';
import {
  type DescribedSelection,
  describeSelection,
  type RangeDescriber,
} from './describe-selection';
import { createHoverIntent } from './hover-intent';
import { createNoteActions } from './note-actions';
import type { NotesMissingRelay } from './note-pages';
import { createOverlayController } from './overlay-controller';
import type { GuideState, OverlayHost } from './overlay-state';
import { createPagePointer } from './page-pointer';
import { createPanelController, type PanelMode } from './panel-controller';
import type { PanelFrame, PanelFrameDependencies } from './panel-frame';
import { createReadingGuide } from './reading-guide';
import { createSelectionAdder } from './selection-adder';
import { createTimers } from './timers';

export { UNDO_TOAST_MS } from './note-actions';
export { withoutFragment } from './panel-controller';
export { ROOMY_HEIGHT } from './reading-guide';

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

/** What the page says after the highlights command. */
export const HIGHLIGHT_TOASTS = {
  off: (shortcut: string) =>
    shortcut === '' ? t('page_highlights_off_no_shortcut') : t('page_highlights_off', [shortcut]),
  get on() {
    return t('page_highlights_on');
  },
  get paused() {
    return t('page_paused');
  },
};

/** What the interactions need. */
export interface InteractionDependencies {
  view: ArticleView;
  /** The headline element, for placing the reading guide next to it. */
  headline: Element | null;
  /** The claims in full, for their popovers, and the pack's "About this source" entries. */
  pageClaims: PageClaims;
  /** When the pack's claims were last reviewed (ISO date), if a pack matched. */
  lastReviewed?: string;
  request: Requester;
  /** A selection to selectors: the content-script layer's, with the text model this bundle lacks. */
  describe: RangeDescriber;
  /**
   * Starts loading what `describe` needs, called when "Add note" is offered: the first note's
   * editor then opens without waiting for it.
   */
  prepareDescribe?: () => void;
  /**
   * Creates the overlay's closed shadow root on the page; its guide is placed in frames asked of
   * `requestFrame`.
   */
  createOverlay: (doc: Document, requestFrame?: RequestFrame) => OverlayHost;
  /**
   * Shows the welcome card on this page: given on the first article visit only. `opened` is
   * called once it is shown (to record that it was); `onHelp` opens the help page.
   */
  welcome?: { opened(): void; onHelp(): void };
  /** Creates the popover frame (an extension page in a closed shadow root). */
  createPanel: (deps: Omit<PanelFrameDependencies, 'frameUrl' | 'frameOrigin'>) => PanelFrame;
  /** The notes pager's report of notes that failed to load, for the overlay's notice. */
  notesMissing?: NotesMissingRelay;
  /**
   * Draws the overlay (the reading guide) first in a task of its own rather than at once: its
   * first drawing lays the page out around it, so the start is two shorter tasks, not one long.
   */
  drawInNextTask?: boolean;
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

/** What the content script gives the in-page UI bundle to start the interactions with. */
export type InteractionStart = Omit<
  InteractionDependencies,
  'pageClaims' | 'createOverlay' | 'createPanel' | 'notesMissing'
> & {
  /** Whether a pack matched the page: only then are the claims' words asked for. */
  hasPack: boolean;
};

/**
 * Asks the background for the claims' words (`page.claims`) where a pack matched, then starts
 * the interactions: the first paint never waits for those words.
 */
export async function startInteractions(
  start: InteractionStart,
  ui: Pick<InteractionDependencies, 'createOverlay' | 'createPanel' | 'notesMissing'>,
): Promise<Interactions> {
  const { hasPack, ...deps } = start;
  const none: PageClaims = { claims: [], about: [] };
  // Without the words a claim's popover says they could not be loaded; the notes still work.
  const pageClaims = hasPack
    ? await deps.request('page.claims', {}).catch((error: unknown) => {
        console.debug('Counterpoint: the claims’ words did not load', error);
        return none;
      })
    : none;
  return createInteractions({ ...deps, ...ui, pageClaims, drawInNextTask: true });
}

/** Starts the interactions on a painted article. */
export function createInteractions(deps: InteractionDependencies): Interactions {
  const { view: article, request } = deps;
  const { doc, body, layers } = article;
  const listeners = new AbortController();
  const signal = listeners.signal;
  const timers = createTimers(article.clock);
  let destroyed = false;

  const isClaim = (id: string): boolean => article.claims().some((claim) => claim.id === id);
  const scrollTo = (id: string): void =>
    layers.spanOf(id)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });

  const overlay = createOverlayController({
    doc,
    timers,
    createOverlay: (doc) => deps.createOverlay(doc, article.clock.frame),
    guide,
    welcome: () => readingGuide.welcome(),
    ...(deps.notesMissing ? { notesMissing: deps.notesMissing } : {}),
    shortcuts: SHORTCUTS,
  });

  const hover = createHoverIntent({
    openAfterMs: HOVER_OPEN_MS,
    closeAfterMs: HOVER_GRACE_MS,
    setTimer: timers.set,
    clearTimer: timers.clear,
    // Not over a popover pinned open, nor while the reader is selecting text.
    canOpen: () => panels.current()?.mode !== 'pinned' && (doc.getSelection()?.isCollapsed ?? true),
    open: (id) => panels.openClaim(id, 'hover', false),
    close: () => {
      if (panels.current()?.mode === 'hover') panels.close();
    },
  });

  const frame = deps.createPanel({
    doc,
    onEvent: (event) => onPanelEvent(event),
    onPointer: (inside) => hover.pointerInPopover(inside),
    keepClear: overlay.guideBox,
  });

  const panels = createPanelController({
    article,
    panel: frame,
    pageClaims: deps.pageClaims,
    ...(deps.lastReviewed ? { lastReviewed: deps.lastReviewed } : {}),
    // A selection still there (an editor cancelled) gets its "Add note" back; the reading
    // guide, compact while a popover is open, is drawn in full again.
    onClosed: () => {
      selection.refresh(0);
      overlay.redraw();
    },
    onOpened: () => overlay.redraw(),
    onPinned: (claimId) => hover.cancel(claimId ?? undefined),
    // The side panel follows what the reader opened; the page works without it.
    onShown: (item) => void request('page.shown', item).catch(() => undefined),
    signal,
  });

  const notes = createNoteActions({ article, request, showToast: overlay.showToast });

  const selection = createSelectionAdder({
    doc,
    body,
    timers,
    editing: panels.editing,
    setAdder: (adder) => {
      if (adder) deps.prepareDescribe?.();
      overlay.setAdder(adder);
    },
    openEditor: (range) => openEditorForRange(range),
    inOverlay: overlay.contains,
    signal,
  });

  const stepper = createClaimStepper({
    doc,
    layers,
    openId: () => panels.current()?.id ?? null,
    verdictOf: (id) => article.claims().find((claim) => claim.id === id)?.verdict,
    open: (id, marker) => openPinned(id, marker, true),
    signal,
  });

  const ours = (event: Event): boolean => overlay.contains(event) || frame.contains(event);
  createPagePointer({
    doc,
    requestFrame: article.clock.frame,
    layers,
    hover,
    ours,
    isClaim,
    isMarkerHost,
    open: () => {
      const open = panels.current();
      return open && { id: open.id, hover: open.mode === 'hover', editing: panels.editing() };
    },
    activate: (id, returnTo) => {
      panels.returnFocusTo(returnTo, true);
      if (isClaim(id)) panels.openClaim(id, 'pinned', true);
      else panels.openNote(id, true);
    },
    clickedOutside: panels.close,
    signal,
  });

  /** Whether an event target is a claim marker's host (the page-side end of its shadow root). */
  function isMarkerHost(target: EventTarget | null): boolean {
    if (!(target instanceof Node) || !layers.isOwnNode(target)) return false;
    return layers.placedClaims().some((id) => {
      const root = layers.markerOf(id)?.getRootNode();
      return root instanceof ShadowRoot && root.host === target;
    });
  }

  const readingGuide = createReadingGuide({
    doc,
    inOverlay: overlay.contains,
    popoverOpen: () => panels.current() !== null,
    article: () => (deps.headline ? [deps.headline, body] : [body]),
    guideShown: () => guide() !== null,
    redraw: () => overlay.redraw(),
    ...(deps.welcome && article.claims().length > 0 ? { welcome: deps.welcome } : {}),
    signal,
  });

  article.ignore((node) => overlay.isHost(node) || frame.isHost(node));
  article.attach({
    onMarker(_kind, id, button) {
      const open = panels.current();
      if (open?.id === id && open.mode === 'pinned') {
        panels.close();
        return;
      }
      openPinned(id, button, false);
    },
    onMarkerHover(_kind, id, hovering) {
      if (hovering) hover.enter(id);
      else hover.leave(panels.current()?.mode === 'hover');
    },
  });

  /** Opens a claim pinned, focus going back to `returnTo` (quietly: without scrolling). */
  function openPinned(id: string, returnTo: HTMLElement | null, quietly: boolean): void {
    panels.returnFocusTo(returnTo, quietly);
    panels.openClaim(id, 'pinned' satisfies PanelMode, true);
  }

  function guide(): (GuideState & { reference: Element }) | null {
    const reference = deps.headline;
    const all = article.claims();
    if (!reference || !article.visibility().claims || all.length === 0) return null;
    // Counted from the claims alone: the layers' status also walks every note.
    const counts: Partial<Record<Verdict, number>> = {};
    let anchoredClaims = 0;
    for (const claim of all) {
      if (!layers.rangeOf(claim.id)) continue;
      counts[claim.verdict] = (counts[claim.verdict] ?? 0) + 1;
      anchoredClaims += 1;
    }
    return {
      reference,
      article: body,
      claimCounts: counts,
      anchoredClaims,
      totalClaims: all.length,
      about: deps.pageClaims.about,
      onNext: () => stepper.step(1),
      onPrevious: () => stepper.step(-1),
      onStepVerdict: (verdict) => stepper.step(1, verdict),
      onShowNotes: panels.showNotes,
      expanded: readingGuide.expanded(),
      onExpandedChange: readingGuide.setExpanded,
      compact: panels.current() !== null,
    };
  }

  /** The latest editor asked for: an earlier one still being described is dropped. */
  let editorRequest = 0;
  function openEditorForRange(range: Range, claimId?: string): void {
    overlay.setAdder(null);
    const ticket = ++editorRequest;
    void describeSelection(deps.describe, doc, body, range, layers.isOwnNode).then((described) => {
      if (!destroyed && ticket === editorRequest) openEditorWith(described, range, claimId);
    });
  }

  function openEditorWith(described: DescribedSelection, range: Range, claimId?: string): void {
    if (!described.ok) {
      overlay.showToast(described.message);
      return;
    }
    notes.expectNew(described.selectors, claimId);
    panels.openNewNote(
      {
        kind: 'new-note',
        quote: described.selectors[0].exact,
        selectors: described.selectors,
        ...(claimId ? { claimId } : {}),
      },
      range,
    );
  }

  function onPanelEvent(event: PanelEvent): void {
    switch (event.type) {
      case 'close':
        panels.close();
        if (event.draftKept) {
          overlay.showToast(t('page_draft_kept'));
        }
        return;
      case 'open-note':
        scrollTo(event.noteId);
        panels.openNote(event.noteId, true);
        return;
      case 'add-note-to-claim': {
        const range = layers.rangeOf(event.claimId);
        if (range) openEditorForRange(range.cloneRange(), event.claimId);
        return;
      }
      case 'saved':
        doc.getSelection()?.removeAllRanges();
        panels.close();
        overlay.showToast(event.created ? t('page_note_saved') : t('page_note_updated'));
        notes.saved(event.noteId, event.created).catch(() => {
          // The change feed brings it on the next change, or a reload does.
        });
        return;
      case 'deleted':
        panels.close();
        notes.deleted(event.noteId);
        return;
      case 'step':
        stepper.step(event.direction);
        return;
      default:
        return;
    }
  }

  /** After the article was repainted, the open popover follows its passage (or closes). */
  const stopFollowing = article.subscribe((change) => {
    panels.follow(change === 'visibility');
    overlay.redraw();
  });

  if (deps.drawInNextTask) timers.set(() => overlay.redraw(), 0);
  else overlay.redraw();

  return {
    showClaim(id) {
      scrollTo(id);
      openPinned(id, layers.markerOf(id), false);
    },
    showNote(id) {
      scrollTo(id);
      panels.returnFocusTo(null);
      panels.openNote(id, true);
    },
    addNoteFromSelection() {
      const range = selection.currentRange();
      if (!range) {
        overlay.showToast(t('page_select_first'));
        return;
      }
      openEditorForRange(range.cloneRange());
    },
    announceHighlights(shown, shortcut, paused) {
      overlay.showToast(
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
      timers.destroy();
      notes.destroy();
      overlay.destroy();
      frame.destroy();
    },
  };
}
