/**
 * Where the overlay's bottom corner (the welcome card, the notice that some notes are missing)
 * sits: at the window's bottom right, and always below the lowest the reading guide can be. The
 * guide scrolls up with the page from its place by the headline, or is pinned under the site's
 * header, so the lowest it reaches is its place by the headline with the page at its top
 * (`guideReach`); a corner kept below that never meets it, however the reader scrolls. Where the
 * corner's usual width does not fit there, it takes the window's width (its lines get longer and
 * it shorter), then scrolls inside; with less room than a few lines (a guide opened at 200 %
 * zoom) it steps aside until the guide folds. While it says that notes are missing (an article
 * with thousands of them), it keeps above the note layer's own notice, which takes the window's
 * bottom right when too many notes are near the screen to draw (`utils/highlight/shade-style.ts`:
 * 12 px up, two lines of 13 px text at most, in English, Spanish and French alike). Pure: reads
 * nothing, writes nothing.
 */
import { GUIDE_GAP } from '../../utils/annotator/reading-guide';

/** The corner's distance from the window's edges. */
export const CORNER_EDGE = 16;
/** The least height (CSS px) the corner is shown in: below it, it waits for room. */
export const CORNER_MIN_ROOM = 120;
/** The corner's distance from the window's bottom while it keeps above the note layer's notice. */
export const ABOVE_SHADE_NOTICE = 76;

/** How the corner is drawn. */
export interface CornerPlace {
  /** As wide as the window (less its edges), rather than its usual width. */
  wide: boolean;
  /** Its tallest; what is taller scrolls inside. */
  maxHeight: number;
  /** Out of the way: the guide leaves it no room. */
  hidden: boolean;
  /** Its distance from the window's bottom. */
  bottom: number;
}

/**
 * The corner's place in a window of this height, given the lowest bottom edge the guide can have
 * (null: no guide), the corner's height at its usual width and at the window's, and whether it
 * keeps above the note layer's notice.
 */
export function cornerPlace(
  viewportHeight: number,
  guideReach: number | null,
  heightAt: (wide: boolean) => number,
  aboveShadeNotice = false,
): CornerPlace {
  const bottom = aboveShadeNotice ? ABOVE_SHADE_NOTICE : CORNER_EDGE;
  const top = guideReach === null ? CORNER_EDGE : Math.max(CORNER_EDGE, guideReach + GUIDE_GAP);
  const room = Math.max(0, Math.floor(viewportHeight - bottom - top));
  if (room < CORNER_MIN_ROOM) return { wide: false, maxHeight: room, hidden: true, bottom };
  if (heightAt(false) <= room) return { wide: false, maxHeight: room, hidden: false, bottom };
  return { wide: true, maxHeight: room, hidden: false, bottom };
}
