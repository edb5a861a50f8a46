/**
 * The page-side overlay (the reading guide, the welcome card, the "Add note" button, a toast,
 * the notice that some notes are missing) as one small
 * controller: it owns what the overlay shows, creates the overlay's host only while something
 * is to be shown, and dismisses toasts on a timer that pauses while the reader is in them.
 * It carries no note text.
 */
import { t } from '../i18n';
import type { NotesMissingRelay } from './note-pages';
import type { GuideState, OverlayHost, OverlayState } from './overlay-state';
import type { Timer, Timers } from './timers';

/** How long a toast stays, unless it says otherwise. */
export const TOAST_MS = 4000;

/** What the overlay controller needs. */
export interface OverlayControllerDependencies {
  doc: Document;
  timers: Timers;
  createOverlay: (doc: Document) => OverlayHost;
  /** The reading guide as it should be now (null: none). */
  guide: () => (GuideState & { reference: Element }) | null;
  shortcuts: OverlayState['shortcuts'];
  /** The first-run welcome card as it should be now (null: none). */
  welcome?: () => OverlayState['welcome'];
  /** The pager's report of notes that failed to load (the notice shows while there is one). */
  notesMissing?: NotesMissingRelay;
}

/** A toast's action (e.g. Undo). */
export interface ToastAction {
  label: string;
  run(): void;
}

/** The overlay's state and host. */
export interface OverlayController {
  /** The "Add note" button's state. */
  adder(): OverlayState['adder'];
  setAdder(adder: OverlayState['adder']): void;
  showToast(message: string, action?: ToastAction, ms?: number): void;
  /** The toast shown now, if any. */
  toast(): OverlayState['toast'];
  /** Draws again (after the article or the guide changed). */
  redraw(): void;
  /** Whether an event happened inside the overlay. */
  contains(event: Event): boolean;
  /** True for the overlay's host node. */
  isHost(node: Node): boolean;
  /** Where the reading guide is drawn, if it is. */
  guideBox(): DOMRect | null;
  destroy(): void;
}

/** Creates the overlay controller; nothing is added to the page until something is shown. */
export function createOverlayController(deps: OverlayControllerDependencies): OverlayController {
  const { timers } = deps;
  let overlay: OverlayHost | null = null;
  let adder: OverlayState['adder'] = null;
  let toast: OverlayState['toast'] = null;
  let toastTimer: Timer | null = null;
  let destroyed = false;
  let notesMissing: OverlayState['notesMissing'] = null;

  function redraw(): void {
    if (destroyed) return;
    const guide = deps.guide();
    const welcome = deps.welcome?.() ?? null;
    const nothing = adder === null && toast === null && guide === null && welcome === null;
    if (nothing && notesMissing === null) {
      overlay?.destroy();
      overlay = null;
      return;
    }
    overlay ??= deps.createOverlay(deps.doc);
    overlay.render({ guide, adder, toast, welcome, notesMissing, shortcuts: deps.shortcuts });
  }

  /**
   * Shows the pager's report: a notice with Retry (which says it is trying), or none; when the
   * notes start coming after the reader's Retry, a toast says so (a live region, so it is heard).
   */
  function reportMissing(missing: { retry(): void } | null, draw = true): void {
    if (missing === null) {
      const retried = notesMissing?.retrying === true;
      notesMissing = null;
      if (retried) showToast(t('page_notes_loaded'));
      else if (draw) redraw();
      return;
    }
    const shown: NonNullable<OverlayState['notesMissing']> = {
      retrying: false,
      onRetry: () => {
        if (notesMissing !== shown || shown.retrying) return;
        notesMissing = { ...shown, retrying: true };
        redraw();
        missing.retry();
      },
      onDismiss: () => {
        notesMissing = null;
        redraw();
      },
    };
    notesMissing = shown;
    if (draw) redraw();
  }
  const stopWatching = deps.notesMissing?.watch((missing) => reportMissing(missing));
  // A report from before the interactions started is drawn with their first redraw.
  reportMissing(deps.notesMissing?.current() ?? null, false);

  function showToast(message: string, action?: ToastAction, ms = TOAST_MS): void {
    timers.clear(toastTimer);
    const dismiss = (): void => {
      timers.clear(toastTimer);
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
        timers.clear(toastTimer);
        if (!paused) toastTimer = timers.set(dismiss, ms);
      },
    };
    toastTimer = timers.set(dismiss, ms);
    redraw();
  }

  return {
    adder: () => adder,
    setAdder(next) {
      if (next === null && adder === null) return;
      adder = next;
      redraw();
    },
    showToast,
    toast: () => toast,
    redraw,
    contains: (event) => overlay?.contains(event) ?? false,
    isHost: (node) => overlay?.isHost(node) ?? false,
    guideBox: () => overlay?.guideBox?.() ?? null,
    destroy() {
      destroyed = true;
      stopWatching?.();
      timers.clear(toastTimer);
      overlay?.destroy();
      overlay = null;
    },
  };
}
