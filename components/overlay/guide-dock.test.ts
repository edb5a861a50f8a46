import { describe, expect, it } from 'vitest';
import { guidePosition } from './guide-dock';

const viewport = { width: 1280, height: 900 };
const headline = (top: number) => new DOMRect(94, top, 768, 77);

describe('guidePosition', () => {
  it('sits just above the headline, at the end of its line, below the site’s header', () => {
    expect(guidePosition(headline(186), { width: 266, pillHeight: 27 }, viewport, 143)).toEqual({
      left: 596,
      top: 153,
    });
  });

  it('stays under the site’s header once the headline has scrolled away', () => {
    expect(guidePosition(headline(-600), { width: 266, pillHeight: 27 }, viewport, 143)).toEqual({
      left: 596,
      top: 149,
    });
    expect(guidePosition(headline(-600), { width: 266, pillHeight: 27 }, viewport, 0).top).toBe(6);
  });

  it('is placed by its top edge: opening it (a wider, taller box) moves the top nowhere', () => {
    const closed = guidePosition(headline(186), { width: 266, pillHeight: 27 }, viewport, 143);
    const open = guidePosition(headline(186), { width: 560, pillHeight: 27 }, viewport, 143);
    expect(open.top).toBe(closed.top);
  });

  it('keeps inside a narrow window', () => {
    const narrow = { width: 320, height: 480 };
    const position = guidePosition(
      new DOMRect(10, 200, 900, 40),
      { width: 560, pillHeight: 27 },
      narrow,
      0,
    );
    expect(position.left).toBe(6);
  });
});
