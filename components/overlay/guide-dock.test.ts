import { describe, expect, it } from 'vitest';
import { guidePosition, guideReach } from './guide-dock';

const viewport = { width: 1280, height: 900 };
const headline = (top: number) => new DOMRect(94, top, 768, 77);
const pill = { width: 266, height: 27, pillHeight: 27 };
/** A column reaching the window's right part: no room beside it. */
const wide = { obstruction: 143, articleRight: 1100, sheetTop: null };

describe('guidePosition', () => {
  it('sits beside the article’s column, level with the headline, where the window has room', () => {
    const place = guidePosition(headline(186), pill, viewport, { ...wide, articleRight: 862 });
    // Past the 24 px a marker may hang beyond the column's last word.
    expect(place).toMatchObject({ left: 892, top: 186, beside: true, docked: false });
    // As wide as the room beside the column, and no wider.
    expect(place.maxWidth).toBe(1280 - 892 - 6);
  });

  it('sits just above the headline, at the end of its line, with no room beside the column', () => {
    expect(guidePosition(headline(186), pill, viewport, wide)).toMatchObject({
      left: 596,
      top: 153,
      beside: false,
    });
  });

  it('stays under the site’s header once the headline has scrolled away', () => {
    // Not beside the article: at the window's right end, off the column's text.
    expect(guidePosition(headline(-600), pill, viewport, wide)).toMatchObject({
      left: 1280 - 6 - 266,
      top: 149,
    });
    // Beside it: where it was.
    expect(guidePosition(headline(-600), pill, viewport, { ...wide, articleRight: 862 }).left).toBe(
      892,
    );
    expect(guidePosition(headline(-600), pill, viewport, { ...wide, obstruction: 0 }).top).toBe(6);
    expect(guidePosition(headline(-600), pill, viewport, { ...wide, articleRight: 862 }).top).toBe(
      149,
    );
  });

  it('is placed by its top edge: opening it (a wider, taller box) moves the top nowhere', () => {
    const closed = guidePosition(headline(186), pill, viewport, wide);
    const open = guidePosition(
      headline(186),
      { width: 560, height: 200, pillHeight: 27 },
      viewport,
      wide,
    );
    expect(open.top).toBe(closed.top);
  });

  it('keeps the pill where it was folded when the opened guide is wider than the room left of the headline’s end', () => {
    const narrow = { width: 800, height: 900 };
    const around = { obstruction: 143, articleRight: 1210, sheetTop: null };
    const title = new DOMRect(44, 239, 388, 115);
    const folded = guidePosition(
      title,
      { width: 235, height: 27, pillHeight: 27, pillWidth: 235 },
      narrow,
      around,
    );
    const open = guidePosition(
      title,
      { width: 560, height: 200, pillHeight: 27, pillWidth: 235 },
      narrow,
      around,
    );
    // The pill's right end: the box's, less the inset; the headline's end both times.
    const pillRight = (place: ReturnType<typeof guidePosition>, width: number) =>
      place.left + width - place.pillInset;
    expect(folded.pillInset).toBe(0);
    expect(pillRight(folded, 235)).toBe(432);
    expect(open.left).toBe(6);
    expect(pillRight(open, 560)).toBe(432);
    expect(open.top).toBe(folded.top);
  });

  it('keeps inside a narrow window', () => {
    const narrow = { width: 320, height: 480 };
    const position = guidePosition(
      new DOMRect(10, 200, 900, 40),
      { width: 560, height: 27, pillHeight: 27 },
      narrow,
      { obstruction: 0, articleRight: 310, sheetTop: null },
    );
    expect(position.left).toBe(6);
    expect(position.maxWidth).toBe(308);
  });

  it('docks above a popover sheet: under the site’s header when it fits there, else over it', () => {
    const zoomed = { width: 640, height: 450 };
    const row = { width: 240, height: 70, pillHeight: 27 };
    const around = { obstruction: 30, articleRight: 272, sheetTop: 118 };
    const under = guidePosition(headline(238), row, zoomed, around);
    expect(under).toMatchObject({ top: 36, docked: true, left: 302 });
    expect(under.top + under.maxHeight).toBeLessThanOrEqual(118 - 6);
    const over = guidePosition(headline(238), row, zoomed, { ...around, obstruction: 190 });
    expect(over.top).toBe(6);
    expect(over.top + over.maxHeight).toBeLessThanOrEqual(118 - 6);
    // With no room beside the article (the site's sidebar there): at the window's right end.
    const aside = guidePosition(headline(238), row, zoomed, { ...around, articleRight: 580 });
    expect(aside).toMatchObject({ beside: false, docked: true, left: 640 - 6 - 240 });
  });
});

describe('guideReach', () => {
  it('is the guide’s bottom edge by the headline with the page at its top, whatever the scroll', () => {
    const around = { obstruction: 0, articleRight: 1100, sheetTop: null };
    // At the top: the pill 27 px tall just above the headline (186 − 27 − 6 = 153).
    const atTop = guidePosition(headline(186), pill, viewport, around);
    expect(guideReach(headline(186), 0, pill, viewport, around, atTop)).toBe(153 + 27);
    // Scrolled by 900 px, pinned at the window's top: still its lowest, by the headline.
    const pinned = guidePosition(headline(186 - 900), pill, viewport, around);
    expect(pinned.top).toBe(6);
    expect(guideReach(headline(186 - 900), 900, pill, viewport, around, pinned)).toBe(180);
    // Docked lower than that (above a sheet): where it is.
    expect(guideReach(headline(186), 0, pill, viewport, around, { top: 500 })).toBe(527);
  });
});
