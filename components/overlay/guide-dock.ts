/**
 * Where the reading guide sits: at the end of the headline's line, just above it, and once the
 * headline scrolls away, pinned under whatever the site keeps at the top of the window (its
 * sticky header or navigation), so "Next claim" stays in view and the site's navigation stays
 * uncovered. The box is placed by its top edge, so opening the guide grows it downwards and
 * nothing jumps. Reads the page's layout only; writes nothing to the page.
 */

/** The gap between the guide and what it sits by, in pixels. */
const GAP = 6;
/** A site bar taller than this share of the window is an overlay, not a header to avoid. */
const MAX_HEADER_SHARE = 0.5;

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

/** The guide's top-left corner in the window, for a box of this width and pill height. */
export function guidePosition(
  reference: DOMRect,
  box: { width: number; pillHeight: number },
  viewport: { width: number; height: number },
  obstruction: number,
): { left: number; top: number } {
  const top = Math.max(reference.top - box.pillHeight - GAP, obstruction + GAP, GAP);
  const right = Math.min(reference.right, viewport.width - GAP);
  const left = Math.max(GAP, right - box.width);
  return { left: Math.round(left), top: Math.round(top) };
}
