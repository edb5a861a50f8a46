/**
 * Where a fuzzy search of a quote is worth doing first: windows of the text around the position
 * hint and around the exact occurrences of "seeds" (the prefix's end, the suffix's start and a
 * few pieces of the quote itself), merged, each with how many pieces of evidence point into it.
 * An edit rarely touches every seed, so the windows find an edited quote without a search of
 * the whole text.
 */
import { findOccurrences } from './find-all';

/** Length of the pieces (of quote, prefix, suffix) used to find windows for fuzzy search. */
const SEED_LENGTH = 16;
/** Seeds found more often than this point nowhere in particular and are not used. */
const MAX_SEED_HITS = 32;

/** A piece of text whose exact occurrences point at where a quote may be. */
interface Seed {
  text: string;
  /** Where the quote starts relative to the seed's start (negative: the seed ends before). */
  quoteOffset: number;
}

/** Seeds for a fuzzy search: the prefix's end, the suffix's start and up to four quote pieces. */
export function fuzzySeeds(quote: string, prefix: string, suffix: string): Seed[] {
  const seeds: Seed[] = [];
  const prefixSeed = prefix.trimEnd().slice(-SEED_LENGTH);
  if (prefixSeed.length >= SEED_LENGTH / 2) {
    // The quote starts after the seed and whatever whitespace was trimmed off the prefix.
    const trimmed = prefix.length - prefix.trimEnd().length;
    seeds.push({ text: prefixSeed, quoteOffset: prefixSeed.length + trimmed });
  }
  const suffixSeed = suffix.trimStart().slice(0, SEED_LENGTH);
  if (suffixSeed.length >= SEED_LENGTH / 2) {
    const trimmed = suffix.length - suffix.trimStart().length;
    seeds.push({ text: suffixSeed, quoteOffset: -(quote.length + trimmed) });
  }
  // Pieces of the quote itself: an edit rarely touches all of them.
  const pieces = Math.min(4, Math.floor(quote.length / SEED_LENGTH));
  for (let piece = 0; piece < pieces; piece += 1) {
    const offset =
      pieces === 1 ? 0 : Math.round(((quote.length - SEED_LENGTH) * piece) / (pieces - 1));
    seeds.push({ text: quote.slice(offset, offset + SEED_LENGTH), quoteOffset: -offset });
  }
  return seeds;
}

/** A span of text worth an approximate search, and how many pieces of evidence point into it. */
export interface FuzzyWindow {
  from: number;
  to: number;
  votes: number;
}

/** Windows of text, merged and sorted, worth an approximate search before the whole text. */
export function fuzzyWindows(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  maxErrors: number,
  /** Seeds' occurrences already collected for the whole batch (anchorAll), by seed text. */
  seedOccurrences?: ReadonlyMap<string, readonly number[]>,
): FuzzyWindow[] {
  const span = quote.length + maxErrors;
  const slack = maxErrors + SEED_LENGTH;
  const windows: FuzzyWindow[] = [];
  const add = (quoteStart: number): void => {
    const from = Math.max(0, quoteStart - slack);
    const to = Math.min(text.length, quoteStart + span + slack);
    if (from < to) windows.push({ from, to, votes: 1 });
  };
  if (hint !== undefined) add(hint);
  for (const seed of fuzzySeeds(quote, prefix, suffix)) {
    const known = seedOccurrences?.get(seed.text);
    const hits = known ? usefulHits(known) : seedHits(text, seed.text);
    for (const at of hits) add(at + seed.quoteOffset);
  }
  windows.sort((a, b) => a.from - b.from);
  const merged: FuzzyWindow[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.from <= last.to) {
      last.to = Math.max(last.to, window.to);
      last.votes += window.votes;
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}

/** Exact occurrences of a seed; none when it is so common that it points nowhere. */
function seedHits(text: string, seed: string): readonly number[] {
  return usefulHits(findOccurrences(text, seed, MAX_SEED_HITS + 1));
}

/** Hits of a seed found too often point nowhere in particular. */
function usefulHits(hits: readonly number[]): readonly number[] {
  return hits.length > MAX_SEED_HITS ? [] : hits;
}

/** How many hits of a seed anchorAll should collect (one more than are ever used). */
export const SEED_HIT_LIMIT = MAX_SEED_HITS + 1;
