/**
 * The timers of one controller: each runs only while its owner lives, and `destroy()` clears
 * every one still pending. They run on a clock passed in (the article's, whose timers the page
 * cannot cancel); the window's `setTimeout` by default, so tests drive them with fake timers.
 */

import { type Cancel, type PageClock, windowClock } from './page-clock';

/** A pending timer: calling it cancels it. */
export type Timer = Cancel;

/** A set of timers that can all be cleared at once. */
export interface Timers {
  /** Runs `run` after `ms`, unless the set was destroyed first. */
  set(run: () => void, ms: number): Timer;
  /** Clears one timer (null: nothing). */
  clear(timer: Timer | null): void;
  /** Clears every pending timer; later `set` calls do nothing. */
  destroy(): void;
}

/** Creates an empty set of timers on `clock`. */
export function createTimers(clock: Pick<PageClock, 'after'> = windowClock(null)): Timers {
  const pending = new Set<Timer>();
  let destroyed = false;
  return {
    set(run, ms) {
      if (destroyed) return () => {};
      const timer: Timer = clock.after(ms, () => {
        pending.delete(timer);
        if (!destroyed) run();
      });
      pending.add(timer);
      return timer;
    },
    clear(timer) {
      if (timer === null) return;
      timer();
      pending.delete(timer);
    },
    destroy() {
      destroyed = true;
      for (const timer of pending) timer();
      pending.clear();
    },
  };
}
