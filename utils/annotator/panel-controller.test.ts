import { describe, expect, it } from 'vitest';
import type { NoteAnchor } from '../messaging/protocol';
import type { StoredClaim } from '../store/db';
import type { Layers } from './layers';
import { createPanelController } from './panel-controller';
import { fakePanel } from './test-doubles';

const claim = { id: 'c1', verdict: 'supported' } as unknown as StoredClaim;
const note: NoteAnchor = { id: 'n1', target: { selectors: [] }, claimId: 'c1' };

function readerKey(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function setUp(words: readonly StoredClaim[] = [claim]) {
  document.body.innerHTML = '<p>text</p><button>from</button>';
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p')!);
  let placed = true;
  let notes = [note];
  const active: (string | null)[] = [];
  const layers = {
    rangeOf: (id: string) => (placed || id !== 'c1' ? range : null),
    setActive: (id: string | null) => active.push(id),
    setExpanded: () => undefined,
    status: () => ({ orphanedNoteIds: ['n2'] }),
  } as unknown as Layers;
  const frame = fakePanel();
  let closed = 0;
  const pinned: (string | null)[] = [];
  const controller = new AbortController();
  const panels = createPanelController({
    article: {
      doc: document,
      layers,
      claims: () => [claim],
      notes: () => notes,
    },
    panel: frame.create({ onEvent: () => undefined }),
    pageClaims: { claims: [...words], about: [] },
    lastReviewed: '2026-11-27',
    onClosed: () => closed++,
    onPinned: (claimId) => pinned.push(claimId),
    signal: controller.signal,
  });
  return {
    panels,
    frame,
    active,
    closed: () => closed,
    pinned: () => pinned,
    unplace: () => {
      placed = false;
    },
    dropNotes: () => {
      notes = [];
    },
    stop: () => controller.abort(),
  };
}

describe('the popover and focus return', () => {
  it('shows a claim with its notes and review date, and gives focus back on close', () => {
    const { panels, frame, active, closed } = setUp();
    const button = document.querySelector('button')!;
    panels.returnFocusTo(button);
    panels.openClaim('c1', 'pinned', true);
    expect(frame.last()?.view).toEqual({ kind: 'claim', claim, noteIds: ['n1'] });
    expect(frame.last()?.options).toMatchObject({ focus: true, lastReviewed: '2026-11-27' });
    expect(panels.current()).toEqual({ kind: 'claim', id: 'c1', mode: 'pinned' });
    panels.close();
    expect(document.activeElement).toBe(button);
    expect(frame.isOpen()).toBe(false);
    expect(active).toEqual(['c1', null]);
    expect(closed()).toBe(1);
    panels.close();
    expect(closed()).toBe(1);
  });

  it('says a claim’s words could not be had rather than open nothing, as that claim’s popover', () => {
    const { panels, frame } = setUp([]);
    panels.openClaim('c1', 'pinned', true);
    expect(frame.last()?.view).toEqual({
      kind: 'claim-unavailable',
      claimId: 'c1',
      verdict: 'supported',
    });
    expect(panels.current()).toEqual({ kind: 'claim', id: 'c1', mode: 'pinned' });
    // A repaint keeps it open while its passage is there.
    panels.follow(false);
    expect(frame.isOpen()).toBe(true);
    panels.openClaim('not-on-the-page', 'pinned', true);
    expect(frame.last()?.view).toMatchObject({ claimId: 'c1' });
  });

  it('closes on the reader’s Escape only, and not once stopped', () => {
    const { panels, frame, stop } = setUp();
    panels.openNote('n1', true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(frame.isOpen()).toBe(true);
    document.dispatchEvent(readerKey('Escape'));
    expect(frame.isOpen()).toBe(false);
    panels.openNote('n1', true);
    stop();
    document.dispatchEvent(readerKey('Escape'));
    expect(frame.isOpen()).toBe(true);
  });

  it('tells when the reader opens or closes a popover (to drop a hover on its way), not for a hover', () => {
    const { panels, pinned } = setUp();
    panels.openClaim('c1', 'hover', false);
    panels.close();
    expect(pinned()).toEqual([]);
    panels.openClaim('c1', 'pinned', true);
    expect(pinned()).toEqual(['c1']);
    document.dispatchEvent(readerKey('Escape'));
    expect(pinned()).toEqual(['c1', 'c1']);
    panels.openNote('n1', true);
    panels.close();
    expect(pinned()).toEqual(['c1', 'c1', null, null]);
  });

  it('lists placed and unplaced notes, and keeps an editor open when the layers change', () => {
    const { panels, frame } = setUp();
    panels.showNotes();
    expect(frame.last()?.view).toEqual({
      kind: 'notes',
      placedNoteIds: ['n1'],
      orphanedNoteIds: ['n2'],
    });
    panels.follow(true);
    expect(frame.isOpen()).toBe(false);
    panels.openNewNote({ kind: 'new-note', quote: 'text', selectors: [] }, document.createRange());
    expect(panels.editing()).toBe(true);
    panels.follow(true);
    expect(frame.isOpen()).toBe(true);
  });

  it('closes a popover whose passage or note is gone', () => {
    const claimGone = setUp();
    claimGone.panels.openClaim('c1', 'hover', false);
    claimGone.unplace();
    claimGone.panels.follow(false);
    expect(claimGone.frame.isOpen()).toBe(false);

    const noteGone = setUp();
    noteGone.panels.openNote('n1', true);
    noteGone.panels.follow(false);
    expect(noteGone.frame.isOpen()).toBe(true);
    noteGone.dropNotes();
    noteGone.panels.follow(false);
    expect(noteGone.frame.isOpen()).toBe(false);
  });
});
