/**
 * The normaliser's scan as it was before it was rewritten without a regular expression (one
 * `exec` per special stretch of `/\s\s+|[^ \S]|[\u0080-\uffff]/g`), kept unchanged as the
 * reference that normalise.test.ts compares the rewrite with. Only the scan and the cluster test
 * it used are kept here; what the scan writes (the folding of clusters, the text and its segment
 * map) is normalise.ts's own, which the rewrite did not change. Imported by tests only.
 */

import { codePointLength, foldCluster, type NormalisedText, normalisedWriter } from './normalise';

const WHITESPACE = /\s/u;
const COMBINING_MARK = /\p{M}/u;

/** Whether the code point continues the cluster before it rather than starting a new one. */
function continuesCluster(codePoint: number, char: string): boolean {
  // Hangul medial vowels and final consonants compose with the syllable before them under NFC,
  // yet are letters, not marks; keeping them in the cluster lets NFD Korean meet NFC Korean.
  if (codePoint >= 0x1161 && codePoint <= 0x11ff) return true;
  return codePoint >= 0x300 && COMBINING_MARK.test(char);
}

/** Whether the code point at `index` continues the cluster before it (a combining mark…). */
function startsMark(source: string, index: number): boolean {
  const codePoint = source.codePointAt(index) ?? 0;
  return continuesCluster(codePoint, String.fromCodePoint(codePoint));
}

/**
 * What needs more than a copy: whitespace other than a lone space, and non-ASCII characters.
 * Everything between matches is copied as one slice.
 */
const SPECIAL = /\s\s+|[^ \S]|[\u0080-\uffff]/g;

/** `normaliseText` as it was written with a regular expression. */
export function referenceNormaliseText(source: string): NormalisedText {
  const { copy, replace, finish } = normalisedWriter(source);
  let copiedUpTo = 0;
  SPECIAL.lastIndex = 0;
  for (let match = SPECIAL.exec(source); match !== null; match = SPECIAL.exec(source)) {
    let start = match.index;
    const first = source.charCodeAt(start);
    if (first <= 0x20 || WHITESPACE.test(match[0])) {
      copy(copiedUpTo, start);
      const end = start + match[0].length;
      // A lone BOM counts as whitespace to \s but is an invisible character here.
      replace(start, end, match[0] === '\ufeff' ? '' : ' ');
      copiedUpTo = end;
      continue;
    }
    // A combining mark after an ASCII letter joins it: "e\u0301" becomes one "é" cluster.
    if (start > copiedUpTo && startsMark(source, start)) start -= 1;
    copy(copiedUpTo, start);
    let end = start + codePointLength(source, start);
    while (end < source.length && startsMark(source, end)) end += codePointLength(source, end);
    replace(start, end, foldCluster(source.slice(start, end)));
    copiedUpTo = end;
    SPECIAL.lastIndex = end;
  }
  copy(copiedUpTo, source.length);
  return finish();
}
