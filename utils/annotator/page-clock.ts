/**
 * The timers the page-side layer runs on: delays, animation frames and idle callbacks.
 *
 * A content script's `setTimeout`, `requestAnimationFrame` and `requestIdleCallback` are its
 * window's: their ids are small numbers the window counts for every script, the page's own too
 * (both browsers). A page that clears every id up to the newest one (a common way for a site to
 * stop whatever its scripts left pending) cancels ours as well: a re-anchoring after a change
 * never runs, a frame never comes and the "frame asked for" flag stays set for good (hover and
 * repaints stop), idle slices stop and notes stay unplaced. `AbortSignal.timeout` hands out no
 * id, and the signal it makes is ours alone, so {@link pageProofClock} times everything with it:
 * a delay is that signal's `abort` event, and a frame or an idle callback has one as its backup,
 * in case the page cancelled it. Tests run on {@link windowClock}, which their fake timers drive.
 * Pure DOM (no Preact, no extension API).
 */

import { windowFrames } from '../highlight/frames';

/** How much of an idle period is left (the browser's `IdleDeadline`, or a test's). */
export interface IdlePeriod {
  /** Milliseconds left before the browser expects to need the thread again (0 once past). */
  timeRemaining(): number;
}

/** Drops what was scheduled, if it has not run yet. */
export type Cancel = () => void;

/** Delays, frames and idle callbacks for the page-side layer. */
export interface PageClock {
  /** Runs `run` in a task of its own after `ms` (0: once the tasks already queued have run). */
  after(ms: number, run: () => void): Cancel;
  /** Runs `run` before the next frame is drawn. */
  frame(run: () => void): Cancel;
  /** Runs `run` in idle time, about `timeoutMs` late at most, with the idle period if any. */
  idle(run: (period?: IdlePeriod) => void, timeoutMs: number): Cancel;
}

/**
 * How long a frame may take before its backup runs `run`: a frame is 17 ms at 60 Hz, and a busy
 * page's slow one does no harm when the work runs in a task instead. A hidden tab draws no frame
 * at all, so there the work runs this late, once, rather than when the tab is shown.
 */
export const FRAME_BACKUP_MS = 200;
/** How long past its timeout an idle callback may be before its backup runs `run`. */
export const IDLE_BACKUP_MS = 100;

/** The window's own timers: what tests' fake timers drive, and what a page can cancel. */
export function windowClock(view: Window | null): PageClock {
  const after = (ms: number, run: () => void): Cancel => {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  };
  return {
    after,
    frame: windowFrames(view),
    idle(run, timeoutMs) {
      if (!view || typeof view.requestIdleCallback !== 'function') return after(0, () => run());
      const handle = view.requestIdleCallback((deadline) => run(deadline), { timeout: timeoutMs });
      return () => view.cancelIdleCallback(handle);
    },
  };
}

/** Makes a signal that aborts after `ms` (the browser's `AbortSignal.timeout`). */
export type SignalAfter = (ms: number) => AbortSignal;

/**
 * Timers the page cannot cancel (see the module header), on `view`'s frames and idle callbacks.
 * `signalAfter` is `AbortSignal.timeout` by default; without it, this is {@link windowClock}.
 */
export function pageProofClock(
  view: Window,
  signalAfter: SignalAfter | undefined = typeof AbortSignal.timeout === 'function'
    ? (ms) => AbortSignal.timeout(ms)
    : undefined,
): PageClock {
  const plain = windowClock(view);
  if (!signalAfter) return plain;
  const after = (ms: number, run: () => void): Cancel => {
    let due = true;
    // As `setTimeout` reads it: no number, or a negative one, is 0 (`AbortSignal.timeout` throws).
    signalAfter(Number.isFinite(ms) ? Math.max(0, ms) : 0).addEventListener('abort', () => {
      if (due) {
        due = false;
        run();
      }
    });
    return () => {
      due = false;
    };
  };
  /** The first of `plain` and a backup `after` to fire runs `run`; the other is dropped. */
  const withBackup = <A extends unknown[]>(
    start: (go: (...args: A) => void) => Cancel,
    backupMs: number,
    run: (...args: A) => void,
  ): Cancel => {
    let due = true;
    let cancelFirst: Cancel = () => {};
    let cancelBackup: Cancel = () => {};
    const cancel = (): void => {
      due = false;
      cancelFirst();
      cancelBackup();
    };
    const go = (...args: A): void => {
      if (!due) return;
      cancel();
      run(...args);
    };
    cancelFirst = start(go);
    cancelBackup = after(backupMs, () => (go as () => void)());
    return cancel;
  };
  return {
    after,
    frame: (run) => withBackup((go) => plain.frame(go), FRAME_BACKUP_MS, run),
    idle: (run, timeoutMs) =>
      withBackup<[IdlePeriod?]>((go) => plain.idle(go, timeoutMs), timeoutMs + IDLE_BACKUP_MS, run),
  };
}
