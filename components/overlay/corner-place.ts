/**
 * Where the overlay's bottom corner (the welcome card, the notice that some notes are missing)
 * sits: at the window's bottom right, and always below the lowest the reading guide can be. The
 * guide scrolls up with the page from its place by the headline, or is pinned under the site's
 * header, so the lowest it reaches is its place by the headline with the page at its top
 * (`guideReach`); a corner kept below that never meets it, however the reader scrolls. Where the
 * corner's usual width does not fit there, it takes the window's width (its lines get longer and
 * it shorter), then scrolls inside; with less room than a few lines (a guide opened at 200 %
 * zoom) it steps aside until the guide folds. Pure: reads nothing, writes nothing.
 */
import { GUIDE_GAP } from '../../utils/annotator/reading-guide';

/** The corner's distance from the window's edges. */
export const CORNER_EDGE = 16;
/** The least height (CSS px) the corner is shown in: below it, it waits for room. */
export const CORNER_MIN_ROOM = 120;

/** How the corner is drawn. */
export interface CornerPlace {
  /** As wide as the window (less its edges), rather than its usual width. */
  wide: boolean;
  /** Its tallest; what is taller scrolls inside. */
  maxHeight: number;
  /** Out of the way: the guide leaves it no room. */
  hidden: boolean;
}

/**
 * The corner's place in a window of this height, given the lowest bottom edge the guide can have
 * (null: no guide) and the corner's height at its usual width and at the window's.
 */
export function cornerPlace(
  viewportHeight: number,
  guideReach: number | null,
  heightAt: (wide: boolean) => number,
): CornerPlace {
  const top = guideReach === null ? CORNER_EDGE : Math.max(CORNER_EDGE, guideReach + GUIDE_GAP);
  const room = Math.max(0, Math.floor(viewportHeight - CORNER_EDGE - top));
  if (room < CORNER_MIN_ROOM) return { wide: false, maxHeight: room, hidden: true };
  if (heightAt(false) <= room) return { wide: false, maxHeight: room, hidden: false };
  return { wide: true, maxHeight: room, hidden: false };
}
