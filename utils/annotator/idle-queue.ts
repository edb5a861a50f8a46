/**
 * Work done in idle time: a queue of items worked off a chunk at a time, in slices short enough
 * that no task is long, on the page clock's idle callbacks (`page-clock.ts`) or a scheduler a
 * test passes in.
 * Pure DOM (no Preact, no extension API).
 */

import type { IdlePeriod, PageClock } from './page-clock';

export type { IdlePeriod } from './page-clock';

/**
 * Runs a task when the page is idle, telling it how much of the idle period is left when the
 * scheduler knows; `cancel` drops the task if it has not run yet.
 */
export type ScheduleIdle = (task: (period?: IdlePeriod) => void) => { cancel(): void };

/** A scheduler that runs a task in a task of its own, as soon as the page's own have run. */
export function nextTaskScheduler(clock: PageClock): ScheduleIdle {
  return (task) => ({ cancel: clock.after(0, () => task()) });
}

/** A scheduler on the clock's idle callbacks, at most about `timeoutMs` late. */
export function idleScheduler(clock: PageClock, timeoutMs: number): ScheduleIdle {
  return (task) => ({ cancel: clock.idle(task, timeoutMs) });
}

/** What is left of an idle period, 0 when unknown (or when the browser's answer is no number). */
function roomIn(period: IdlePeriod | undefined): number {
  try {
    const left = period?.timeRemaining() ?? 0;
    return Number.isFinite(left) ? left : 0;
  } catch {
    return 0;
  }
}

/** What an idle queue runs on. */
export interface IdleQueueOptions<T> {
  /** Schedules the next slice. */
  schedule: ScheduleIdle;
  /** Items handed to `run` at once. */
  chunk: number;
  /** How long a slice runs chunks before it yields to the page. */
  sliceMs: number;
  /**
   * Schedules a slice that goes on in the idle period the last one ran in. A browser runs an
   * idle callback asked for during an idle period only in the next one, so a slice that
   * yielded and asked again would leave most of a long idle period (up to 50 ms) unused. When
   * the period still has room for a whole slice, the next one runs in a task of its own through
   * this scheduler (the page's input and frames still come first); without it, or without a
   * period, every slice waits for an idle callback.
   */
  continueIn?: ScheduleIdle;
  /** Handles one chunk of items. */
  run(chunk: T[]): void;
  /**
   * Called once the queue is empty: in a slice of its own after the slice that anchored the last
   * chunk (what it does, a repaint and a report, would make that slice long).
   */
  onDrained(): void;
  /** The clock slices are timed by; default `performance.now`. */
  now?: () => number;
}

/** A queue of items worked off in idle slices. */
export interface IdleQueue<T extends { id: string }> {
  /** Replaces what is queued with these items and schedules the first slice. */
  queue(items: readonly T[]): void;
  /** Adds these items after the queued ones (a page of notes that came later). */
  append(items: readonly T[]): void;
  /** Drops every queued item and the scheduled slice. */
  cancel(): void;
  /** Whether an item with this id still waits for its slice. */
  has(id: string): boolean;
  /** Whether any item still waits (cheaper than `has` for each of many items). */
  busy(): boolean;
}

/** Creates an empty idle queue. */
export function createIdleQueue<T extends { id: string }>(
  options: IdleQueueOptions<T>,
): IdleQueue<T> {
  const now = options.now ?? (() => performance.now());
  let pending: readonly T[] = [];
  /** Where the items still waiting start in `pending`. */
  let next = 0;
  /** Their ids, made only when asked (queueing ten thousand items builds no set). */
  let pendingIds: Set<string> | null = null;
  let idle: { cancel(): void } | null = null;

  function cancel(): void {
    idle?.cancel();
    idle = null;
    pending = [];
    next = 0;
    pendingIds = null;
  }

  function drained(): void {
    idle = null;
    options.onDrained();
  }

  function slice(period?: IdlePeriod): void {
    idle = null;
    const started = now();
    while (next < pending.length && now() - started < options.sliceMs) {
      const chunk = pending.slice(next, next + options.chunk);
      next += chunk.length;
      pendingIds = null;
      options.run(chunk);
    }
    if (next >= pending.length) {
      idle = options.schedule(drained);
    } else if (options.continueIn && roomIn(period) >= options.sliceMs) {
      // The same idle period, carried on, while a whole slice still fits in what is left of it.
      idle = options.continueIn(() => slice(period));
    } else {
      idle = options.schedule(slice);
    }
  }

  return {
    queue(items) {
      cancel();
      pending = items;
      idle = options.schedule(slice);
    },
    append(items) {
      if (items.length === 0) return;
      // What was worked off is dropped: the queue holds only what still waits.
      pending = [...pending.slice(next), ...items];
      next = 0;
      pendingIds = null;
      // A slice next, in place of what was due (a report after the last chunk waits for these).
      idle?.cancel();
      idle = options.schedule(slice);
    },
    cancel,
    has(id) {
      pendingIds ??= new Set(pending.slice(next).map((item) => item.id));
      return pendingIds.has(id);
    },
    busy: () => next < pending.length,
  };
}
