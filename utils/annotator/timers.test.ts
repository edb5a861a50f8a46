import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimers } from './timers';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a controller’s timers', () => {
  it('runs a timer when due, and not one cleared', () => {
    const timers = createTimers();
    const ran: string[] = [];
    timers.set(() => ran.push('a'), 100);
    const b = timers.set(() => ran.push('b'), 100);
    timers.clear(b);
    timers.clear(null);
    vi.advanceTimersByTime(99);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
  });

  it('clears every pending timer on destroy, and sets none after', () => {
    const timers = createTimers();
    const ran: string[] = [];
    timers.set(() => ran.push('a'), 100);
    timers.destroy();
    timers.set(() => ran.push('late'), 10);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
