/**
 * The reading guide's own state on the page side: whether it is open (its legend showing) and
 * the first-run welcome card. The guide starts open where the window has room for it beside the
 * article's column and whatever the site lays out beside it, a sidebar (measured: the right edge
 * of the headline's and the body's content boxes and of the boxes level with their columns to
 * their right, against the window's width) and is tall enough, and as its one-line pill
 * otherwise, so it covers none of the site's content.
 * Escape folds it (or dismisses the welcome card) when no popover is open; a click anywhere but
 * in the overlay folds it. Acts on trusted input only; carries no note data.
 */
import type { OverlayState } from './overlay-state';

/** The lowest window (CSS px) in which the reading guide starts open. */
export const ROOMY_HEIGHT = 700;

/** The narrowest room (CSS px) beside the article's column in which the guide sits there. */
export const SIDE_ROOM = 320;

/** The gap between the guide and what it sits by, in pixels. */
export const GUIDE_GAP = 6;

/**
 * The right edge, in the window, of the article's text and of what the site lays out beside
 * it: the furthest right of these elements' content boxes (a headline and the article's body)
 * and of the boxes beside their columns (`besideColumns`: a sidebar), so the guide beside it
 * covers none of the site's content.
 */
export function articleRight(elements: readonly Element[]): number {
  let right = 0;
  for (const element of elements) {
    const view = element.ownerDocument.defaultView;
    if (!view) continue;
    const style = view.getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const inset =
      (Number.parseFloat(style.paddingRight) || 0) +
      (Number.parseFloat(style.borderRightWidth) || 0);
    right = Math.max(right, rect.right - inset, besideColumns(element, view));
  }
  return right;
}

/**
 * The furthest right edge of what the page lays out to the right of this element or of a column
 * it is in (a sibling of it or of an ancestor, level with it: the site's sidebar), or 0. Boxes of
 * no size (our hosts, hidden ones) and fixed ones (they move with the window, not the page; the
 * guide keeps below a fixed header by itself) take no room beside the article.
 */
function besideColumns(element: Element, view: Window): number {
  let right = 0;
  const root = element.ownerDocument.body;
  for (let column: Element | null = element; column && column !== root; ) {
    const parent: Element | null = column.parentElement;
    const own = column.getBoundingClientRect();
    for (const sibling of parent?.children ?? []) {
      if (sibling === column) continue;
      const box = sibling.getBoundingClientRect();
      const level = box.top < own.bottom && own.top < box.bottom;
      if (box.width === 0 || box.height === 0 || !level || box.left < own.right - 1) continue;
      if (view.getComputedStyle(sibling).position === 'fixed') continue;
      right = Math.max(right, box.right);
    }
    column = parent;
  }
  return right;
}

/** How far a claim's marker (24 px) may hang past the column's edge, after a line's last word. */
const MARKER_OVERHANG = 24;

/** Where the guide's left edge goes beside the article's column. */
export function besideLeft(articleRightEdge: number): number {
  return articleRightEdge + MARKER_OVERHANG + GUIDE_GAP;
}

/** The width the guide may take beside the article's column, or 0 when there is no room. */
export function roomBeside(articleRightEdge: number, viewportWidth: number): number {
  const room = Math.floor(viewportWidth - besideLeft(articleRightEdge) - GUIDE_GAP);
  return room >= SIDE_ROOM ? room : 0;
}

/** What the guide controller needs. */
export interface ReadingGuideDependencies {
  doc: Document;
  /** Whether an event happened inside the overlay (the guide's own clicks keep it open). */
  inOverlay(event: Event): boolean;
  /** Whether a popover is open (Escape is then the popover's). */
  popoverOpen(): boolean;
  /** The headline and the article's body: the guide starts open only with room beside them. */
  article(): readonly Element[];
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
  let expanded =
    win.innerHeight >= ROOMY_HEIGHT && roomBeside(articleRight(deps.article()), win.innerWidth) > 0;
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
