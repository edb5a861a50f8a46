import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from './overlay-state';
import { createSelectionAdder, SELECTION_SETTLE_MS } from './selection-adder';
import { createTimers } from './timers';

function setUp(editing = false, selectedBefore?: [number, number]) {
  document.body.innerHTML = '<article><p>The vicious cycle of debt.</p></article>';
  const body = document.querySelector('article')!;
  if (selectedBefore) {
    const text = body.querySelector('p')!.firstChild as Text;
    document.getSelection()?.setBaseAndExtent(text, selectedBefore[0], text, selectedBefore[1]);
  }
  let adder: OverlayState['adder'] = null;
  const edited: string[] = [];
  const controller = new AbortController();
  const timers = createTimers();
  const selection = createSelectionAdder({
    doc: document,
    body,
    timers,
    editing: () => editing,
    setAdder: (next) => {
      adder = next;
    },
    openEditor: (range) => edited.push(range.toString()),
    inOverlay: () => false,
    signal: controller.signal,
  });
  const select = (from: number, to: number) => {
    const text = body.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  };
  return {
    selection,
    select,
    adder: () => adder,
    edited,
    stop: () => {
      controller.abort();
      timers.destroy();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  document.getSelection()?.removeAllRanges();
  vi.useRealTimers();
});

describe('selection → Add note', () => {
  it('takes the button away at once when the reader presses on the page, and looks again on release', async () => {
    const { select, adder, stop } = setUp();
    select(4, 17);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(adder()?.reference.toString()).toBe('vicious cycle');
    const press = (type: string, trusted: boolean) => {
      const event = new Event(type, { bubbles: true });
      if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
      document.body.querySelector('p')?.dispatchEvent(event);
    };
    // A page script's forged press changes nothing.
    press('pointerdown', false);
    expect(adder()).not.toBeNull();
    // The reader's own press: gone before any selection event or timer.
    press('pointerdown', true);
    expect(adder()).toBeNull();
    // Released with the selection as it was (a right-click on it): offered again.
    press('pointerup', true);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(adder()?.reference.toString()).toBe('vicious cycle');
    stop();
  });

  it('offers "Add note" for a selection made before it started (the page was still loading)', async () => {
    const { adder, stop } = setUp(false, [4, 17]);
    // The selection events of that drag are long gone: none comes now.
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(adder()?.reference.toString()).toBe('vicious cycle');
    stop();
  });

  it('offers "Add note" once the selection has rested, and opens the editor for it', async () => {
    const { select, adder, edited, stop } = setUp();
    select(4, 17);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS - 1);
    expect(adder()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(adder()?.reference.toString()).toBe('vicious cycle');
    adder()?.onAdd();
    expect(edited).toEqual(['vicious cycle']);
    stop();
  });

  it('takes the selection as it is when the button is pressed', async () => {
    const { select, adder, edited, stop } = setUp();
    select(4, 11);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    const offered = adder();
    select(4, 17);
    offered?.onAdd();
    expect(edited).toEqual(['vicious cycle']);
    stop();
  });

  it('offers nothing for white space, while the editor is open, or once stopped', async () => {
    const blank = setUp();
    blank.select(3, 4);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(blank.adder()).toBeNull();
    expect(blank.selection.currentRange()).toBeNull();
    blank.stop();

    const editing = setUp(true);
    editing.select(4, 17);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(editing.adder()).toBeNull();
    editing.stop();

    const stopped = setUp();
    stopped.stop();
    stopped.select(4, 17);
    await vi.advanceTimersByTimeAsync(SELECTION_SETTLE_MS);
    expect(stopped.adder()).toBeNull();
  });
});
