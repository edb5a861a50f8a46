import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayState } from '../../utils/annotator/overlay-state';
import { createOverlay } from './overlay-host';

const shortcuts = { next: 'Alt+Shift+J', previous: 'Alt+Shift+K', addNote: 'Alt+Shift+M' };

function state(reference: Element | null): OverlayState {
  return {
    guide: reference && {
      reference,
      article: document.body,
      claimCounts: { supported: 1 },
      anchoredClaims: 1,
      totalClaims: 1,
      about: [],
      onNext: vi.fn(),
      onPrevious: vi.fn(),
      expanded: true,
      onExpandedChange: vi.fn(),
      compact: false,
    },
    adder: null,
    toast: null,
    shortcuts,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the overlay’s hosts', () => {
  it('puts the guide’s host in the headline, keeps it there across redraws, and takes it out', () => {
    document.body.innerHTML = '<main><h1>A headline</h1><p>Text</p></main>';
    const headline = document.querySelector('h1');
    if (!headline) throw new Error('no headline');
    const overlay = createOverlay(document);
    overlay.render(state(headline));
    const host = headline.lastElementChild;
    expect(host?.localName).toBe('span');
    expect(host?.childNodes.length).toBe(0);
    expect(headline.textContent).toBe('A headline');
    if (!host) throw new Error('no host');
    expect(overlay.isHost(host)).toBe(true);
    const event = new Event('click', { bubbles: true, composed: true });
    let inside = false;
    document.addEventListener('click', (seen) => {
      inside = overlay.contains(seen);
    });
    host.dispatchEvent(event);
    expect(inside).toBe(true);

    // Drawn again (the headline now has the host as a child), it is not moved: a move would
    // take the focus out of the guide.
    overlay.render(state(headline));
    expect(headline.lastElementChild).toBe(host);

    overlay.render(state(null));
    expect(headline.children.length).toBe(0);
    overlay.destroy();
    expect(document.documentElement.lastElementChild?.localName).toBe('body');
  });

  it('keeps the guide’s host at the document’s end where the headline is not plain text', () => {
    document.body.innerHTML = '<h1><a href="/x">A linked headline</a></h1>';
    const headline = document.querySelector('h1');
    if (!headline) throw new Error('no headline');
    const overlay = createOverlay(document);
    overlay.render(state(headline));
    expect(headline.querySelector('span')).toBeNull();
    expect(document.documentElement.lastElementChild?.localName).toBe('span');
    overlay.destroy();
    expect(document.documentElement.lastElementChild?.localName).toBe('body');
  });
});
