import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from './hover-intent';
import { createPagePointer } from './page-pointer';
import { createTimers } from './timers';

/** An event as the reader's own (happy-dom lets a test set `isTrusted`, a browser does not). */
function reader<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function setUp(hits: string[] = ['c1']) {
  document.body.innerHTML = '<p>text <a href="#x">link</a></p>';
  const opened: string[] = [];
  const activated: string[] = [];
  let outside = 0;
  const timers = createTimers();
  const hover = createHoverIntent({
    openAfterMs: 350,
    closeAfterMs: 300,
    setTimer: timers.set,
    clearTimer: timers.clear,
    canOpen: () => true,
    open: (id) => opened.push(id),
    close: () => undefined,
  });
  const controller = new AbortController();
  let current: { id: string | null; hover: boolean; editing: boolean } | null = null;
  createPagePointer({
    doc: document,
    layers: { hitTest: () => hits },
    hover,
    ours: () => false,
    isClaim: (id) => id.startsWith('c'),
    open: () => current,
    activate: (id) => {
      activated.push(id);
      current = { id, hover: false, editing: false };
    },
    clickedOutside: () => outside++,
    signal: controller.signal,
  });
  return {
    opened,
    activated,
    outside: () => outside,
    stop: () => {
      controller.abort();
      timers.destroy();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the pointer on the page', () => {
  it('opens a claim the reader’s pointer rests on, after the hover delay', () => {
    const { opened, stop } = setUp();
    document.dispatchEvent(reader(new PointerEvent('pointermove', { clientX: 5, clientY: 5 })));
    vi.advanceTimersByTime(16);
    vi.advanceTimersByTime(349);
    expect(opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(opened).toEqual(['c1']);
    stop();
  });

  it('opens what a click lands on, then what lies under it on a second click', () => {
    const { activated, stop } = setUp(['n1', 'c1']);
    const paragraph = document.querySelector('p')!;
    paragraph.dispatchEvent(reader(new MouseEvent('click', { bubbles: true, button: 0 })));
    paragraph.dispatchEvent(reader(new MouseEvent('click', { bubbles: true, button: 0 })));
    expect(activated).toEqual(['n1', 'c1']);
    // A link inside a passage stays a link.
    document
      .querySelector('a')!
      .dispatchEvent(reader(new MouseEvent('click', { bubbles: true, button: 0 })));
    expect(activated).toHaveLength(2);
    stop();
  });

  it('ignores what a page script dispatches, and everything once stopped', () => {
    const { opened, activated, stop } = setUp();
    document.dispatchEvent(new PointerEvent('pointermove'));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(1000);
    stop();
    document.dispatchEvent(reader(new PointerEvent('pointermove')));
    document.body.dispatchEvent(reader(new MouseEvent('click', { bubbles: true })));
    vi.advanceTimersByTime(1000);
    expect(opened).toEqual([]);
    expect(activated).toEqual([]);
  });

  it('a click outside every passage closes what is open', () => {
    const hits = ['c1'];
    const { outside, activated, stop } = setUp(hits);
    const click = () =>
      document.body.dispatchEvent(reader(new MouseEvent('click', { bubbles: true })));
    click();
    hits.length = 0;
    click();
    expect(activated).toEqual(['c1']);
    expect(outside()).toBe(1);
    stop();
  });
});
