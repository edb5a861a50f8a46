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
 * For the page, every normalised character remembers the span of original characters it came
 * from (`sourceStart`, `sourceEnd`), so a match maps back to exactly the original words.
 */

/** A normalised string with, for each of its characters, the source span it came from. */
export interface NormalisedText {
  /** The normalised text. */
  text: string;
  /** `sourceStart[i]` is the offset in the source of the first character behind `text[i]`. */
  sourceStart: Int32Array;
  /** `sourceEnd[i]` is the offset in the source just after the last character behind `text[i]`. */
  sourceEnd: Int32Array;
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
function foldCluster(cluster: string): string {
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

/** Whether the code point continues the cluster before it rather than starting a new one. */
function continuesCluster(codePoint: number, char: string): boolean {
  // Hangul medial vowels and final consonants compose with the syllable before them under NFC,
  // yet are letters, not marks; keeping them in the cluster lets NFD Korean meet NFC Korean.
  if (codePoint >= 0x1161 && codePoint <= 0x11ff) return true;
  return codePoint >= 0x300 && COMBINING_MARK.test(char);
}

/** Whether the code point at `index` continues the cluster before it. */
function startsMark(source: string, index: number): boolean {
  const codePoint = source.codePointAt(index) ?? 0;
  return continuesCluster(codePoint, String.fromCodePoint(codePoint));
}

/** Length in UTF-16 units of the code point at `index`. */
function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/** Growable buffers for the output characters and their source spans. */
class Output {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  /** Whether the last character written is a (collapsed) space. */
  lastIsSpace = false;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(code: number, start: number, end: number): void {
    if (code === SPACE) {
      // Collapse runs. A leading space is kept: a suffix's first space is real evidence.
      if (this.lastIsSpace) return;
      this.lastIsSpace = true;
    } else {
      this.lastIsSpace = false;
    }
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }

  private grow(): void {
    const capacity = this.codes.length * 2 + 16;
    const codes = new Uint16Array(capacity);
    codes.set(this.codes);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  toString(): string {
    // fromCharCode takes arguments on the stack, so feed it modest chunks.
    const chunk = 8192;
    const parts: string[] = [];
    for (let offset = 0; offset < this.length; offset += chunk) {
      const end = Math.min(offset + chunk, this.length);
      parts.push(String.fromCharCode.apply(null, Array.from(this.codes.subarray(offset, end))));
    }
    return parts.join('');
  }
}

/** Normalises `source` for matching and keeps, per output character, its source span. */
export function normaliseText(source: string): NormalisedText {
  const out = new Output(source.length + 16);
  const length = source.length;
  let index = 0;
  while (index < length) {
    const code = source.charCodeAt(index);
    // ASCII fast path (only whitespace changes), unless a combining mark follows: "e\u0301"
    // must become one "é" cluster.
    if (code < 0x80 && !(source.charCodeAt(index + 1) >= 0x300 && startsMark(source, index + 1))) {
      const isSpace = code === SPACE || (code >= 0x09 && code <= 0x0d);
      out.push(isSpace ? SPACE : code, index, index + 1);
      index += 1;
      continue;
    }
    let end = index + codePointLength(source, index);
    while (end < length) {
      const next = source.codePointAt(end) ?? 0;
      const nextLength = codePointLength(source, end);
      if (!continuesCluster(next, source.slice(end, end + nextLength))) break;
      end += nextLength;
    }
    const folded = foldCluster(source.slice(index, end));
    for (let k = 0; k < folded.length; k += 1) {
      out.push(folded.charCodeAt(k), index, end);
    }
    index = end;
  }
  return {
    text: out.toString(),
    sourceStart: out.starts.subarray(0, out.length),
    sourceEnd: out.ends.subarray(0, out.length),
  };
}

/** Normalises a selector string (quote, prefix or suffix) without keeping the source map. */
export function normaliseString(source: string): string {
  return normaliseText(source).text;
}
