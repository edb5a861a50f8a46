/**
 * The reading guide's own state on the page side: whether it is open (its legend showing) and
 * the first-run welcome card. The guide starts open where the window has room for it beside the
 * article, and as its one-line pill in a small window (or at a high zoom), so it covers no text.
 * Escape folds it (or dismisses the welcome card) when no popover is open; a click anywhere but
 * in the overlay folds it. Acts on trusted input only; carries no note data.
 */
import type { OverlayState } from './overlay-state';

/** The smallest window (CSS px) in which the reading guide starts open. */
export const ROOMY_WINDOW = { width: 1000, height: 700 };

/** What the guide controller needs. */
export interface ReadingGuideDependencies {
  doc: Document;
  /** Whether an event happened inside the overlay (the guide's own clicks keep it open). */
  inOverlay(event: Event): boolean;
  /** Whether a popover is open (Escape is then the popover's). */
  popoverOpen(): boolean;
  /** Whether the guide is shown at all (claims painted, a headline to sit by). */
  guideShown(): boolean;
  /** Draws the overlay again after a change. */
  redraw(): void;
  /** The welcome card, given on the first article visit only. */
  welcome?: { opened(): void; onHelp(): void };
  signal: AbortSignal;
}

/** The guide's state. */
export interface ReadingGuide {
  expanded(): boolean;
  setExpanded(expanded: boolean): void;
  /** The welcome card while it shows. */
  welcome(): OverlayState['welcome'];
}

/** Creates the guide controller (listening until `signal` aborts). */
export function createReadingGuide(deps: ReadingGuideDependencies): ReadingGuide {
  const { doc } = deps;
  const win = doc.defaultView ?? window;
  let expanded = win.innerWidth >= ROOMY_WINDOW.width && win.innerHeight >= ROOMY_WINDOW.height;
  let welcome: OverlayState['welcome'] = null;

  const setExpanded = (next: boolean): void => {
    if (expanded === next) return;
    expanded = next;
    deps.redraw();
  };
  const dismissWelcome = (): void => {
    if (!welcome) return;
    welcome = null;
    deps.redraw();
  };
  if (deps.welcome) {
    welcome = { onHelp: deps.welcome.onHelp, onDismiss: dismissWelcome };
    deps.welcome.opened();
  }

  // A click anywhere but in the overlay folds the reading guide (and goes on as usual).
  doc.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && expanded && !deps.inOverlay(event)) setExpanded(false);
    },
    { signal: deps.signal, capture: true },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== 'Escape' || deps.popoverOpen()) return;
      if (welcome) dismissWelcome();
      else if (expanded && deps.guideShown()) setExpanded(false);
    },
    { signal: deps.signal },
  );

  return { expanded: () => expanded, setExpanded, welcome: () => welcome };
}
