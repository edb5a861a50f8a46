/**
 * Approximate search of a whole text without reading all of it when it need not be read.
 *
 * An approximate search (Myers' bit-parallel algorithm, bit-parallel.ts, which answers as
 * approx-string-match does) reports the matches with the fewest errors, up to a budget, and
 * reads every character of the text to do so: on a megabyte page that is most of the cost of a
 * quote that was edited. Most edited quotes differ from the page by a few letters, far fewer than
 * the budget allows, and then the places worth reading can be found first:
 *
 * Cut the quote into e + 1 pieces. A stretch of text within e edits of the quote holds at least
 * one piece unchanged (e edits touch at most e pieces), at a known offset give or take e. So
 * only the windows around the pieces' exact occurrences (found in one pass, find-all.ts) can hold
 * such a match. If the windows hold matches with at most e errors, the fewest errors among them
 * are the fewest in the whole text, and every place with that count lies in a window: the same
 * matches a search of the whole text reports, with the same starts (each window reaches far
 * enough back for the search that finds a match's start). If they hold none, no place in the
 * text is within e edits, and the whole text is searched as before.
 */

import { searchBitParallel } from './bit-parallel';
import { findAllOccurrences } from './find-all';

/** One approximate match: text[start, end) is `errors` edits away from the quote. */
export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** Pieces shorter than this are too common to point anywhere. */
const MIN_PIECE_LENGTH = 8;
/** A piece found more often than this points nowhere in particular: the text is read whole. */
const MAX_PIECE_HITS = 256;

/** The matches of `quote` in text[from, to) with the fewest errors (at most `maxErrors`). */
export function searchSpan(
  text: string,
  quote: string,
  from: number,
  to: number,
  maxErrors: number,
): ApproximateMatch[] {
  return searchBitParallel(text, quote, from, to, maxErrors);
}

/**
 * The matches of `quote` in the whole text with the fewest errors (at most `maxErrors`): the
 * same list, in the same order, as approx-string-match's `search(text, quote, maxErrors)`.
 */
export function searchWholeText(
  text: string,
  quote: string,
  maxErrors: number,
): ApproximateMatch[] {
  return (
    searchNearPieces(text, quote, maxErrors) ?? searchSpan(text, quote, 0, text.length, maxErrors)
  );
}

/**
 * The whole text's best matches when they have few errors, found around the quote's pieces
 * (see the module header); null when the pieces cannot tell (too short, too common) or no
 * place is within that few edits.
 */
export function searchNearPieces(
  text: string,
  quote: string,
  maxErrors: number,
): ApproximateMatch[] | null {
  const few = Math.min(maxErrors, Math.floor(quote.length / MIN_PIECE_LENGTH) - 1);
  if (few < 1) return null;
  const pieces = few + 1;
  const offsets = Array.from({ length: pieces + 1 }, (_, piece) =>
    Math.floor((piece * quote.length) / pieces),
  );
  // All pieces' occurrences in one sampled pass over the text, rather than one `indexOf` per
  // occurrence (each of which sets up its search anew).
  const occurrences = findAllOccurrences(
    text,
    offsets.slice(0, pieces).map((offset, piece) => quote.slice(offset, offsets[piece + 1])),
    MAX_PIECE_HITS + 1,
  );
  const windows: Array<[number, number]> = [];
  let covered = 0;
  for (let piece = 0; piece < pieces; piece += 1) {
    const offset = offsets[piece] as number;
    const hits = occurrences[piece] ?? [];
    if (hits.length > MAX_PIECE_HITS) return null;
    for (const at of hits) {
      const quoteStart = at - offset;
      // A match within `few` edits starts at most `few` before quoteStart and ends at most
      // `few` after quoteStart + length; the search for its start reads back up to twice
      // `few` more, so the window starts there for it to read exactly what it would in the
      // whole text.
      const from = Math.max(0, quoteStart - 3 * few - 1);
      const to = Math.min(text.length, quoteStart + quote.length + few + 1);
      if (from < to) {
        windows.push([from, to]);
        covered += to - from;
      }
    }
  }
  // Windows covering much of the text save nothing over reading it once.
  if (covered === 0 || covered > text.length / 2) return null;
  windows.sort((a, b) => a[0] - b[0]);
  let best = few + 1;
  let matches: ApproximateMatch[] = [];
  let window: [number, number] | undefined = windows[0];
  for (let index = 1; window !== undefined; index += 1) {
    const next = windows[index];
    if (next !== undefined && next[0] <= window[1]) {
      window[1] = Math.max(window[1], next[1]);
      continue;
    }
    const found = searchSpan(text, quote, window[0], window[1], few);
    const errors = found[0]?.errors;
    if (errors !== undefined && errors <= best) {
      if (errors < best) matches = [];
      best = errors;
      matches.push(...found);
    }
    window = next;
  }
  return matches.length > 0 ? matches : null;
}
