/**
 * Hover intent for claim popovers: the pointer must rest on a claim for a moment before its
 * popover opens, and may leave it for a moment (to travel into the popover) before it closes.
 * Timers are passed in, so tests drive it with fake ones.
 */

/** A pending timer, as the timer functions passed in hand it out. */
type Timer = unknown;

/** What the hover intent needs. */
export interface HoverIntentDependencies {
  openAfterMs: number;
  closeAfterMs: number;
  setTimer(run: () => void, ms: number): Timer;
  clearTimer(timer: Timer | null): void;
  /** Whether a hover may open a popover now (not while one is pinned open). */
  canOpen(): boolean;
  open(id: string): void;
  /** Closes the popover a hover opened (the caller checks that one is open). */
  close(): void;
}

/** The hover state of one page. */
export interface HoverIntent {
  /** The pointer is on the passage (or marker) of `id`. */
  enter(id: string): void;
  /** The pointer left every passage; `hoverPopoverOpen` says whether a hover popover is shown. */
  leave(hoverPopoverOpen: boolean): void;
  /** The pointer entered (true) or left (false) the popover itself. */
  pointerInPopover(inside: boolean): void;
  /**
   * Drops an open on its way: the reader's click, key or Escape has the last word, so a popover
   * they have just closed does not come back while the pointer still rests on its claim. With
   * `id`, that claim counts as hovered already: it opens again by hover only once the pointer
   * has left it (the pointer's own report of arriving may come after the click).
   */
  cancel(id?: string): void;
}

/** Creates the hover intent. */
export function createHoverIntent(deps: HoverIntentDependencies): HoverIntent {
  let hoveredId: string | null = null;
  let openTimer: Timer | null = null;
  let closeTimer: Timer | null = null;
  let inPopover = false;
  let popoverOpen = false;

  const scheduleClose = (): void => {
    // Already counting down: more movement away does not put the close off.
    if (closeTimer !== null) return;
    closeTimer = deps.setTimer(() => {
      closeTimer = null;
      if (!inPopover && popoverOpen) {
        popoverOpen = false;
        deps.close();
      }
    }, deps.closeAfterMs);
  };

  return {
    enter(id) {
      deps.clearTimer(closeTimer);
      closeTimer = null;
      if (hoveredId === id) return;
      hoveredId = id;
      deps.clearTimer(openTimer);
      openTimer = null;
      if (!deps.canOpen()) return;
      openTimer = deps.setTimer(() => {
        openTimer = null;
        if (!deps.canOpen()) return;
        popoverOpen = true;
        deps.open(id);
      }, deps.openAfterMs);
    },
    leave(hoverPopoverOpen) {
      if (hoveredId === null && !hoverPopoverOpen) return;
      hoveredId = null;
      deps.clearTimer(openTimer);
      openTimer = null;
      popoverOpen = hoverPopoverOpen;
      if (hoverPopoverOpen) scheduleClose();
    },
    cancel(id) {
      deps.clearTimer(openTimer);
      openTimer = null;
      if (id !== undefined) hoveredId = id;
    },
    pointerInPopover(inside) {
      if (!inside && !inPopover) return;
      inPopover = inside;
      if (inside) {
        deps.clearTimer(closeTimer);
        closeTimer = null;
      } else if (popoverOpen) {
        scheduleClose();
      }
    },
  };
}
