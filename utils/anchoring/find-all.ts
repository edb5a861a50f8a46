/**
 * Exact occurrences of many quotes in one text, without reading every character of it.
 *
 * `indexOf` per quote reads the whole page once per quote: 200 quotes on a megabyte is 200
 * megabytes of scanning. A rolling hash reads the page once, but still does JavaScript work on
 * every character, which costs more than reading the page's DOM did. Here the text is sampled:
 *
 * For a band of quotes whose shortest has length L, a window of G characters is hashed only at
 * every s-th position of the text, s = L − G + 1. Each occurrence of a quote of the band covers
 * exactly one sampled position at an offset j < s from its start, and there the text's window
 * equals the quote's characters [j, j + G). Registering each quote's windows at offsets 0…s−1
 * therefore finds every occurrence exactly once, after reading only about G/s of the text's
 * characters, and comparing the whole quote only where a window's hash agrees.
 *
 * Quotes are banded by length (each band's longest under four times its shortest), so one short
 * quote does not shrink the stride for the long ones. Quotes shorter than MIN_SAMPLED, rare in
 * practice, still use `indexOf`, and so does a search too small for sampling to pay
 * (`DIRECT_SEARCH_WORK`).
 */

/** Quotes shorter than this are searched one by one with `indexOf`. */
const MIN_SAMPLED = 8;
/** Window length for bands whose shortest quote is at least LONG_BAND characters. */
const LONG_GRAM = 12;
/**
 * Window length for bands whose shortest quote is at least MEDIUM_BAND characters: long enough
 * that the commonest words ("the ", "and ") do not make most sampled windows hit some entry.
 */
const MEDIUM_GRAM = 6;
/** Window length for bands of shorter quotes: a shorter window allows a longer stride. */
const SHORT_GRAM = 4;
const LONG_BAND = 32;
const MEDIUM_BAND = 12;
/** A band with fewer quotes than this joins the band of shorter quotes before it. */
const MIN_BAND_SIZE = 16;
const BASE = 31;

/** Start offsets of every exact occurrence of `quote` in `text`, up to `limit`. */
export function findOccurrences(text: string, quote: string, limit: number): number[] {
  const starts: number[] = [];
  if (quote.length === 0) return starts;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    starts.push(at);
    if (starts.length >= limit) break;
  }
  return starts;
}

/** Hash of text[from, from + gram). */
function hashWindow(text: string, from: number, gram: number): number {
  let hash = 0;
  const end = from + gram;
  for (let index = from; index < end; index += 1) {
    hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  }
  return hash;
}

/**
 * Splits quote indexes (sorted by length) into bands whose longest is under four times the
 * shortest. A band of a few quotes costs a whole sampling pass for little, so it joins the band
 * of shorter quotes before it, which samples more densely anyway.
 */
function bandsByLength(quotes: readonly string[], indexes: number[]): number[][] {
  indexes.sort((a, b) => (quotes[a]?.length ?? 0) - (quotes[b]?.length ?? 0));
  const bands: number[][] = [];
  let band: number[] = [];
  let shortest = 0;
  for (const index of indexes) {
    const length = quotes[index]?.length ?? 0;
    if (band.length > 0 && length >= shortest * 4) {
      bands.push(band);
      band = [];
    }
    if (band.length === 0) shortest = length;
    band.push(index);
  }
  if (band.length > 0) bands.push(band);
  for (let index = bands.length - 1; index > 0; index -= 1) {
    const small = bands[index] as number[];
    if (small.length < MIN_BAND_SIZE) {
      (bands[index - 1] as number[]).push(...small);
      bands.splice(index, 1);
    }
  }
  return bands;
}

/** Slot of a hash in a table of 2^bits slots (Fibonacci hashing: the product's top bits). */
function slotOf(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

/** Finds the occurrences of one band's quotes by sampling the text (see the module header). */
function searchBand(
  text: string,
  quotes: readonly string[],
  band: readonly number[],
  limits: ArrayLike<number>,
  found: number[][],
): void {
  const shortest = quotes[band[0] ?? 0]?.length ?? 0;
  const gram =
    shortest >= LONG_BAND ? LONG_GRAM : shortest >= MEDIUM_BAND ? MEDIUM_GRAM : SHORT_GRAM;
  // Any stride up to shortest - gram + 1 finds every occurrence. Each quote registers `stride`
  // windows and the text is sampled every `stride` characters: on a short text, many quotes
  // cost more to register than the text costs to sample, so the stride balances the two.
  const balanced = Math.round(Math.sqrt(text.length / band.length));
  const stride = Math.max(1, Math.min(shortest - gram + 1, balanced));
  // A chained hash table in typed arrays: every (quote, window offset) pair is one entry.
  const entryCount = band.length * stride;
  let bits = 8;
  while (1 << bits < entryCount * 2) bits += 1;
  const heads = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(entryCount);
  const hashes = new Int32Array(entryCount);
  const owners = new Int32Array(entryCount);
  const offsets = new Int32Array(entryCount);
  // Each quote's last and middle characters: a cheap test that rejects most windows found in
  // near-copies of the passage before the full comparison.
  const lastChars = new Int32Array(quotes.length);
  const middleChars = new Int32Array(quotes.length);
  // BASE^(gram-1), to roll a window's hash one character on.
  let outgoingWeight = 1;
  for (let step = 1; step < gram; step += 1) outgoingWeight = Math.imul(outgoingWeight, BASE);
  let entry = 0;
  for (const index of band) {
    const quote = quotes[index] ?? '';
    lastChars[index] = quote.charCodeAt(quote.length - 1);
    middleChars[index] = quote.charCodeAt(quote.length >> 1);
    let hash = hashWindow(quote, 0, gram);
    for (let offset = 0; offset < stride; offset += 1) {
      if (offset > 0) {
        const outgoing = Math.imul(quote.charCodeAt(offset - 1), outgoingWeight);
        hash = (Math.imul(hash - outgoing, BASE) + quote.charCodeAt(offset + gram - 1)) | 0;
      }
      const slot = slotOf(hash, bits);
      hashes[entry] = hash;
      owners[entry] = index;
      offsets[entry] = offset;
      next[entry] = heads[slot] as number;
      heads[slot] = entry;
      entry += 1;
    }
  }
  // A quote that reached the limit still takes the rest of the sample it reached it in: the
  // occurrences one sample finds are not in order, those of later samples all come after.
  const fullAt = new Int32Array(quotes.length).fill(-1);
  const last = text.length - gram;
  for (let at = 0; at <= last; at += stride) {
    const hash = hashWindow(text, at, gram);
    for (let candidate = heads[slotOf(hash, bits)] as number; candidate !== -1; ) {
      if (hashes[candidate] === hash) {
        const index = owners[candidate] as number;
        const start = at - (offsets[candidate] as number);
        const quote = quotes[index] ?? '';
        const starts = found[index];
        const full = fullAt[index] as number;
        if (
          start >= 0 &&
          starts !== undefined &&
          (full === -1 || full === at) &&
          text.charCodeAt(start + quote.length - 1) === lastChars[index] &&
          text.charCodeAt(start + (quote.length >> 1)) === middleChars[index] &&
          text.startsWith(quote, start)
        ) {
          starts.push(start);
          if (starts.length === limits[index]) fullAt[index] = at;
        }
      }
      candidate = next[candidate] as number;
    }
  }
  for (const index of band) found[index]?.sort((a, b) => a - b).splice(limits[index] as number);
}

/**
 * Up to this much work (the text's length times the quotes to search, empty ones counted),
 * `indexOf` per quote is as fast as sampling once the code is warm, and much faster on its first
 * run in a new tab, where the sampling loop starts in the interpreter: the article's 14 claims on
 * its 9 KB text are 0.13 M. Measured in Node on the 1 MB bench page's text cut to 2 to 250 KB,
 * 1 to 200 quotes: `indexOf` took 0.2 to 1.1 times the sampled search's time up to 0.15 M, and
 * up to 9 times above it.
 */
export const DIRECT_SEARCH_WORK = 150_000;

/**
 * Start offsets of every exact occurrence of each quote in `text` (the first `limit` per
 * quote, ascending), in the order of `quotes`. `limit` (at least 1) is one number for every
 * quote, or one per quote. A small search (see {@link DIRECT_SEARCH_WORK}) uses `indexOf` per
 * quote, a larger one samples the text (see the module header); `oneByOne` decides otherwise
 * (the tests sample small texts too). The answers are the same either way.
 */
export function findAllOccurrences(
  text: string,
  quotes: readonly string[],
  limit: number | ArrayLike<number>,
  oneByOne = text.length * quotes.length <= DIRECT_SEARCH_WORK,
): number[][] {
  const found: number[][] = quotes.map(() => []);
  const limits = typeof limit === 'number' ? new Float64Array(quotes.length).fill(limit) : limit;
  const sampled: number[] = [];
  quotes.forEach((quote, index) => {
    if (quote.length === 0 || quote.length > text.length) return;
    if (oneByOne || quote.length < MIN_SAMPLED)
      found[index] = findOccurrences(text, quote, limits[index] as number);
    else sampled.push(index);
  });
  for (const band of bandsByLength(quotes, sampled)) searchBand(text, quotes, band, limits, found);
  return found;
}
