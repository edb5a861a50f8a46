import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotesMissingRelay } from './note-pages';
import { createOverlayController, TOAST_MS } from './overlay-controller';
import type { OverlayState } from './overlay-state';
import { recordingOverlay } from './test-doubles';
import { createTimers } from './timers';

const SHORTCUTS = { next: 'Alt+Shift+J', previous: 'Alt+Shift+K', addNote: 'Alt+Shift+M' };

function setUp(guide: () => OverlayState['guide'] = () => null) {
  const overlay = recordingOverlay();
  const timers = createTimers();
  const controller = createOverlayController({
    doc: document,
    timers,
    createOverlay: overlay.createOverlay,
    guide,
    shortcuts: SHORTCUTS,
  });
  return { controller, overlay, timers };
}

beforeEach(() => {
  vi.useFakeTimers();
  document.documentElement.innerHTML = '<head></head><body></body>';
});
afterEach(() => vi.useRealTimers());

describe('the overlay controller', () => {
  it('adds its host to the page only while something is shown', () => {
    const { controller, overlay } = setUp();
    const hosts = () => document.documentElement.children.length;
    const bare = hosts();
    controller.redraw();
    expect(hosts()).toBe(bare);
    controller.showToast('Note saved.');
    expect(hosts()).toBe(bare + 1);
    expect(overlay.last()?.toast?.message).toBe('Note saved.');
    vi.advanceTimersByTime(TOAST_MS);
    expect(controller.toast()).toBeNull();
    expect(hosts()).toBe(bare);
  });

  it('keeps a toast while the reader is in it, and runs its action once', () => {
    const { controller } = setUp();
    const undone: string[] = [];
    controller.showToast('Note deleted.', { label: 'Undo', run: () => undone.push('n1') }, 8000);
    controller.toast()?.onPause?.(true);
    vi.advanceTimersByTime(20_000);
    expect(controller.toast()?.actionLabel).toBe('Undo');
    controller.toast()?.onPause?.(false);
    vi.advanceTimersByTime(7999);
    expect(controller.toast()).not.toBeNull();
    controller.toast()?.onAction?.();
    expect(undone).toEqual(['n1']);
    expect(controller.toast()).toBeNull();
  });

  it('draws the adder when set, and nothing more once destroyed', () => {
    const { controller, overlay } = setUp();
    const reference = document.createRange();
    controller.setAdder({ reference, onAdd: () => undefined });
    expect(overlay.last()?.adder?.reference).toBe(reference);
    const drawn = overlay.drawn.length;
    controller.setAdder(null);
    controller.setAdder(null);
    expect(overlay.drawn.length).toBe(drawn);
    controller.showToast('x');
    controller.destroy();
    controller.redraw();
    vi.advanceTimersByTime(TOAST_MS);
    expect(document.documentElement.children.length).toBe(2);
  });

  it('shows that some notes are missing (told before or after it started), with a Retry that asks once', () => {
    const relay = createNotesMissingRelay();
    const asked: string[] = [];
    // Reported before the interactions started: drawn with their first redraw.
    relay.set({ retry: () => asked.push('early') });
    const overlay = recordingOverlay();
    const controller = createOverlayController({
      doc: document,
      timers: createTimers(),
      createOverlay: overlay.createOverlay,
      guide: () => null,
      shortcuts: SHORTCUTS,
      notesMissing: relay,
    });
    const hosts = () => document.documentElement.children.length;
    const bare = hosts();
    expect(overlay.drawn).toEqual([]);
    controller.redraw();
    // Shown alone: the host is there for it, with nothing else to draw.
    expect(hosts()).toBe(bare + 1);
    const notice = () => overlay.last()?.notesMissing;
    expect(notice()?.retrying).toBe(false);
    // Retry asks once, says it is asking, and a second press meanwhile does nothing.
    notice()?.onRetry();
    notice()?.onRetry();
    expect(asked).toEqual(['early']);
    expect(notice()?.retrying).toBe(true);
    // Failed again: shown again, ready for another Retry.
    relay.set({ retry: () => asked.push('again') });
    expect(notice()?.retrying).toBe(false);
    notice()?.onRetry();
    expect(asked).toEqual(['early', 'again']);
    // The notes come: the notice goes, and a toast says so.
    relay.set(null);
    expect(notice()).toBeNull();
    expect(controller.toast()?.message).toBe('Your missing notes are loading now.');
    vi.advanceTimersByTime(TOAST_MS);
    expect(hosts()).toBe(bare);
    // Dismissed by the reader: gone until the next report. Gone on its own (a reload), no toast.
    relay.set({ retry: () => undefined });
    expect(hosts()).toBe(bare + 1);
    notice()?.onDismiss();
    expect(hosts()).toBe(bare);
    relay.set({ retry: () => undefined });
    relay.set(null);
    expect(controller.toast()).toBeNull();
    expect(hosts()).toBe(bare);
    controller.destroy();
    const count = overlay.drawn.length;
    relay.set({ retry: () => undefined });
    expect(overlay.drawn.length).toBe(count);
  });
});
