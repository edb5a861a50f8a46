/**
 * Finding a quote in the page's normalised text: exact first, fuzzy only when that fails.
 *
 * The rule that shapes everything here: a note must never be shown on the wrong words. So the
 * matcher would rather report an orphan than guess. It:
 * 1. looks for exact occurrences; one occurrence wins outright, several are told apart by how
 *    well their surroundings match the remembered prefix and suffix, then by nearness to the
 *    position hint; a tie that neither settles is `ambiguous`;
 * 2. otherwise searches approximately (Myers' bit-parallel algorithm from approx-string-match)
 *    with an error budget of a quarter of the quote's length, first in windows where the
 *    evidence points (the position hint, exact hits of the prefix's end, the suffix's start and
 *    pieces of the quote), then across the whole text; each candidate is scored on quote, prefix,
 *    suffix and position, and one scoring below the threshold is not used.
 * All strings here are already normalised (normalise.ts); offsets are normalised offsets.
 */

import approximateSearch from 'approx-string-match';
import { prefixDistance, similarityOf, suffixDistance } from './similarity';
import type { MatchQuality, OrphanReason } from './types';

/** What is remembered around a quote, all optional. `hint` is the expected start offset. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** Where a quote was found, or why it was not. */
export type QuoteMatch =
  | { found: true; start: number; end: number; quality: MatchQuality; score: number }
  | { found: false; reason: OrphanReason };

/** Largest share of a quote's characters that a fuzzy match may get wrong. */
export const MAX_ERROR_RATE = 0.25;
/** Lowest combined score (quote, context, position) at which a fuzzy match is used. */
export const FUZZY_THRESHOLD = 0.75;

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** Candidates whose scores differ by less than this are "nearly equally good". */
const SCORE_MARGIN = 0.02;
/** Two candidates this much closer/farther from the hint are told apart by it. */
const MIN_POSITION_GAP = 16;
/** Quotes shorter than this are common words: their context must agree to be trusted. */
const SHORT_QUOTE = 20;
/** Context agreement a short quote needs when context was remembered. */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
/** Beyond this many exact occurrences the quote carries no information; stop collecting. */
const MAX_EXACT_CANDIDATES = 5000;
/** Length of the pieces (of quote, prefix, suffix) used to find windows for fuzzy search. */
const SEED_LENGTH = 16;
const MAX_SEED_HITS = 16;

interface Candidate {
  start: number;
  end: number;
  /** 1 for exact matches; 1 - errors/length for fuzzy ones. */
  quoteScore: number;
  /** Mean similarity of remembered prefix and suffix, or null when none was remembered. */
  contextScore: number | null;
  /** Edits between the remembered prefix and suffix and the candidate's surroundings. */
  contextErrors: number;
  score: number;
}

/** Finds `quote` in `text`. Both are normalised; `quote` is trimmed and not empty. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch {
  if (quote.length === 0) return { found: false, reason: 'empty-quote' };
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const hasContext = prefix.trim().length > 0 || suffix.trim().length > 0;
  const scorer = new CandidateScorer(text, quote.length, prefix, suffix, context.hint);

  const exact = findExact(text, quote).map((start) => scorer.score(start, start + quote.length, 0));
  if (exact.length > 0) return decideExact(exact, quote.length, hasContext, context.hint);

  if (quote.length > text.length + Math.floor(quote.length * MAX_ERROR_RATE)) {
    return { found: false, reason: 'not-found' };
  }
  // A short quote with nothing around it would fuzzy-match too many other words.
  if (!hasContext && quote.length < SHORT_QUOTE) return { found: false, reason: 'not-found' };
  return matchFuzzy(text, quote, prefix, suffix, context.hint, scorer);
}

/** Start offsets of every exact occurrence of `quote`, up to a cap. */
function findExact(text: string, quote: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    starts.push(at);
    if (starts.length >= MAX_EXACT_CANDIDATES) break;
  }
  return starts;
}

/** Scores candidates against the remembered context and position. */
class CandidateScorer {
  constructor(
    private readonly text: string,
    private readonly quoteLength: number,
    private readonly prefix: string,
    private readonly suffix: string,
    private readonly hint: number | undefined,
  ) {}

  score(start: number, end: number, errors: number): Candidate {
    const quoteScore = Math.max(0, 1 - errors / this.quoteLength);
    let weighted = QUOTE_WEIGHT * quoteScore;
    let weights = QUOTE_WEIGHT;
    let contextSum = 0;
    let contextWeights = 0;
    let contextErrors = 0;
    if (this.prefix.trim().length > 0) {
      const distance = prefixDistance(this.text, start, this.prefix);
      const similarity = similarityOf(distance, this.prefix.length);
      weighted += PREFIX_WEIGHT * similarity;
      weights += PREFIX_WEIGHT;
      contextSum += PREFIX_WEIGHT * similarity;
      contextWeights += PREFIX_WEIGHT;
      contextErrors += distance;
    }
    if (this.suffix.trim().length > 0) {
      const distance = suffixDistance(this.text, end, this.suffix);
      const similarity = similarityOf(distance, this.suffix.length);
      weighted += SUFFIX_WEIGHT * similarity;
      weights += SUFFIX_WEIGHT;
      contextSum += SUFFIX_WEIGHT * similarity;
      contextWeights += SUFFIX_WEIGHT;
      contextErrors += distance;
    }
    if (this.hint !== undefined && this.text.length > 0) {
      const closeness = 1 - Math.min(1, Math.abs(start - this.hint) / this.text.length);
      weighted += POSITION_WEIGHT * closeness;
      weights += POSITION_WEIGHT;
    }
    return {
      start,
      end,
      quoteScore,
      contextScore: contextWeights > 0 ? contextSum / contextWeights : null,
      contextErrors,
      score: weighted / weights,
    };
  }
}

/** Chooses among exact occurrences, or says why none can be trusted. */
function decideExact(
  candidates: Candidate[],
  quoteLength: number,
  hasContext: boolean,
  hint: number | undefined,
): QuoteMatch {
  // The remembered context was cut from the right place, so the occurrence whose surroundings
  // need the fewest edits to match it is the best evidence; equal counts are a tie.
  let best = candidates[0];
  for (const candidate of candidates) {
    if (best === undefined || candidate.contextErrors < best.contextErrors) best = candidate;
  }
  if (best === undefined) return { found: false, reason: 'not-found' };
  // A short quote (a word or two) whose surroundings no longer agree is probably the same word
  // somewhere else: the passage it belonged to has gone.
  const bestContext = best.contextScore ?? 1;
  if (hasContext && quoteLength < SHORT_QUOTE && bestContext < SHORT_QUOTE_MIN_CONTEXT) {
    return { found: false, reason: 'below-threshold' };
  }
  const fewest = best.contextErrors;
  const contenders = candidates.filter((candidate) => candidate.contextErrors === fewest);
  const chosen = contenders.length === 1 ? best : nearestToHint(contenders, quoteLength, hint);
  if (chosen === null) return { found: false, reason: 'ambiguous' };
  return { found: true, start: chosen.start, end: chosen.end, quality: 'exact', score: 1 };
}

/** The contender clearly nearest to the hint, or null when the hint cannot tell them apart. */
function nearestToHint(
  contenders: Candidate[],
  quoteLength: number,
  hint: number | undefined,
): Candidate | null {
  if (hint === undefined) return null;
  const byDistance = [...contenders].sort(
    (a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint),
  );
  const [nearest, runnerUp] = byDistance;
  if (nearest === undefined) return null;
  if (runnerUp === undefined) return nearest;
  const nearestDistance = Math.abs(nearest.start - hint);
  const gap = Math.abs(runnerUp.start - hint) - nearestDistance;
  // Exactly where the position said, or clearly nearer than any other: the hint settles it.
  if (nearestDistance === 0 && gap > 0) return nearest;
  return gap >= Math.max(MIN_POSITION_GAP, quoteLength) ? nearest : null;
}

/** Approximate search: windows where the evidence points, then the whole text if need be. */
function matchFuzzy(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  scorer: CandidateScorer,
): QuoteMatch {
  const maxErrors = Math.max(1, Math.floor(quote.length * MAX_ERROR_RATE));
  const windows = fuzzyWindows(text, quote, prefix, suffix, hint, maxErrors);
  let candidates: Candidate[] = [];
  let covered = 0;
  for (const [from, to] of windows) {
    covered += to - from;
    candidates.push(...searchWindow(text, quote, from, to, maxErrors, scorer));
  }
  let outcome = decideFuzzy(candidates, quote.length, hint);
  if (!outcome.found && covered < text.length) {
    candidates = candidates.concat(searchWindow(text, quote, 0, text.length, maxErrors, scorer));
    outcome = decideFuzzy(candidates, quote.length, hint);
  }
  return outcome;
}

/** Approximate matches of `quote` inside text[from, to), scored as candidates. */
function searchWindow(
  text: string,
  quote: string,
  from: number,
  to: number,
  maxErrors: number,
  scorer: CandidateScorer,
): Candidate[] {
  const matches = approximateSearch(text.slice(from, to), quote, maxErrors);
  const candidates: Candidate[] = [];
  for (const match of matches) {
    let start = from + match.start;
    let end = from + match.end;
    // The quote is trimmed, so a match that begins or ends on a space paid for it: drop it.
    while (start < end && text.charCodeAt(start) === 0x20) start += 1;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end -= 1;
    if (start < end) candidates.push(scorer.score(start, end, match.errors));
  }
  return candidates;
}

/** Windows of text, merged and sorted, worth an approximate search before the whole text. */
function fuzzyWindows(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | undefined,
  maxErrors: number,
): Array<[number, number]> {
  const span = quote.length + maxErrors;
  const slack = maxErrors + SEED_LENGTH;
  const windows: Array<[number, number]> = [];
  const add = (from: number, to: number): void => {
    windows.push([Math.max(0, from), Math.min(text.length, to)]);
  };
  if (hint !== undefined) add(hint - slack, hint + span + slack);
  const prefixSeed = prefix.trimEnd().slice(-SEED_LENGTH);
  if (prefixSeed.length >= SEED_LENGTH / 2) {
    for (const at of seedHits(text, prefixSeed)) {
      add(at + prefixSeed.length - slack, at + prefixSeed.length + span + slack);
    }
  }
  const suffixSeed = suffix.trimStart().slice(0, SEED_LENGTH);
  if (suffixSeed.length >= SEED_LENGTH / 2) {
    for (const at of seedHits(text, suffixSeed)) add(at - span - slack, at + slack);
  }
  // Pieces of the quote itself: an edit rarely touches all of them.
  const pieces = Math.min(4, Math.floor(quote.length / SEED_LENGTH));
  for (let piece = 0; piece < pieces; piece += 1) {
    const offset =
      pieces === 1 ? 0 : Math.round(((quote.length - SEED_LENGTH) * piece) / (pieces - 1));
    const seed = quote.slice(offset, offset + SEED_LENGTH);
    for (const at of seedHits(text, seed)) add(at - offset - slack, at - offset + span + slack);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else if (window[0] < window[1]) merged.push([window[0], window[1]]);
  }
  return merged;
}

/** Exact occurrences of a seed; none when it is so common that it points nowhere. */
function seedHits(text: string, seed: string): number[] {
  const hits: number[] = [];
  for (let at = text.indexOf(seed); at !== -1; at = text.indexOf(seed, at + 1)) {
    hits.push(at);
    if (hits.length > MAX_SEED_HITS) return [];
  }
  return hits;
}

/** Chooses among fuzzy candidates, or says why none can be trusted. */
function decideFuzzy(
  candidates: Candidate[],
  quoteLength: number,
  hint: number | undefined,
): QuoteMatch {
  if (candidates.length === 0) return { found: false, reason: 'not-found' };
  // One place can yield several overlapping matches; keep the best of each place.
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const places: Candidate[] = [];
  for (const candidate of sorted) {
    if (!places.some((place) => candidate.start < place.end && place.start < candidate.end)) {
      places.push(candidate);
    }
  }
  const best = places[0];
  if (best === undefined || best.score < FUZZY_THRESHOLD) {
    return { found: false, reason: 'below-threshold' };
  }
  if (quoteLength < SHORT_QUOTE && (best.contextScore ?? 0) < SHORT_QUOTE_MIN_CONTEXT) {
    return { found: false, reason: 'below-threshold' };
  }
  const contenders = places.filter((place) => place.score >= best.score - SCORE_MARGIN);
  const chosen = contenders.length === 1 ? best : nearestToHint(contenders, quoteLength, hint);
  if (chosen === null) return { found: false, reason: 'ambiguous' };
  return {
    found: true,
    start: chosen.start,
    end: chosen.end,
    quality: 'fuzzy',
    score: Math.min(chosen.score, 0.999),
  };
}
