import { describe, expect, it } from 'vitest';
import {
  FRAME_BACKUP_MS,
  IDLE_BACKUP_MS,
  type IdlePeriod,
  pageProofClock,
  type SignalAfter,
  windowClock,
} from './page-clock';

/** Signals that abort when the test says, with the delay each was asked for. */
function fakeSignals() {
  const made: { ms: number; controller: AbortController }[] = [];
  const signalAfter: SignalAfter = (ms) => {
    const controller = new AbortController();
    made.push({ ms, controller });
    return controller.signal;
  };
  /** Aborts every signal asked for with this delay (as the browser does once it has passed). */
  const elapse = (ms: number): void => {
    for (const entry of made) if (entry.ms === ms) entry.controller.abort();
  };
  return { made, signalAfter, elapse };
}

/**
 * A window whose frames and idle callbacks run when the test says, and which the "page" can
 * cancel by id, as a page's script can cancel a content script's.
 */
function fakeWindow() {
  const frames = new Map<number, () => void>();
  const idles = new Map<number, (deadline: IdlePeriod) => void>();
  let next = 1;
  const view = {
    requestAnimationFrame(run: () => void) {
      frames.set(next, run);
      return next++;
    },
    cancelAnimationFrame(id: number) {
      frames.delete(id);
    },
    requestIdleCallback(run: (deadline: IdlePeriod) => void) {
      idles.set(next, run);
      return next++;
    },
    cancelIdleCallback(id: number) {
      idles.delete(id);
    },
  };
  return {
    view: view as unknown as Window,
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const run of due) run();
    },
    idle(left: number) {
      const due = [...idles.values()];
      idles.clear();
      for (const run of due) run({ timeRemaining: () => left });
    },
    /** What a page's "clear every id" does. */
    sweep() {
      frames.clear();
      idles.clear();
    },
  };
}

/** A page-proof clock on a fake window and fake signals, with both to drive it. */
function proofClock() {
  const signals = fakeSignals();
  const page = fakeWindow();
  return { signals, page, clock: pageProofClock(page.view, signals.signalAfter) };
}

describe('a page-proof clock', () => {
  it('runs a delay when its signal aborts, once, and never once cancelled', () => {
    const { signals, clock } = proofClock();
    const ran: string[] = [];
    clock.after(150, () => ran.push('kept'));
    const cancel = clock.after(150, () => ran.push('cancelled'));
    cancel();
    expect(signals.made.map((entry) => entry.ms)).toEqual([150, 150]);
    signals.elapse(150);
    signals.elapse(150);
    expect(ran).toEqual(['kept']);
  });

  it('asks for no delay where it is given no number or a negative one, as setTimeout reads them', () => {
    const { signals, clock } = proofClock();
    clock.after(Number.NaN, () => {});
    clock.after(-5, () => {});
    clock.after(Number.POSITIVE_INFINITY, () => {});
    expect(signals.made.map((entry) => entry.ms)).toEqual([0, 0, 0]);
  });

  it('runs a frame once, on the frame, and drops its backup', () => {
    const { signals, page, clock } = proofClock();
    let runs = 0;
    clock.frame(() => runs++);
    page.frame();
    signals.elapse(FRAME_BACKUP_MS);
    expect(runs).toBe(1);
  });

  it('runs a frame the page cancelled from its backup, and neither once cancelled', () => {
    const { signals, page, clock } = proofClock();
    let runs = 0;
    clock.frame(() => runs++);
    const cancel = clock.frame(() => runs++);
    cancel();
    page.sweep();
    page.frame();
    expect(runs).toBe(0);
    signals.elapse(FRAME_BACKUP_MS);
    expect(runs).toBe(1);
  });

  it('runs an idle task with its period, or without one from its backup when the page cancelled it', () => {
    const { signals, page, clock } = proofClock();
    const periods: Array<number | undefined> = [];
    clock.idle((period) => periods.push(period?.timeRemaining()), 200);
    page.idle(30);
    signals.elapse(200 + IDLE_BACKUP_MS);
    expect(periods).toEqual([30]);
    clock.idle((period) => periods.push(period?.timeRemaining()), 200);
    page.sweep();
    signals.elapse(200 + IDLE_BACKUP_MS);
    page.idle(30);
    expect(periods).toEqual([30, undefined]);
  });

  it('is the window’s own clock where there is no AbortSignal.timeout', () => {
    const page = fakeWindow();
    const clock = pageProofClock(page.view, undefined);
    let runs = 0;
    clock.frame(() => runs++);
    page.sweep();
    page.frame();
    expect(runs).toBe(0);
  });
});

describe('the window’s clock', () => {
  it('runs frames and idle callbacks on the window, which the page can cancel', () => {
    const page = fakeWindow();
    const clock = windowClock(page.view);
    const ran: string[] = [];
    clock.frame(() => ran.push('frame'));
    clock.idle(() => ran.push('idle'), 200);
    page.frame();
    page.idle(10);
    clock.frame(() => ran.push('swept'));
    page.sweep();
    page.frame();
    expect(ran).toEqual(['frame', 'idle']);
  });

  it('runs an idle task in a task of its own where the window has no idle callbacks', async () => {
    const clock = windowClock(null);
    const period = await new Promise<IdlePeriod | undefined>((resolve) => clock.idle(resolve, 200));
    expect(period).toBeUndefined();
  });
});
