import { describe, expect, it } from 'vitest';
import { createClaimStepper } from './claim-stepper';

/** A key event as the reader's own (happy-dom lets a test set `isTrusted`, a browser does not). */
function readerKey(code: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { code, cancelable: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function setUp(keys?: { next: string; previous: string }) {
  document.body.innerHTML = '<p>a</p><p>b</p><p>c</p>';
  const order = ['c1', 'c2', 'c3'];
  const markers = new Map(order.map((id) => [id, document.createElement('button')]));
  for (const marker of markers.values()) document.body.append(marker);
  let openId: string | null = null;
  const opened: string[] = [];
  const controller = new AbortController();
  const stepper = createClaimStepper({
    doc: document,
    layers: {
      placedClaims: () => order,
      markerOf: (id) => markers.get(id) ?? null,
      rangeOf: () => null,
    },
    openId: () => openId,
    verdictOf: (id) => (id === 'c2' ? 'misleading' : 'supported'),
    open: (id, marker) => {
      openId = id;
      opened.push(id);
      expect(marker).toBe(markers.get(id));
    },
    ...(keys ? { keys } : {}),
    signal: controller.signal,
  });
  return { stepper, opened, markers, stop: () => controller.abort() };
}

describe('stepping through the claims', () => {
  it('goes in reading order from the claim open, and wraps around both ways', () => {
    const { stepper, opened } = setUp();
    stepper.step(-1);
    stepper.step(1);
    stepper.step(1);
    stepper.step(1);
    expect(opened).toEqual(['c3', 'c1', 'c2', 'c3']);
  });

  it('steps through one verdict’s claims, from the claim open to the next of that verdict', () => {
    const { stepper, opened } = setUp();
    stepper.step(1, 'supported');
    stepper.step(1, 'supported');
    stepper.step(1, 'supported');
    expect(opened).toEqual(['c1', 'c3', 'c1']);
    // From c1 (supported), the next misleading claim is c2; again, it stays the only one.
    stepper.step(1, 'misleading');
    stepper.step(1, 'misleading');
    expect(opened.slice(3)).toEqual(['c2', 'c2']);
    // From c2, the next supported claim after it is c3.
    stepper.step(1, 'supported');
    expect(opened.at(-1)).toBe('c3');
  });

  it('starts from the focused marker when no claim is open', () => {
    const { stepper, opened, markers } = setUp();
    markers.get('c2')?.focus();
    stepper.step(1);
    expect(opened).toEqual(['c3']);
  });

  it('reads its keys from the shortcuts (Alt+Shift+J / K), or from the ones it is given', () => {
    const defaults = setUp();
    const next = readerKey('KeyJ', { altKey: true, shiftKey: true });
    document.dispatchEvent(next);
    document.dispatchEvent(readerKey('KeyK', { altKey: true, shiftKey: true }));
    document.dispatchEvent(readerKey('KeyJ'));
    expect(defaults.opened).toEqual(['c1', 'c3']);
    expect(next.defaultPrevented).toBe(true);
    defaults.stop();

    const custom = setUp({ next: 'Alt+N', previous: 'Alt+P' });
    document.dispatchEvent(readerKey('KeyJ', { altKey: true, shiftKey: true }));
    document.dispatchEvent(readerKey('KeyN', { altKey: true }));
    expect(custom.opened).toEqual(['c1']);
    custom.stop();
  });

  it('ignores keys a page script dispatches, and every key once stopped', () => {
    const { opened, stop } = setUp();
    document.dispatchEvent(
      new KeyboardEvent('keydown', { code: 'KeyJ', altKey: true, shiftKey: true }),
    );
    stop();
    document.dispatchEvent(readerKey('KeyJ', { altKey: true, shiftKey: true }));
    expect(opened).toEqual([]);
  });
});
