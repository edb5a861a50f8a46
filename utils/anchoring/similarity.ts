/**
 * How alike two short strings are: used to weigh a candidate's surrounding text against the
 * prefix and suffix a selector remembers.
 */

/** Longest context compared; beyond this, extra characters cost time and add little evidence. */
export const MAX_CONTEXT_COMPARED = 256;

/** Rows reused across calls: contexts are compared thousands of times per page. */
let previousRow = new Int32Array(MAX_CONTEXT_COMPARED + 1);
let currentRow = new Int32Array(MAX_CONTEXT_COMPARED + 1);

/** Levenshtein distance (insertions, deletions, substitutions), in two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
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
