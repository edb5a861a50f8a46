/**
 * Text normalisation for matching quotes against a page.
 *
 * A quote saved last month must still find its words after the publisher swaps straight quotes
 * for curly ones, re-flows whitespace, adds soft hyphens or stores text in another Unicode form.
 * Both the page's text and the selector's strings go through `normaliseText`, so the matcher
 * compares like with like. The normalised form:
 * - is Unicode NFKC, applied per grapheme-ish cluster (a code point and its combining marks);
 * - turns every run of whitespace (spaces, tabs, line breaks, no-break spaces) into one space;
 * - drops soft hyphens and zero-width characters;
 * - folds curly quotes and primes to `'` / `"`, and the many dashes and the minus sign to `-`.
 * Case is kept: the fuzzy matcher absorbs the rare case edit, and exact case is real evidence.
 *
 * For the page, every normalised character can be traced to the span of original characters it
 * came from, so a match maps back to exactly the original words. The map is kept as segments
 * (a new one only where lengths change: collapsed whitespace, dropped or composed characters),
 * not per character, so a megabyte of text costs a few thousand entries rather than millions.
 */

/** A normalised string and the map from its characters back to the source's. */
export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** Offset in the source of the first character behind `text[index]`. */
  sourceStartOf(index: number): number;
  /** Offset in the source just after the last character behind `text[index]`. */
  sourceEndOf(index: number): number;
  /** The first normalised index whose source starts at or after `sourceOffset`. */
  indexAtSource(sourceOffset: number): number;
}

const SPACE = 0x20;

/** Characters that vanish: soft hyphen, zero-width spaces and joiners, direction marks, BOM. */
const INVISIBLE = new Set<number>([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180e, 0x200b,
  0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062,
  0x2063, 0x2064, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0xfeff,
]);
const WHITESPACE = /\s/u;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc]/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/gu;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/gu;
const COMBINING_MARK = /\p{M}/u;

/** Folded form of each non-ASCII cluster seen so far; pages reuse the same few (’, –, é). */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 10_000;

/** Normalises one cluster (a code point and the combining marks after it). */
export function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  let folded = '';
  for (const char of cluster.normalize('NFKC')) {
    if (INVISIBLE.has(char.codePointAt(0) ?? 0)) continue;
    folded += WHITESPACE.test(char) ? ' ' : char;
  }
  folded = folded.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
  if (clusterCache.size < CLUSTER_CACHE_LIMIT) clusterCache.set(cluster, folded);
  return folded;
}

/** Whether the code point at `index` continues the cluster before it (a combining mark…). */
export function startsMark(source: string, index: number): boolean {
  const codePoint = source.codePointAt(index) ?? 0;
  // Hangul medial vowels and final consonants compose with the syllable before them under NFC,
  // yet are letters, not marks; keeping them in the cluster lets NFD Korean meet NFC Korean.
  if (codePoint >= 0x1161 && codePoint <= 0x11ff) return true;
  // Tested before the code point is made a string: most characters asked about are ASCII.
  return codePoint >= 0x300 && COMBINING_MARK.test(String.fromCodePoint(codePoint));
}

/** Length in UTF-16 units of the code point at `index`. */
export function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Source spans of the output, as segments. In a linear segment, output character `i` comes from
 * source character `sourceStart + (i - outputStart)`; in a cluster segment every output
 * character comes from the whole span [sourceStart, sourceEnd).
 */
class SegmentMap {
  private readonly outputStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  /** -1 for linear segments; the span's end for cluster segments. */
  private readonly clusterEnds: number[] = [];
  private outputLength = 0;
  private linearSourceEnd = -1;

  /** Records `count` output characters copied one for one from source offset `sourceStart`. */
  addLinear(sourceStart: number, count: number): void {
    if (count <= 0) return;
    // Extend the last segment when it continues in both texts: most of a page is one segment.
    if (this.linearSourceEnd !== sourceStart) {
      this.outputStarts.push(this.outputLength);
      this.sourceStarts.push(sourceStart);
      this.clusterEnds.push(-1);
    }
    this.outputLength += count;
    this.linearSourceEnd = sourceStart + count;
  }

  /** Records `count` output characters that all come from source span [start, end). */
  addCluster(start: number, end: number, count: number): void {
    if (count <= 0) return;
    this.outputStarts.push(this.outputLength);
    this.sourceStarts.push(start);
    this.clusterEnds.push(end);
    this.outputLength += count;
    this.linearSourceEnd = -1;
  }

  /** Index of the segment holding output character `index`. */
  private segmentOf(index: number): number {
    const starts = this.outputStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  sourceStartOf(index: number): number {
    const segment = this.segmentOf(index);
    const sourceStart = this.sourceStarts[segment] ?? 0;
    if ((this.clusterEnds[segment] ?? -1) >= 0) return sourceStart;
    return sourceStart + index - (this.outputStarts[segment] ?? 0);
  }

  sourceEndOf(index: number): number {
    const segment = this.segmentOf(index);
    const clusterEnd = this.clusterEnds[segment] ?? -1;
    if (clusterEnd >= 0) return clusterEnd;
    return (this.sourceStarts[segment] ?? 0) + index - (this.outputStarts[segment] ?? 0) + 1;
  }

  indexAtSource(sourceOffset: number): number {
    // Source starts rise with output starts, so search segments by their source start.
    const sources = this.sourceStarts;
    let low = 0;
    let high = sources.length - 1;
    if (high < 0 || sourceOffset <= (sources[0] ?? 0)) return 0;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((sources[middle] ?? 0) <= sourceOffset) low = middle;
      else high = middle - 1;
    }
    const outputStart = this.outputStarts[low] ?? 0;
    const segmentEnd = this.outputStarts[low + 1] ?? this.outputLength;
    if ((this.clusterEnds[low] ?? -1) >= 0) {
      return sourceOffset === (sources[low] ?? 0) ? outputStart : segmentEnd;
    }
    return Math.min(segmentEnd, outputStart + sourceOffset - (sources[low] ?? 0));
  }
}

/**
 * Whether a UTF-16 code unit is white space as `\s` sees it (ECMAScript's WhiteSpace and
 * LineTerminator; the BOM included, U+0085 not).
 */
export function isSpaceCode(code: number): boolean {
  // Called only where a character may be special, so the rare non-ASCII case may ask \s itself.
  return code < 0x80
    ? code === SPACE || (code >= 0x09 && code <= 0x0d)
    : WHITESPACE.test(String.fromCharCode(code));
}

/**
 * Where the next stretch that needs more than a copy starts, at or after `from`, or -1: a run of
 * two or more white-space characters, any other white space than a lone space, or a non-ASCII
 * code unit. These are the matches of `/\s\s+|[^ \S]|[\u0080-\uffff]/g`, found without a
 * regular expression, which costs several times this loop: most of a page is printable ASCII
 * and lone spaces, which two tests that are almost never true let through.
 */
function nextSpecial(source: string, from: number): number {
  const last = source.length - 1;
  if (from > last) return -1;
  // The loop stops one short of the end, so that `next` is always a character code: a NaN read
  // past the end would make the engine compile the loop for floating point.
  let next = source.charCodeAt(from);
  for (let index = from; index < last; index += 1) {
    const code = next;
    next = source.charCodeAt(index + 1);
    // Printable ASCII or a space, and not a space before a space.
    if ((code - 0x20) >>> 0 <= 0x5e && (code | next) !== SPACE) continue;
    const start = specialAt(source, from, index, code, next);
    if (start !== -1) return start;
  }
  return specialAt(source, from, last, source.charCodeAt(last), -1);
}

/**
 * Where a special stretch starts if one starts at `index` (or at the space before it), or -1.
 * `code` is the character at `index` and `next` the one after it (-1 at the end).
 */
function specialAt(
  source: string,
  from: number,
  index: number,
  code: number,
  next: number,
): number {
  if (code === SPACE) return isSpaceCode(next) ? index : -1;
  // Control characters other than white space, printable ASCII and DEL are copied as they are.
  if (code < 0x20 ? code < 0x09 || code > 0x0d : code <= 0x7f) return -1;
  // White space right after a space makes a run that starts at the space.
  if (index > from && source.charCodeAt(index - 1) === SPACE && isSpaceCode(code)) {
    return index - 1;
  }
  return index;
}

/**
 * The output side of normalisation: writes the normalised text piece by piece, with its map back
 * to the source. `normaliseText` drives it with its scan for what needs more than a copy; the
 * test reference (normalise.reference.ts) drives it with the regular expression it replaced.
 */
export interface NormalisedWriter {
  /** Copies source[from, to) as is, collapsing a space against a space already written. */
  copy(from: number, to: number): void;
  /** Writes `folded` in place of source[from, to). */
  replace(from: number, to: number, folded: string): void;
  /** The text written so far and its map back to the source. */
  finish(): NormalisedText;
}

/** A writer of `source`'s normalised text (see `NormalisedWriter`). */
export function normalisedWriter(source: string): NormalisedWriter {
  const pieces: string[] = [];
  const map = new SegmentMap();
  let lastIsSpace = false;
  return {
    copy(from, to) {
      let start = from;
      if (lastIsSpace && source.charCodeAt(start) === SPACE) start += 1;
      if (start >= to) return;
      pieces.push(source.slice(start, to));
      map.addLinear(start, to - start);
      lastIsSpace = source.charCodeAt(to - 1) === SPACE;
    },
    replace(from, to, folded) {
      let text = folded;
      if (lastIsSpace && text.charCodeAt(0) === SPACE) text = text.slice(1);
      text = text.replace(/ {2,}/g, ' ');
      if (text.length === 0) return;
      pieces.push(text);
      // One for one stays linear ("’" → "'", "\n" → " "); anything else maps as a whole, which
      // also keeps surrogate pairs and composed characters in one piece.
      if (text.length === 1 && to - from === 1) map.addLinear(from, 1);
      else map.addCluster(from, to, text.length);
      lastIsSpace = text.charCodeAt(text.length - 1) === SPACE;
    },
    finish: () => ({
      text: pieces.join(''),
      sourceStartOf: (index) => map.sourceStartOf(index),
      sourceEndOf: (index) => map.sourceEndOf(index),
      indexAtSource: (offset) => map.indexAtSource(offset),
    }),
  };
}

/** Normalises `source` for matching and keeps the map back to it. */
export function normaliseText(source: string): NormalisedText {
  const { copy, replace, finish } = normalisedWriter(source);
  let copiedUpTo = 0;
  for (let start = nextSpecial(source, 0); start !== -1; ) {
    const first = source.charCodeAt(start);
    let end: number;
    if (isSpaceCode(first)) {
      copy(copiedUpTo, start);
      end = start + 1;
      while (end < source.length && isSpaceCode(source.charCodeAt(end))) end += 1;
      // A lone BOM counts as whitespace to \s but is an invisible character here.
      replace(start, end, end - start === 1 && first === 0xfeff ? '' : ' ');
    } else {
      // A combining mark after an ASCII letter joins it: "e\u0301" becomes one "é" cluster.
      if (start > copiedUpTo && startsMark(source, start)) start -= 1;
      copy(copiedUpTo, start);
      end = start + codePointLength(source, start);
      while (end < source.length && startsMark(source, end)) end += codePointLength(source, end);
      replace(start, end, foldCluster(source.slice(start, end)));
    }
    copiedUpTo = end;
    start = nextSpecial(source, end);
  }
  copy(copiedUpTo, source.length);
  return finish();
}

/** Normalises a selector string (quote, prefix or suffix) without keeping the source map. */
export function normaliseString(source: string): string {
  return normaliseText(source).text;
}
