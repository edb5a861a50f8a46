import { afterEach, describe, expect, it } from 'vitest';
import { caretAt, hitTest } from './hit-test';
import type { PaintEntry } from './paint-entry';
import { loadArticle, rangeOfQuote } from './test-support';

type Caret = { offsetNode: Node; offset: number } | null;
const doc = document as unknown as {
  caretPositionFromPoint?: (x: number, y: number) => Caret;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};
const saved = {
  position: doc.caretPositionFromPoint,
  range: doc.caretRangeFromPoint,
};

afterEach(() => {
  doc.caretPositionFromPoint = saved.position;
  doc.caretRangeFromPoint = saved.range;
});

/** A range whose one box is the rectangle (left, top, right, bottom). */
function boxed(range: Range, left: number, top: number, right: number, bottom: number): Range {
  const rect = { left, top, right, bottom, width: right - left, height: bottom - top };
  range.getClientRects = () => [rect] as unknown as DOMRectList;
  return range;
}

describe('hit testing', () => {
  it('finds the highlights whose boxes hold the point, smallest first, once each', () => {
    const article = loadArticle(document);
    doc.caretPositionFromPoint = undefined;
    doc.caretRangeFromPoint = undefined;
    const long = boxed(rangeOfQuote(article, 'sewage discharges fell by 40%'), 0, 0, 100, 20);
    const short = boxed(rangeOfQuote(article, 'discharges'), 40, 0, 60, 20);
    const away = boxed(rangeOfQuote(article, 'regulator'), 0, 40, 50, 60);
    const entries: PaintEntry[] = [
      { id: 'long', range: long, style: 'opinion' },
      { id: 'short', range: short, style: 'opinion' },
      { id: 'short', range: short, style: 'opinion' },
      { id: 'away', range: away, style: 'opinion' },
    ];
    expect(hitTest(document, entries, 50, 10)).toEqual(['short', 'long']);
    expect(hitTest(document, entries, 10, 10)).toEqual(['long']);
    expect(hitTest(document, entries, 200, 200)).toEqual([]);
  });

  it('skips a highlight the nearest caret is not in, before measuring it', () => {
    const article = loadArticle(document);
    const inside = rangeOfQuote(article, 'sewage discharges');
    const outside = boxed(rangeOfQuote(article, 'regulator'), 0, 0, 100, 20);
    let measured = 0;
    const original = outside.getClientRects;
    outside.getClientRects = () => {
      measured += 1;
      return original.call(outside);
    };
    doc.caretPositionFromPoint = () => ({
      offsetNode: inside.startContainer,
      offset: inside.startOffset + 1,
    });
    expect(hitTest(document, [{ id: 'o', range: outside, style: 'opinion' }], 10, 10)).toEqual([]);
    expect(measured).toBe(0);
  });

  it('lets geometry decide where the caret cannot be compared (another tree)', () => {
    const article = loadArticle(document);
    const range = boxed(rangeOfQuote(article, 'regulator'), 0, 0, 100, 20);
    range.comparePoint = () => {
      throw new Error('wrong document');
    };
    doc.caretPositionFromPoint = () => ({ offsetNode: document.body, offset: 0 });
    expect(hitTest(document, [{ id: 'r', range, style: 'opinion' }], 10, 10)).toEqual(['r']);
  });

  it('reads the caret in whichever form the browser offers', () => {
    const article = loadArticle(document);
    const text = rangeOfQuote(article, 'regulator').startContainer;
    doc.caretPositionFromPoint = undefined;
    doc.caretRangeFromPoint = () => {
      const range = document.createRange();
      range.setStart(text, 2);
      return range;
    };
    expect(caretAt(document, 1, 1)).toEqual({ node: text, offset: 2 });
    doc.caretRangeFromPoint = () => null;
    expect(caretAt(document, 1, 1)).toBeNull();
    doc.caretPositionFromPoint = () => null;
    expect(caretAt(document, 1, 1)).toBeNull();
    doc.caretPositionFromPoint = undefined;
    doc.caretRangeFromPoint = undefined;
    expect(caretAt(document, 1, 1)).toBeNull();
  });
});
