/**
 * Windowing maths for long lists (10,000 notes and more): which rows to draw for the part of a
 * list that is on screen, given each row's height (measured once drawn, estimated before). Pure
 * numbers: the list component measures and scrolls, this decides.
 */

/** The top of every row and the list's height: `offsets[i]` is row i's top, `offsets[n]` the total. */
export function rowOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) {
    // A height not known (NaN) or nonsensical (negative) takes no room.
    const height = heights[i] ?? 0;
    const room = Number.isFinite(height) && height > 0 ? height : 0;
    offsets[i + 1] = (offsets[i] ?? 0) + room;
  }
  return offsets;
}

/** The row that contains the vertical position `y` (clamped to the list). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A run of rows to draw: from `start` up to, not including, `end`. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * The rows that meet the visible part of the list, `top` to `bottom` (in the list's own
 * coordinates, so 0 is its first row's top), widened by `overscan` pixels each way so a short
 * scroll shows rows already drawn. An empty window when the list is off screen.
 */
export function visibleRows(
  offsets: Float64Array,
  top: number,
  bottom: number,
  overscan = 0,
): RowWindow {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  const from = Math.max(0, top - overscan);
  const to = Math.min(total, bottom + overscan);
  if (count <= 0 || to <= from || from >= total) return { start: 0, end: 0 };
  const start = rowAt(offsets, from);
  let end = rowAt(offsets, to) + 1;
  // A row that starts exactly at the bottom edge is not on screen.
  if (end - 1 > start && (offsets[end - 1] ?? 0) >= to) end -= 1;
  return { start, end: Math.min(end, count) };
}

/**
 * Where to scroll so a row is fully visible: the smallest move of the view's top (`viewTop`,
 * `viewHeight`, list coordinates) that shows it; the same top when it already shows.
 */
export function scrollToShow(
  offsets: Float64Array,
  index: number,
  viewTop: number,
  viewHeight: number,
): number {
  const rowTop = offsets[index] ?? 0;
  const rowBottom = offsets[index + 1] ?? rowTop;
  if (rowTop < viewTop) return rowTop;
  if (rowBottom > viewTop + viewHeight) return Math.min(rowTop, rowBottom - viewHeight);
  return viewTop;
}
