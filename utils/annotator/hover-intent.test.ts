import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from './hover-intent';

function setup(canOpen = () => true) {
  const opened: string[] = [];
  let closed = 0;
  const hover = createHoverIntent({
    openAfterMs: 350,
    closeAfterMs: 300,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => {
      if (timer !== null) clearTimeout(timer as ReturnType<typeof setTimeout>);
    },
    canOpen,
    open: (id) => opened.push(id),
    close: () => {
      closed++;
    },
  });
  return { hover, opened, closed: () => closed };
}

describe('createHoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests for the delay', () => {
    const { hover, opened } = setup();
    hover.enter('a');
    vi.advanceTimersByTime(349);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['a']);
  });

  it('drops an open on its way when cancelled, and a resting pointer does not start it again', () => {
    const { hover, opened } = setup();
    hover.enter('a');
    vi.advanceTimersByTime(200);
    hover.cancel();
    hover.enter('a');
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    // Leaving and coming back is a new hover.
    hover.leave(false);
    hover.enter('a');
    vi.advanceTimersByTime(350);
    expect(opened).toEqual(['a']);
  });

  it('with a claim, counts it hovered already: its arrival reported after the click opens nothing', () => {
    const { hover, opened } = setup();
    hover.cancel('b');
    hover.enter('b');
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    hover.enter('c');
    vi.advanceTimersByTime(350);
    expect(opened).toEqual(['c']);
  });

  it('does not open when the pointer moves on before the delay', () => {
    const { hover, opened } = setup();
    hover.enter('a');
    vi.advanceTimersByTime(200);
    hover.leave(false);
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
  });

  it('keeps the popover while the pointer travels into it, and closes after it leaves', () => {
    const { hover, opened, closed } = setup();
    hover.enter('a');
    vi.advanceTimersByTime(350);
    expect(opened).toEqual(['a']);
    hover.leave(true);
    vi.advanceTimersByTime(200);
    hover.pointerInPopover(true);
    vi.advanceTimersByTime(1000);
    expect(closed()).toBe(0);
    hover.pointerInPopover(false);
    vi.advanceTimersByTime(299);
    expect(closed()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(closed()).toBe(1);
  });

  it('never opens over a popover pinned open', () => {
    const { hover, opened } = setup(() => false);
    hover.enter('a');
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
  });
});

describe('createHoverIntent, leaving a popover the page cannot see into', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes once the page sees the pointer again, even without a leave from the popover', () => {
    const { hover, closed } = setup();
    hover.enter('a');
    vi.advanceTimersByTime(350);
    hover.leave(true);
    hover.pointerInPopover(true);
    // Back on the page: every move there says the pointer is out of the popover.
    hover.pointerInPopover(false);
    vi.advanceTimersByTime(150);
    hover.pointerInPopover(false);
    hover.leave(true);
    vi.advanceTimersByTime(150);
    expect(closed()).toBe(1);
  });
});
