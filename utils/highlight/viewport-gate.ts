/**
 * Which highlights are near the viewport, for a page that keeps changing: there the browser
 * repaints every registered highlight on every change of the page, wherever it is, so while the
 * page is busy only the highlights within a viewport's height of the screen are registered, and
 * the set follows scrolling and resizing (passive listeners, one check per animation frame).
 * One layout read per highlight per check; claims are few. Pure DOM.
 */
import { type RequestFrame, windowFrames } from './frames';
import type { PaintEntry } from './paint-entry';

/** Tells which entries are near the viewport while it is on. */
export interface ViewportGate {
  /** Turns the gate on or off; `onChange` follows when that changes what passes. */
  set(on: boolean): void;
  /** The entries that pass now (all of them while off; the active one always). */
  pass(entries: readonly PaintEntry[], activeId: string | null): readonly PaintEntry[];
  destroy(): void;
}

/**
 * Creates the gate; `onChange` is called (in an animation frame, asked of `requestFrame`) when
 * what passes changes.
 */
export function createViewportGate(
  doc: Document,
  onChange: () => void,
  requestFrame: RequestFrame = windowFrames(doc.defaultView),
): ViewportGate {
  const view = doc.defaultView;
  let on = false;
  /** Cancels the frame asked for, while one is. */
  let cancelFrame: (() => void) | null = null;
  let watching: AbortController | null = null;

  function near(entry: PaintEntry): boolean {
    const height = view?.innerHeight ?? 0;
    const box = entry.range.getBoundingClientRect();
    // A range with no box (collapsed, or its text hidden) has nothing to paint anyway.
    if (box.width === 0 && box.height === 0) return false;
    return box.bottom >= -height && box.top <= 2 * height;
  }

  function schedule(): void {
    if (cancelFrame || !view) return;
    cancelFrame = requestFrame(() => {
      cancelFrame = null;
      onChange();
    });
  }

  return {
    set(next) {
      if (next === on) return;
      on = next;
      if (on && view) {
        watching = new AbortController();
        const options = { signal: watching.signal, passive: true };
        view.addEventListener('scroll', schedule, options);
        view.addEventListener('resize', schedule, options);
      } else {
        watching?.abort();
        watching = null;
        cancelFrame?.();
        cancelFrame = null;
      }
      onChange();
    },
    pass(entries, activeId) {
      if (!on) return entries;
      return entries.filter((entry) => entry.id === activeId || near(entry));
    },
    destroy() {
      watching?.abort();
      watching = null;
      cancelFrame?.();
      cancelFrame = null;
      on = false;
    },
  };
}
