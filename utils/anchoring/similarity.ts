/**
 * How alike two short strings are: used to weigh a candidate's surrounding text against the
 * prefix and suffix a selector remembers.
 */

/** Longest context compared; beyond this, extra characters cost time and add little evidence. */
export const MAX_CONTEXT_COMPARED = 256;

/** Rows reused across calls: contexts are compared thousands of times per page. */
let previousRow = new Int32Array(MAX_CONTEXT_COMPARED + 1);
let currentRow = new Int32Array(MAX_CONTEXT_COMPARED + 1);

/** Longest string whose distance is computed with one machine word per column (see below). */
const WORD_BITS = 32;
/**
 * For each UTF-16 code unit, the positions where it occurs in the string being compared, as bits
 * (bit i: position i). Filled for one comparison and cleared after it, so it is all zeros between
 * calls; one table for every call, as contexts are compared thousands of times per page.
 */
let positionBits: Int32Array | null = null;

/**
 * Levenshtein distance when `pattern` has 1 to 32 characters: Myers' bit-vector algorithm in the
 * global form Hyyrö gives, one column of the edit-distance table per character of `text`,
 * computed 32 cells at a time. The same number as the table in {@link editDistance}, about 30
 * times fewer steps for the usual 32-character context.
 */
function bitParallelDistance(pattern: string, text: string): number {
  if (positionBits === null) positionBits = new Int32Array(0x10000);
  const bits = positionBits;
  const length = pattern.length;
  for (let index = 0; index < length; index += 1) {
    const code = pattern.charCodeAt(index);
    bits[code] = (bits[code] as number) | (1 << index);
  }
  const lastRow = 1 << (length - 1);
  // Vertical deltas of the current column: all +1 at first (row i holds i).
  let plusVertical = -1;
  let minusVertical = 0;
  let distance = length;
  for (let column = 0; column < text.length; column += 1) {
    const equal = bits[text.charCodeAt(column)] as number;
    const crossVertical = equal | minusVertical;
    const crossHorizontal = (((equal & plusVertical) + plusVertical) ^ plusVertical) | equal;
    let plusHorizontal = minusVertical | ~(crossHorizontal | plusVertical);
    let minusHorizontal = plusVertical & crossHorizontal;
    if ((plusHorizontal & lastRow) !== 0) distance += 1;
    else if ((minusHorizontal & lastRow) !== 0) distance -= 1;
    // Row 0 of the table grows by one per column (the global, not the search, form).
    plusHorizontal = (plusHorizontal << 1) | 1;
    minusHorizontal <<= 1;
    plusVertical = minusHorizontal | ~(crossVertical | plusHorizontal);
    minusVertical = plusHorizontal & crossVertical;
  }
  for (let index = 0; index < length; index += 1) bits[pattern.charCodeAt(index)] = 0;
  return distance;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // The distance is symmetric: the shorter string, if it fits in a word, is the pattern.
  if (a.length <= WORD_BITS && a.length <= b.length) return bitParallelDistance(a, b);
  if (b.length <= WORD_BITS) return bitParallelDistance(b, a);
  return tableDistance(a, b);
}

/** Levenshtein distance by the classic table, in two rows of memory. */
function tableDistance(a: string, b: string): number {
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const aCode = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (aCode === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** Edits between a remembered prefix and the text that ends where a candidate starts. */
export function prefixDistance(text: string, start: number, prefix: string): number {
  const expected = prefix.slice(-MAX_CONTEXT_COMPARED);
  return editDistance(expected, text.slice(Math.max(0, start - expected.length), start));
}

/** Edits between a remembered suffix and the text that starts where a candidate ends. */
export function suffixDistance(text: string, end: number, suffix: string): number {
  const expected = suffix.slice(0, MAX_CONTEXT_COMPARED);
  return editDistance(expected, text.slice(end, end + expected.length));
}

/**
 * Below this many characters a context is weak evidence either way: a prefix of three characters
 * at the top of the page should not condemn a quote for one changed letter.
 */
const MIN_CONTEXT_WEIGHT = 16;

/** Turns an edit count against an expected string into a similarity in [0, 1]. */
export function similarityOf(distance: number, expectedLength: number): number {
  if (expectedLength === 0) return 1;
  const length = Math.max(MIN_CONTEXT_WEIGHT, Math.min(expectedLength, MAX_CONTEXT_COMPARED));
  return Math.max(0, 1 - distance / length);
}
