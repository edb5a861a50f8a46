import { describe, expect, it } from 'vitest';
import { ABOVE_SHADE_NOTICE, CORNER_EDGE, CORNER_MIN_ROOM, cornerPlace } from './corner-place';

/** A card 336 px tall at its usual width, 230 px at the window's. */
const card = (wide: boolean) => (wide ? 230 : 336);

describe('cornerPlace', () => {
  it('keeps its usual width and place where it fits below the guide', () => {
    // 1280 × 900, the pill above the headline: its lowest bottom edge is 181 px down.
    expect(cornerPlace(900, 181, card)).toEqual({
      wide: false,
      maxHeight: 697,
      hidden: false,
      bottom: CORNER_EDGE,
    });
    // No guide: the whole window's height, less the edges.
    expect(cornerPlace(900, null, card).maxHeight).toBe(900 - 2 * CORNER_EDGE);
  });

  it('takes the window’s width, then scrolls inside, where it would reach up to the guide (200 %)', () => {
    // 640 × 450, the pill's lowest bottom edge at 232 px: 196 px of room below it.
    const place = cornerPlace(450, 232, card);
    expect(place).toEqual({ wide: true, maxHeight: 196, hidden: false, bottom: CORNER_EDGE });
    // Never higher than 6 px under the guide's lowest edge.
    expect(450 - CORNER_EDGE - place.maxHeight).toBeGreaterThanOrEqual(232 + 6);
    // Wide, and short enough to fit whole.
    expect(cornerPlace(520, 232, card)).toEqual({
      wide: true,
      maxHeight: 266,
      hidden: false,
      bottom: CORNER_EDGE,
    });
  });

  it('steps aside while an open guide leaves it less than a few lines', () => {
    // The guide opened at 200 %: its box ends 392 px down a 450 px window.
    expect(cornerPlace(450, 392, card)).toMatchObject({ hidden: true });
    expect(cornerPlace(450, 450 - CORNER_EDGE - 6 - CORNER_MIN_ROOM, card).hidden).toBe(false);
  });

  it('keeps above the note layer’s notice while it says notes are missing', () => {
    const place = cornerPlace(900, 181, card, true);
    expect(place).toMatchObject({ bottom: ABOVE_SHADE_NOTICE, hidden: false });
    // Shorter by as much: still below the guide.
    expect(place.maxHeight).toBe(900 - ABOVE_SHADE_NOTICE - 187);
  });
});
