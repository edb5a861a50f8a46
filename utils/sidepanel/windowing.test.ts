import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, scrollToShow, visibleRows } from './windowing';

describe('windowing maths', () => {
  const offsets = rowOffsets([10, 20, 30, 40]);

  it('gives each row its top and the list its height', () => {
    expect([...offsets]).toEqual([0, 10, 30, 60, 100]);
    expect([...rowOffsets([])]).toEqual([0]);
    // A row not measured yet, or measured as nothing, takes no room rather than a negative one.
    expect([...rowOffsets([10, -5, 0, 5])]).toEqual([0, 10, 10, 10, 15]);
  });

  it('finds the row under a position, clamped to the list', () => {
    expect(rowAt(offsets, -3)).toBe(0);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 9.9)).toBe(0);
    expect(rowAt(offsets, 10)).toBe(1);
    expect(rowAt(offsets, 59)).toBe(2);
    expect(rowAt(offsets, 60)).toBe(3);
    expect(rowAt(offsets, 1000)).toBe(3);
  });

  it('draws only the rows that meet the view, plus the overscan', () => {
    expect(visibleRows(offsets, 0, 25)).toEqual({ start: 0, end: 2 });
    expect(visibleRows(offsets, 12, 30)).toEqual({ start: 1, end: 2 });
    expect(visibleRows(offsets, 12, 30, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRows(offsets, 70, 500)).toEqual({ start: 3, end: 4 });
  });

  it('draws nothing for a list above or below the view, or an empty one', () => {
    expect(visibleRows(offsets, 120, 300)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(offsets, -300, -100)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(rowOffsets([]), 0, 100)).toEqual({ start: 0, end: 0 });
  });

  it('draws about a screenful of 10,000 rows wherever the view is', () => {
    const many = rowOffsets(Array.from({ length: 10_000 }, (_, i) => 60 + (i % 3) * 20));
    const total = many[10_000]!;
    for (const top of [0, total / 3, total / 2, total - 800]) {
      const { start, end } = visibleRows(many, top, top + 800, 200);
      // 1,200 px of rows 60–100 px tall: at most 21 of them, never the whole list.
      expect(end - start).toBeGreaterThanOrEqual(12);
      expect(end - start).toBeLessThanOrEqual(21);
      expect(many[start]!).toBeLessThanOrEqual(Math.max(0, top - 200));
      expect(many[end]!).toBeGreaterThanOrEqual(Math.min(total, top + 1000));
    }
  });

  it('scrolls the least that shows a row whole', () => {
    expect(scrollToShow(offsets, 1, 0, 50)).toBe(0);
    expect(scrollToShow(offsets, 3, 0, 50)).toBe(50);
    expect(scrollToShow(offsets, 0, 40, 50)).toBe(0);
    // A row taller than the view shows from its top.
    expect(scrollToShow(offsets, 3, 0, 20)).toBe(60);
  });
});
