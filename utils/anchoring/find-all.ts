/**
 * Exact occurrences of many quotes in one text, in one pass.
 *
 * `indexOf` per quote reads the whole page once per quote: 200 quotes on a megabyte is 200
 * megabytes of scanning. Here quotes of at least GRAM characters are found together with a
 * rolling hash of the text's GRAM-character windows (Rabin–Karp): one read of the page, a table
 * probe per character, and a real comparison only where a quote's first GRAM characters hash
 * alike. Shorter quotes, few in practice, still use `indexOf`.
 */

/** Window length of the rolling hash; quotes shorter than this are searched one by one. */
const GRAM = 16;
const BASE = 31;
/** Bits of the hash used for the quick "might any quote start here" filter. */
const FILTER_BITS = 16;

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

/** Hash of text[from, from + GRAM), the same polynomial the rolling pass keeps. */
function hashWindow(text: string, from: number): number {
  let hash = 0;
  for (let index = from; index < from + GRAM; index += 1) {
    hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  }
  return hash;
}

/**
 * Start offsets of every exact occurrence of each quote in `text` (up to `limit` per quote),
 * in the order of `quotes`.
 */
export function findAllOccurrences(
  text: string,
  quotes: readonly string[],
  limit: number,
): number[][] {
  const found: number[][] = quotes.map(() => []);
  const byHash = new Map<number, number[]>();
  const filter = new Uint8Array(1 << FILTER_BITS);
  const filterMask = (1 << FILTER_BITS) - 1;
  quotes.forEach((quote, index) => {
    if (quote.length < GRAM || text.length < GRAM) {
      found[index] = findOccurrences(text, quote, limit);
      return;
    }
    const hash = hashWindow(quote, 0);
    const group = byHash.get(hash);
    if (group) group.push(index);
    else byHash.set(hash, [index]);
    filter[hash & filterMask] = 1;
  });
  if (byHash.size === 0) return found;

  // BASE^(GRAM-1), to take the character leaving the window out of the hash.
  let outgoingWeight = 1;
  for (let step = 1; step < GRAM; step += 1) outgoingWeight = Math.imul(outgoingWeight, BASE);
  let hash = hashWindow(text, 0);
  const last = text.length - GRAM;
  for (let start = 0; ; start += 1) {
    if (filter[hash & filterMask] === 1) {
      const group = byHash.get(hash);
      if (group) {
        for (const index of group) {
          const quote = quotes[index];
          const starts = found[index];
          if (quote && starts && starts.length < limit && text.startsWith(quote, start)) {
            starts.push(start);
          }
        }
      }
    }
    if (start === last) break;
    const outgoing = Math.imul(text.charCodeAt(start), outgoingWeight);
    hash = (Math.imul(hash - outgoing, BASE) + text.charCodeAt(start + GRAM)) | 0;
  }
  return found;
}
