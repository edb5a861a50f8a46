/**
 * How the painting code asks for an animation frame. The page-side layer passes frames the page
 * cannot cancel (`utils/annotator/page-clock.ts`); tests and plain callers get the window's own.
 * Pure DOM.
 */

/** Runs `run` before the next frame is drawn; returns what cancels it. */
export type RequestFrame = (run: () => void) => () => void;

/** The window's own animation frames (a timeout of 16 ms where there is no window). */
export function windowFrames(view: Window | null): RequestFrame {
  return (run) => {
    if (!view) {
      const handle = setTimeout(run, 16);
      return () => clearTimeout(handle);
    }
    const handle = view.requestAnimationFrame(() => run());
    return () => view.cancelAnimationFrame(handle);
  };
}
