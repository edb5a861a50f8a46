import { describe, expect, it } from 'vitest';
import { createIdleQueue, type IdlePeriod, type ScheduleIdle } from './idle-queue';

/** A scheduler that runs nothing until the test says so. */
function manualScheduler() {
  const tasks: Array<(period?: IdlePeriod) => void> = [];
  const schedule: ScheduleIdle = (task) => {
    tasks.push(task);
    return { cancel: () => tasks.splice(tasks.indexOf(task) >>> 0, 1) };
  };
  return { schedule, tasks, runNext: () => tasks.shift()?.() };
}

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}` }));

describe('createIdleQueue', () => {
  it('works the queue off a chunk at a time and reports once when it is empty', () => {
    const scheduler = manualScheduler();
    const chunks: string[][] = [];
    let drained = 0;
    let clock = 0;
    const queue = createIdleQueue({
      schedule: scheduler.schedule,
      chunk: 2,
      sliceMs: 10,
      // Each chunk takes 6 ms: a slice runs two chunks, then yields.
      run: (chunk) => {
        chunks.push(chunk.map((item) => item.id));
        clock += 6;
      },
      onDrained: () => drained++,
      now: () => clock,
    });
    queue.queue(items(5));
    expect(queue.has('n4')).toBe(true);
    expect(queue.busy()).toBe(true);
    scheduler.runNext();
    expect(chunks).toEqual([
      ['n0', 'n1'],
      ['n2', 'n3'],
    ]);
    expect(queue.has('n1')).toBe(false);
    expect(queue.has('n4')).toBe(true);
    expect(drained).toBe(0);
    scheduler.runNext();
    expect(chunks.at(-1)).toEqual(['n4']);
    // The report (a repaint and a message, in the layers) waits for a slice of its own.
    expect(queue.has('n4')).toBe(false);
    expect(queue.busy()).toBe(false);
    expect(drained).toBe(0);
    expect(scheduler.tasks).toHaveLength(1);
    scheduler.runNext();
    expect(chunks).toHaveLength(3);
    expect(drained).toBe(1);
    expect(scheduler.tasks).toHaveLength(0);
  });

  it('works 10,000 items off in bounded slices, each yielding to the page, and reports in one more', () => {
    const scheduler = manualScheduler();
    const perSlice: number[] = [];
    let inSlice = 0;
    let drained = 0;
    let clock = 0;
    const queue = createIdleQueue({
      schedule: scheduler.schedule,
      chunk: 100,
      sliceMs: 12,
      // A chunk costs 5 ms of the fake clock: three chunks fit a slice.
      run: (chunk) => {
        inSlice += chunk.length;
        clock += 5;
      },
      onDrained: () => {
        drained++;
        expect(inSlice).toBe(0);
      },
      now: () => clock,
    });
    queue.queue(items(10_000));
    let slices = 0;
    while (scheduler.tasks.length > 0 && slices < 1000) {
      scheduler.runNext();
      slices += 1;
      if (inSlice > 0) perSlice.push(inSlice);
      inSlice = 0;
    }
    // 100 chunks, three a slice: 34 slices that anchor, then the one that reports.
    expect(perSlice).toHaveLength(34);
    expect(Math.max(...perSlice)).toBe(300);
    expect(perSlice.reduce((sum, count) => sum + count, 0)).toBe(10_000);
    expect(slices).toBe(35);
    expect(drained).toBe(1);
  });

  it('drops what is queued and the slice scheduled when cancelled', () => {
    const scheduler = manualScheduler();
    let ran = 0;
    const queue = createIdleQueue({
      schedule: scheduler.schedule,
      chunk: 1,
      sliceMs: 10,
      run: () => ran++,
      onDrained: () => undefined,
      now: () => 0,
    });
    queue.queue(items(3));
    queue.cancel();
    expect(scheduler.tasks).toHaveLength(0);
    expect(queue.has('n0')).toBe(false);
    expect(ran).toBe(0);
  });
  it('takes more items after those queued, and reports once, after the last of them', () => {
    const scheduler = manualScheduler();
    const chunks: string[][] = [];
    let drained = 0;
    const queue = createIdleQueue<{ id: string }>({
      schedule: scheduler.schedule,
      chunk: 2,
      sliceMs: 10,
      // Each chunk takes the whole slice.
      run: (chunk) => chunks.push(chunk.map((item) => item.id)),
      onDrained: () => drained++,
      now: (() => {
        let clock = 0;
        return () => (clock += 6);
      })(),
    });
    queue.queue(items(3));
    scheduler.runNext();
    // The last chunk ran, and the report is due: more items come (a page of notes).
    scheduler.runNext();
    expect(queue.busy()).toBe(false);
    queue.append([{ id: 'later-0' }, { id: 'later-1' }, { id: 'later-2' }]);
    expect(queue.busy()).toBe(true);
    expect(queue.has('later-2')).toBe(true);
    expect(queue.has('n0')).toBe(false);
    // The report waits for them: a slice comes first.
    expect(scheduler.tasks).toHaveLength(1);
    for (let turn = 0; turn < 10 && scheduler.tasks.length > 0; turn++) scheduler.runNext();
    expect(chunks).toEqual([['n0', 'n1'], ['n2'], ['later-0', 'later-1'], ['later-2']]);
    expect(drained).toBe(1);
  });

  it('starts slices again for items appended once it was empty', () => {
    const scheduler = manualScheduler();
    const seen: string[] = [];
    let drained = 0;
    const queue = createIdleQueue<{ id: string }>({
      schedule: scheduler.schedule,
      chunk: 10,
      sliceMs: 10,
      run: (chunk) => seen.push(...chunk.map((item) => item.id)),
      onDrained: () => drained++,
    });
    queue.append([]);
    expect(scheduler.tasks).toHaveLength(0);
    queue.append(items(2));
    for (let turn = 0; turn < 10 && scheduler.tasks.length > 0; turn++) scheduler.runNext();
    expect(seen).toEqual(['n0', 'n1']);
    expect(drained).toBe(1);
  });

  describe('within one idle period', () => {
    /** An idle scheduler whose callbacks get a period of `length` ms of the fake clock. */
    function periodScheduler(clock: () => number, length: () => number) {
      const idle = manualScheduler();
      const soon = manualScheduler();
      const runIdle = () => {
        const task = idle.tasks.shift();
        const end = clock() + length();
        task?.({ timeRemaining: () => Math.max(0, end - clock()) });
      };
      return { idle, soon, runIdle };
    }

    /** A queue of one item a chunk, each chunk taking a whole 10 ms slice of its fake clock. */
    function oneChunkASlice(
      idle: ReturnType<typeof manualScheduler>,
      soon: ReturnType<typeof manualScheduler>,
    ) {
      let clock = 0;
      let ran = 0;
      const queue = createIdleQueue({
        schedule: idle.schedule,
        continueIn: soon.schedule,
        chunk: 1,
        sliceMs: 10,
        run: () => {
          ran++;
          clock += 10;
        },
        onDrained: () => undefined,
        now: () => clock,
      });
      return { queue, clock: () => clock, ran: () => ran };
    }

    it('goes on in a task of its own while a whole slice fits, then waits for the next idle callback', () => {
      let clock = 0;
      const { idle, soon, runIdle } = periodScheduler(
        () => clock,
        () => 50,
      );
      const done: string[] = [];
      let drained = 0;
      const queue = createIdleQueue({
        schedule: idle.schedule,
        continueIn: soon.schedule,
        chunk: 1,
        sliceMs: 10,
        // A chunk costs 4 ms: a slice runs three (12 ms).
        run: (chunk) => {
          done.push(...chunk.map((item) => item.id));
          clock += 4;
        },
        onDrained: () => drained++,
        now: () => clock,
      });
      queue.queue(items(20));
      runIdle();
      expect(done).toHaveLength(3);
      // 38 ms of the period are left: the next slice is a task, not another idle callback.
      expect([idle.tasks.length, soon.tasks.length]).toEqual([0, 1]);
      soon.runNext();
      soon.runNext();
      expect(done).toHaveLength(9);
      expect([idle.tasks.length, soon.tasks.length]).toEqual([0, 1]);
      soon.runNext();
      // 2 ms left after four slices: no room for a fifth, so it waits for the next period.
      expect(done).toHaveLength(12);
      expect([idle.tasks.length, soon.tasks.length]).toEqual([1, 0]);
      runIdle();
      soon.runNext();
      soon.runNext();
      expect(done).toEqual(items(20).map((item) => item.id));
      // The report is never carried on: it waits for an idle callback of its own.
      expect([idle.tasks.length, soon.tasks.length]).toEqual([1, 0]);
      expect(drained).toBe(0);
      runIdle();
      expect(drained).toBe(1);
    });

    it('waits for the next idle callback without a period, with one too short, or one that throws', () => {
      const periods = [
        undefined,
        { timeRemaining: () => 9 },
        { timeRemaining: () => Number.NaN },
        {
          timeRemaining: (): number => {
            throw new Error('gone');
          },
        },
      ];
      for (const period of periods) {
        const idle = manualScheduler();
        const soon = manualScheduler();
        const { queue, ran } = oneChunkASlice(idle, soon);
        queue.queue(items(3));
        idle.tasks.shift()?.(period);
        expect(ran()).toBe(1);
        expect([idle.tasks.length, soon.tasks.length]).toEqual([1, 0]);
      }
    });

    it('drops a slice carried on when cancelled', () => {
      let made: ReturnType<typeof oneChunkASlice> | undefined;
      const { idle, soon, runIdle } = periodScheduler(
        () => made?.clock() ?? 0,
        () => 50,
      );
      made = oneChunkASlice(idle, soon);
      const { queue, ran } = made;
      queue.queue(items(5));
      runIdle();
      expect([ran(), idle.tasks.length, soon.tasks.length]).toEqual([1, 0, 1]);
      queue.cancel();
      expect([idle.tasks.length, soon.tasks.length]).toEqual([0, 0]);
      expect(queue.busy()).toBe(false);
    });
  });
});
