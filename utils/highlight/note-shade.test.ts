import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createNoteShade,
  MAX_BOXES,
  MAX_MEASURED_NOTES,
  PARTIAL_NOTICE,
  type ShadeItem,
} from './note-shade';
import { createOwnNodeRegistry } from './own-nodes';
import type { TextPlace } from './text-place';

/** Paragraphs laid out one under the other, 100 px each (happy-dom has no layout). */
const LINE = 100;
let measured = 0;
const originals = {
  rangeRects: Range.prototype.getClientRects,
  elementRect: Element.prototype.getBoundingClientRect,
};

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return {
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
    x: left,
    y: top,
    toJSON: () => ({}),
  } as DOMRect;
}

beforeEach(() => {
  measured = 0;
  vi.useFakeTimers();
  window.scrollTo(0, 0);
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const index = Number((this as HTMLElement).dataset?.index ?? Number.NaN);
    if (Number.isNaN(index)) return rect(0, -window.scrollY, 0, 0);
    return rect(0, index * LINE - window.scrollY, 600, LINE);
  };
  Range.prototype.getClientRects = function (this: Range) {
    measured += 1;
    const paragraph = this.startContainer.parentElement as HTMLElement;
    const index = Number(paragraph.dataset.index);
    const top = index * LINE - window.scrollY;
    return [
      rect(this.startOffset * 8, top, (this.endOffset - this.startOffset) * 8, 20),
    ] as unknown as DOMRectList;
  };
});

afterEach(() => {
  Range.prototype.getClientRects = originals.rangeRects;
  Element.prototype.getBoundingClientRect = originals.elementRect;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** The place of [start, end) in one unsplit text node. */
const placeIn = (text: Text, start: number, end: number): TextPlace => ({
  startRoot: text,
  startOffset: start,
  endRoot: text,
  endOffset: end,
});

/** An article of `paragraphs` paragraphs with `perParagraph` notes on each. */
function article(paragraphs: number, perParagraph: number): ShadeItem[] {
  const items: ShadeItem[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const p = document.createElement('p');
    p.dataset.index = String(index);
    p.textContent = 'The meeting was the first of its kind between the two governments.';
    document.body.append(p);
    const text = p.firstChild as Text;
    for (let n = 0; n < perParagraph; n++) {
      items.push({ id: `note-${index}-${n}`, place: placeIn(text, n % 40, (n % 40) + 10) });
    }
  }
  return items;
}

const pageElements = () => document.querySelectorAll('*').length;

describe('the note shade with many notes', () => {
  it('measures and draws only the notes near the viewport, whatever their number', () => {
    const small = article(100, 2);
    const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
    shade.paint(small);
    const measuredSmall = measured;
    const drawnSmall = shade.stats().boxes;
    shade.destroy();
    document.body.innerHTML = '';

    measured = 0;
    const large = article(1000, 2);
    const before = pageElements();
    const big = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
    big.paint(large);
    // Ten times the notes, the same viewport: the same work and the same rectangles.
    expect(measured).toBe(measuredSmall);
    expect(big.stats()).toEqual({
      notes: 2000,
      measured: drawnSmall,
      boxes: drawnSmall,
      partial: false,
    });
    expect(drawnSmall).toBeLessThan(100);
    // The page's DOM holds one element of ours, the host.
    expect(pageElements()).toBe(before + 1);
    big.destroy();
    expect(pageElements()).toBe(before);
  });

  it('measures every passage with one range, however many it measures and however often', () => {
    const items = article(100, 2);
    // Live ranges cost the page on each change of its DOM until they are collected: count the
    // ones the shade makes while it measures, draws and redraws after scrolls.
    const made = { count: 0 };
    const createRange = document.createRange.bind(document);
    document.createRange = () => {
      made.count += 1;
      return createRange();
    };
    try {
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      shade.paint(items);
      for (const y of [300, 900, 1500]) {
        window.scrollTo(0, y);
        window.dispatchEvent(new Event('scroll'));
        vi.advanceTimersByTime(50);
      }
      shade.paint(items);
      expect(measured).toBeGreaterThan(20);
      expect(made.count).toBe(1);
      shade.destroy();
    } finally {
      document.createRange = createRange;
    }
  });

  it('draws what scrolls into view in the next frame, from a passive scroll listener', () => {
    const items = article(300, 1);
    const added = vi.spyOn(window, 'addEventListener');
    const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
    shade.paint(items);
    const scroll = added.mock.calls.find(([type]) => type === 'scroll');
    expect(scroll?.[2]).toMatchObject({ passive: true });
    const top = window.innerHeight * 10;

    window.scrollTo(0, top);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    const index = Math.ceil(top / LINE);
    const y = index * LINE - top + 5;
    // Nothing is measured until the next frame, however many scroll events come first.
    const beforeFrame = measured;
    window.dispatchEvent(new Event('scroll'));
    expect(measured).toBe(beforeFrame);
    vi.advanceTimersByTime(50);
    expect(measured).toBeGreaterThan(beforeFrame);
    // The first paragraph in the viewport is now drawn and hit.
    expect(shade.hitTest(10, y)).toEqual([`note-${index}-0`]);
    expect(shade.stats().boxes).toBeGreaterThan(0);
    expect(shade.stats().measured).toBeLessThan(60);
    shade.destroy();
  });

  it('finds a passage under a click that comes before the frame after a scroll', () => {
    const items = article(300, 1);
    const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
    shade.paint(items);
    const top = window.innerHeight * 20;
    window.scrollTo(0, top);
    window.dispatchEvent(new Event('scroll'));
    const index = Math.ceil(top / LINE);
    expect(shade.hitTest(10, index * LINE - top + 5)).toEqual([`note-${index}-0`]);
    shade.destroy();
  });

  it('caps the notes measured at once, says so, and keeps the page usable', () => {
    // Every note in the first paragraphs: far more near the viewport than the cap.
    const items = article(5, 400);
    const partial: boolean[] = [];
    const shade = createNoteShade(document, {
      ownNodes: createOwnNodeRegistry(),
      onPartial: (value) => partial.push(value),
    });
    shade.paint(items);
    expect(measured).toBe(MAX_MEASURED_NOTES);
    expect(shade.stats()).toMatchObject({
      notes: 2000,
      measured: MAX_MEASURED_NOTES,
      partial: true,
    });
    expect(shade.stats().boxes).toBeLessThanOrEqual(MAX_BOXES);
    expect(partial).toEqual([true]);
    shade.paint(items.slice(0, 10));
    expect(shade.stats().partial).toBe(false);
    expect(partial).toEqual([true, false]);
    shade.destroy();
  });

  it('marks the open passage and finds passages under a point, shortest first', () => {
    const items = article(3, 1);
    const p = document.querySelector('p');
    const text = p?.firstChild as Text;
    const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
    shade.paint([...items, { id: 'short', place: placeIn(text, 0, 3) }]);
    expect(shade.hitTest(4, 5)).toEqual(['short', 'note-0-0']);
    shade.setActive('short');
    shade.hide();
    expect(shade.hitTest(4, 5)).toEqual([]);
    expect(shade.stats().boxes).toBe(0);
    shade.destroy();
  });

  it('measures a place across our splits of its text, and draws nothing for one whose text the page cut short', () => {
    const ownNodes = createOwnNodeRegistry();
    const items = article(2, 1);
    const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    if (!first || !second) throw new Error('no paragraphs');
    // A marker of ours splits the first paragraph inside its note's words ("meeting was"),
    // after the note was placed: the place still covers its ten characters.
    const tail = ownNodes.splitText(first, 8);
    tail.before(document.createElement('span'));
    const shade = createNoteShade(document, { ownNodes });
    shade.paint([
      { id: 'split', place: placeIn(first, 4, 14) },
      { id: 'cut', place: placeIn(second, 40, 60) },
      ...items.slice(1),
    ]);
    expect(shade.stats()).toMatchObject({ notes: 3, measured: 3 });
    // The stand-in layout puts a text part's box at 8 px a character from its start: the tail
    // piece's part of the note begins at the piece's start, the head's at character 4.
    expect(shade.hitTest(4, 5)).toEqual(['split']);
    expect(shade.hitTest(40, 5)).toEqual(['split']);
    expect(shade.hitTest(330, LINE + 5)).toEqual(['cut']);
    // The page shortens the second paragraph below the place: nothing of it is drawn until the
    // passage is anchored again, and nothing throws.
    second.data = 'The meeting.';
    shade.refresh();
    expect(shade.hitTest(330, LINE + 5)).toEqual([]);
    expect(shade.hitTest(4, LINE + 5)).toEqual(['note-1-0']);
    shade.destroy();
  });

  it('keeps its rectangles out of the accessibility tree, and its notice in it', () => {
    // The root is closed: the test keeps the one the shade attaches.
    const attach = Element.prototype.attachShadow;
    let root: ShadowRoot | null = null;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      root = attach.call(this, init);
      return root;
    };
    try {
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      shade.paint(article(20, 30));
      const shadow = root as ShadowRoot | null;
      const boxes = [...(shadow?.querySelectorAll('.box') ?? [])];
      expect(boxes.length).toBe(shade.stats().boxes);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(box.closest('[aria-hidden="true"]')).not.toBeNull();
      const notice = shadow?.querySelector('[role="status"]');
      expect(notice?.closest('[aria-hidden="true"]')).toBeNull();
      shade.destroy();
    } finally {
      Element.prototype.attachShadow = attach;
    }
  });

  it('says its notice in the words it is given (the interface language), English by default', () => {
    const attach = Element.prototype.attachShadow;
    const roots: ShadowRoot[] = [];
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    };
    try {
      const french = 'Trop de notes pour les afficher toutes à la fois.';
      for (const partialNotice of [french, undefined]) {
        const shade = createNoteShade(document, {
          ownNodes: createOwnNodeRegistry(),
          ...(partialNotice ? { partialNotice } : {}),
        });
        shade.paint(article(3, 1));
        const notice = roots.at(-1)?.querySelector('[role="status"]');
        expect(notice?.textContent).toBe(partialNotice ?? PARTIAL_NOTICE);
        shade.destroy();
      }
    } finally {
      Element.prototype.attachShadow = attach;
    }
  });

  it('reads no layout when there is no note to draw (the scroll position would force one)', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'scrollY');
    let reads = 0;
    Object.defineProperty(window, 'scrollY', {
      configurable: true,
      get: () => {
        reads += 1;
        return 0;
      },
    });
    try {
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      shade.paint([]);
      shade.refresh();
      expect(reads).toBe(0);
      shade.paint(article(2, 1));
      expect(reads).toBeGreaterThan(0);
      expect(shade.stats().boxes).toBeGreaterThan(0);
      shade.destroy();
    } finally {
      if (own) Object.defineProperty(window, 'scrollY', own);
      else delete (window as { scrollY?: number }).scrollY;
    }
  });
});

/** Keeps the closed roots the shades attach (the test's only way in). */
function keepRoots(): { roots: ShadowRoot[]; restore(): void } {
  const attach = Element.prototype.attachShadow;
  const roots: ShadowRoot[] = [];
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  return { roots, restore: () => (Element.prototype.attachShadow = attach) };
}

/** Scrolls the window and runs the frame the shade asks for. */
function scrollTo(top: number): void {
  window.scrollTo(0, top);
  window.dispatchEvent(new Event('scroll'));
  vi.advanceTimersByTime(50);
}

describe('the note shade drawing what changed', () => {
  it('writes only the rectangles that come or go on a scroll step, and none on a repaint', () => {
    const kept = keepRoots();
    try {
      const items = article(300, 1);
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      shade.paint(items);
      scrollTo(20 * LINE);
      const drawn = shade.stats().boxes;
      const root = kept.roots.at(-1) as ShadowRoot;
      const writes = new MutationObserver(() => undefined);
      writes.observe(root, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style', 'class'],
      });

      // One line further: one paragraph leaves the measured band above, one enters below. The
      // rectangle of the one that left is moved to the one that came, staying shown (a write
      // of `hidden` costs Firefox as much as one of the style); the others stay as drawn.
      const hidden = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'hidden');
      let hiddenWrites = 0;
      Object.defineProperty(HTMLElement.prototype, 'hidden', {
        ...hidden,
        set(this: HTMLElement, value: boolean) {
          hiddenWrites += 1;
          hidden?.set?.call(this, value);
        },
      });
      try {
        scrollTo(21 * LINE);
      } finally {
        if (hidden) Object.defineProperty(HTMLElement.prototype, 'hidden', hidden);
      }
      const written = new Set(writes.takeRecords().map((record) => record.target));
      expect(shade.stats().boxes).toBe(drawn);
      expect(drawn).toBeGreaterThan(10);
      expect(written.size).toBe(1);
      expect(hiddenWrites).toBe(0);
      const entered = Math.floor((21 * LINE + 2 * window.innerHeight) / LINE);
      expect(shade.hitTest(10, entered * LINE - 21 * LINE + 5)).toEqual([`note-${entered}-0`]);

      // The same passages painted again (the last idle slice's repaint) measure the same.
      shade.paint(items);
      expect(writes.takeRecords()).toEqual([]);
      expect(shade.stats().boxes).toBe(drawn);
      shade.setActive(`note-${entered}-0`);
      expect(writes.takeRecords().length).toBe(1);
      writes.disconnect();
      shade.destroy();
    } finally {
      kept.restore();
    }
  });
  it('keeps a place within the cap for a passage not measured yet, instead of a farther one', () => {
    // Thirty paragraphs of 100 notes: six paragraphs fill the cap of 600.
    const items = article(30, 100);
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      shade.paint(items);
      expect(shade.stats()).toMatchObject({ measured: MAX_MEASURED_NOTES, partial: true });
      // Every read of the clock now finds the frame's time spent: nothing new is measured.
      now.mockImplementation(() => (clock += 10));
      scrollTo(4 * LINE);
      // The nearest six paragraphs are 5 to 10; 7 to 10 wait for the next frame. Paragraphs 1
      // to 4, measured before and farther away, are not drawn in their place.
      expect(shade.stats().measured).toBe(200);
      const hit = (paragraph: number) => shade.hitTest(10, paragraph * LINE - 4 * LINE + 5);
      expect(hit(2)).toEqual([]);
      expect(hit(5)).toContain('note-5-0');
      now.mockImplementation(() => clock);
      vi.advanceTimersByTime(50);
      expect(shade.stats().measured).toBe(MAX_MEASURED_NOTES);
      expect(hit(8)).toContain('note-8-0');
      shade.destroy();
    } finally {
      now.mockRestore();
    }
  });
});

describe('the note shade watching the body', () => {
  /** A resize observer that records what it watches; `fire` plays the browser's callback. */
  class FakeResizeObserver {
    static made: FakeResizeObserver[] = [];
    readonly watched = new Set<Element>();
    constructor(readonly callback: ResizeObserverCallback) {
      FakeResizeObserver.made.push(this);
    }
    observe(target: Element) {
      this.watched.add(target);
    }
    unobserve(target: Element) {
      this.watched.delete(target);
    }
    disconnect() {
      this.watched.clear();
    }
    fire() {
      this.callback([], this as unknown as ResizeObserver);
    }
  }
  const watching = () => FakeResizeObserver.made.flatMap((observer) => [...observer.watched]);

  it('watches the body’s size only while there are passages, and measures the first one', () => {
    const view = document.defaultView as unknown as Record<string, unknown>;
    const real = view.ResizeObserver;
    view.ResizeObserver = FakeResizeObserver;
    FakeResizeObserver.made = [];
    try {
      const shade = createNoteShade(document, { ownNodes: createOwnNodeRegistry() });
      // No note: paragraphs appended to the page call nothing of ours.
      shade.paint([]);
      expect(FakeResizeObserver.made.length).toBe(1);
      expect(watching()).toEqual([]);

      const items = article(3, 1);
      shade.paint(items);
      expect(watching()).toEqual([document.body]);
      expect(shade.stats().boxes).toBe(3);
      // The body grows: the passages are measured again in the next frame.
      const before = measured;
      FakeResizeObserver.made[0]?.fire();
      vi.advanceTimersByTime(50);
      expect(measured).toBe(before + 3);

      shade.paint([]);
      expect(watching()).toEqual([]);
      shade.paint(items.slice(0, 1));
      expect(watching()).toEqual([document.body]);
      shade.destroy();
      expect(watching()).toEqual([]);
    } finally {
      view.ResizeObserver = real;
    }
  });
});
