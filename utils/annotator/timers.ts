/**
 * The timers of one controller: each runs only while its owner lives, and `destroy()` clears
 * every one still pending. The clock functions are passed in, so tests drive them with fake
 * timers.
 */

/** A pending timer. */
export type Timer = ReturnType<typeof setTimeout>;

/** A set of timers that can all be cleared at once. */
export interface Timers {
  /** Runs `run` after `ms`, unless the set was destroyed first. */
  set(run: () => void, ms: number): Timer;
  /** Clears one timer (null: nothing). */
  clear(timer: Timer | null): void;
  /** Clears every pending timer; later `set` calls do nothing. */
  destroy(): void;
}

/** Creates an empty set of timers. */
export function createTimers(): Timers {
  const pending = new Set<Timer>();
  let destroyed = false;
  return {
    set(run, ms) {
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!destroyed) run();
      }, ms);
      if (destroyed) clearTimeout(timer);
      else pending.add(timer);
      return timer;
    },
    clear(timer) {
      if (timer === null) return;
      clearTimeout(timer);
      pending.delete(timer);
    },
    destroy() {
      destroyed = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
