/**
 * Where the reading guide sits. Where the window has room beside the article's column and what
 * the site lays out beside it (`articleRight`), it sits there, level with the headline, covering
 * none of the site's content; otherwise at the end of the headline's line, just above it. Once
 * the headline scrolls away, it is pinned under whatever the site keeps at the top of the window
 * (its sticky header or navigation), so "Next claim" stays in view and the site's navigation
 * stays uncovered; not beside the article, at the window's right end. While a popover is a sheet along the window's bottom (a small
 * window, or 200 % zoom), the guide's stepping row docks above the sheet's highest edge, so the
 * two never overlap. The box is placed by its top edge, so opening the guide grows it downwards
 * and nothing jumps. Reads the page's layout only; writes nothing to the page.
 */
import { besideLeft, GUIDE_GAP as GAP, roomBeside } from '../../utils/annotator/reading-guide';

/** A site bar taller than this share of the window is an overlay, not a header to avoid. */
const MAX_HEADER_SHARE = 0.5;
/** The guide's widest box. */
const MAX_WIDTH = 560;

/**
 * The bottom edge of what the site pins at the top of the window (0 when nothing): fixed or
 * sticky elements found at the window's top edge, wide enough to be a bar.
 */
export function topObstruction(doc: Document, isOwn: (element: Element) => boolean): number {
  const view = doc.defaultView;
  if (!view || typeof doc.elementsFromPoint !== 'function') return 0;
  const width = view.innerWidth;
  const limit = view.innerHeight * MAX_HEADER_SHARE;
  let bottom = 0;
  for (const x of [8, width / 2, width - 8]) {
    for (const hit of doc.elementsFromPoint(x, 2)) {
      for (let up: Element | null = hit; up && up !== doc.documentElement; up = up.parentElement) {
        if (isOwn(up)) break;
        const position = view.getComputedStyle(up).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        const rect = up.getBoundingClientRect();
        if (rect.top <= 2 && rect.width >= width * 0.3 && rect.bottom <= limit) {
          bottom = Math.max(bottom, rect.bottom);
        }
      }
    }
  }
  return bottom;
}

/** What the guide's place depends on besides the headline and the window. */
export interface GuideSurroundings {
  /** The bottom of the site's bar pinned at the window's top (0: none). */
  obstruction: number;
  /** The right edge of the article's text in the window (see `articleRight`). */
  articleRight: number;
  /** The highest a popover sheet's top can be while one is open, or null (none open). */
  sheetTop: number | null;
}

/** The guide's box in the window: its top-left corner and how large it may grow. */
export interface GuidePlace {
  left: number;
  top: number;
  maxWidth: number;
  maxHeight: number;
  /** Beside the article's column (the pill is then at the box's left end). */
  beside: boolean;
  /** Pinned in the window rather than carried by the page's scrolling. */
  docked: boolean;
  /**
   * How far in from the box's right end the pill sits: by the headline's end, a box wider than
   * the room left of it keeps the pill where it was folded (0 beside, where it is at the left).
   */
  pillInset: number;
}

/** The guide's place for a box of this size and pill height. */
export function guidePosition(
  reference: DOMRect,
  box: { width: number; height: number; pillHeight: number; pillWidth?: number },
  viewport: { width: number; height: number },
  around: GuideSurroundings,
): GuidePlace {
  const { obstruction, sheetTop } = around;
  const room = roomBeside(around.articleRight, viewport.width);
  const beside = room > 0;
  const maxWidth = Math.min(MAX_WIDTH, beside ? room : viewport.width - 2 * GAP);
  const width = Math.min(box.width, maxWidth);
  const right = Math.min(reference.right, viewport.width - GAP);
  const left = beside ? besideLeft(around.articleRight) : Math.max(GAP, right - width);
  if (sheetTop !== null) {
    // Above the sheet: under the site's header if the guide fits there, else over it (the
    // sheet covers the page below anyway), and never further down than the sheet's top.
    const under = obstruction + GAP;
    const top = under + box.height <= sheetTop - GAP ? under : GAP;
    // Not beside the article (the site's sidebar takes that room): at the window's right end,
    // off the headline's start and the site's logo, where headers keep them.
    const docked = beside ? left : Math.max(GAP, viewport.width - GAP - width);
    return {
      left: Math.round(docked),
      top: Math.round(top),
      maxWidth,
      maxHeight: Math.max(0, Math.floor(sheetTop - GAP - top)),
      beside,
      docked: true,
      pillInset: 0,
    };
  }
  const level = beside ? reference.top : reference.top - box.pillHeight - GAP;
  const under = Math.max(obstruction + GAP, GAP);
  const top = Math.max(level, under);
  // Not beside the article, once the headline has gone under the site's header: at the window's
  // right end, off the article's column, whose text the reader reads just below the header.
  const aside = !beside && level < under;
  return {
    left: Math.round(aside ? Math.max(GAP, viewport.width - GAP - width) : left),
    top: Math.round(top),
    maxWidth,
    maxHeight: Math.max(120, Math.floor(viewport.height - top - 8)),
    beside,
    docked: false,
    pillInset:
      beside || aside
        ? 0
        : Math.round(Math.max(0, Math.min(left + width - right, width - (box.pillWidth ?? width)))),
  };
}

/**
 * The lowest bottom edge, in the window, the guide's box of this height can have at any scroll:
 * by the headline with the page at its top (it scrolls up from there, or is pinned above it), or
 * where it is now if that is lower (docked above a popover's sheet). What sits at the window's
 * bottom keeps below it (`corner-place.ts`).
 */
export function guideReach(
  reference: DOMRect,
  scrollY: number,
  box: { width: number; height: number; pillHeight: number; pillWidth?: number },
  viewport: { width: number; height: number },
  around: GuideSurroundings,
  now: Pick<GuidePlace, 'top'>,
): number {
  const atTop = guidePosition(
    new DOMRect(reference.x, reference.y + scrollY, reference.width, reference.height),
    box,
    viewport,
    { ...around, sheetTop: null },
  );
  return Math.ceil(Math.max(atTop.top, now.top) + box.height);
}
