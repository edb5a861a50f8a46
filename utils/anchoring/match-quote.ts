/**
 * Finding a quote in the page's normalised text: exact first, fuzzy when that is not enough.
 *
 * The rule that shapes everything here: a note must never be shown on the wrong words, so the
 * matcher would rather report an orphan than guess. The place chosen is the one that needs the
 * fewest edits to become what was saved (prefix + quote + suffix). It:
 * 1. looks for exact occurrences of the quote. If one of them has exactly the saved context
 *    (the common case of an unchanged page) it wins at once;
 * 2. otherwise gathers approximate matches too (Myers' bit-parallel algorithm from
 *    approx-string-match, with an error budget of a quarter of the quote's length), first in
 *    windows where the evidence points (the position hint, exact hits of the prefix's end, the
 *    suffix's start and pieces of the quote), then across the whole text when no quote was
 *    found exactly (approximate.ts reads only where a close match can be, when it can tell). A fuzzy candidate must also clear a score combining quote, prefix, suffix
 *    and position similarity;
 * 3. picks the candidate with the fewest total edits (quote + context). Candidates tied on that
 *    count are told apart by nearness to the position hint; a tie that remains is `ambiguous`.
 * A short quote (a word or two) is only trusted when its context still agrees.
 * All strings here are already normalised (normalise.ts); offsets are normalised offsets.
 */

import { type ApproximateMatch, searchSpan, searchWholeText } from './approximate';
import { findOccurrences } from './find-all';
import { type FuzzyWindow, fuzzyWindows } from './fuzzy-windows';
import { MAX_CONTEXT_COMPARED, prefixDistance, similarityOf, suffixDistance } from './similarity';
import type { MatchQuality, OrphanReason } from './types';

/** What is remembered around a quote, all optional. `hint` is the expected start offset. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
  /** Exact occurrences already found (anchorAll finds all quotes' in one pass). */
  exactStarts?: readonly number[];
  /** Exact occurrences of fuzzy-search seeds already found (see `fuzzySeeds`). */
  seedOccurrences?: ReadonlyMap<string, readonly number[]>;
  /**
   * Search every window with the full error budget, in the order of the text: the reference the
   * pruned search (see `searchWindows`) is checked against. Slower, same answers.
   */
  exhaustive?: boolean;
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
/** Two candidates this much closer/farther from the hint are told apart by it. */
const MIN_POSITION_GAP = 16;
/** Quotes shorter than this are common words: their context must agree to be trusted. */
const SHORT_QUOTE = 20;
/** Context agreement a short quote needs when context was remembered. */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
/** Beyond this many exact occurrences the quote carries no information; stop collecting. */
export const MAX_EXACT_CANDIDATES = 5000;

interface Candidate {
  start: number;
  end: number;
  /** 1 for exact matches; 1 - errors/length for fuzzy ones. */
  quoteScore: number;
  /** Edits between the saved quote and the candidate's text (0 for exact matches). */
  quoteErrors: number;
  /** Mean similarity of remembered prefix and suffix, or null when none was remembered. */
  contextScore: number | null;
  /** Edits between the remembered prefix and suffix and the candidate's surroundings. */
  contextErrors: number;
  /** Whether the candidate clears the bar for use (threshold, short-quote context). */
  acceptable: boolean;
  score: number;
}

/** Finds `quote` in `text`. Both are normalised; `quote` is trimmed and not empty. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch {
  if (quote.length === 0) return { found: false, reason: 'empty-quote' };
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const hint = context.hint;
  const scorer = new CandidateScorer(text, quote.length, prefix, suffix, hint);

  const exactStarts = context.exactStarts ?? findOccurrences(text, quote, MAX_EXACT_CANDIDATES);
  if (exactStarts.length > 0) {
    // The saved context found verbatim around exactly one occurrence settles it cheaply: the
    // usual case (the page has not changed), which then needs no scoring at all.
    if (scorer.hasContext) {
      const verbatim = exactStarts.filter(
        (start) =>
          start >= prefix.length &&
          text.startsWith(prefix, start - prefix.length) &&
          text.startsWith(suffix, start + quote.length),
      );
      if (verbatim.length === 1) {
        const start = verbatim[0] as number;
        return { found: true, start, end: start + quote.length, quality: 'exact', score: 1 };
      }
    }
    const exact = exactStarts.map((start) => scorer.score(start, start + quote.length, 0));
    const best = fewestErrors(exact);
    if (!scorer.hasContext || (best && best.contextErrors === 0)) return decide(exact, hint);
    // The context has changed around every occurrence: the passage itself may have been edited
    // where its context survived, so weigh nearby approximate matches against the exact ones.
    const maxErrors = errorBudget(quote.length);
    const windows = fuzzyWindows(
      text,
      quote,
      prefix,
      suffix,
      hint,
      maxErrors,
      context.seedOccurrences,
    );
    const nearby = searchWindows(text, quote, windows, maxErrors, scorer, exact, context);
    return decide(exact.concat(nearby), hint);
  }

  if (quote.length > text.length + errorBudget(quote.length)) {
    return { found: false, reason: 'not-found' };
  }
  // A short quote with nothing around it would fuzzy-match too many other words.
  if (!scorer.hasContext && quote.length < SHORT_QUOTE) {
    return { found: false, reason: 'not-found' };
  }
  return matchFuzzy(text, quote, prefix, suffix, hint, scorer, context);
}

/** How many edits a fuzzy match of a quote of this length may have. */
function errorBudget(quoteLength: number): number {
  return Math.max(1, Math.floor(quoteLength * MAX_ERROR_RATE));
}

/** Scores candidates against the remembered context and position. */
class CandidateScorer {
  /** Whether any context was saved with the quote. */
  readonly hasContext: boolean;

  constructor(
    private readonly text: string,
    private readonly quoteLength: number,
    private readonly prefix: string,
    private readonly suffix: string,
    private readonly hint: number | undefined,
  ) {
    this.hasContext = prefix.trim().length > 0 || suffix.trim().length > 0;
  }

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
    const score = weighted / weights;
    const contextScore = contextWeights > 0 ? contextSum / contextWeights : null;
    // A short quote (a word or two) whose surroundings no longer agree is probably the same
    // words somewhere else: the passage it belonged to has gone.
    const contextAgrees =
      this.quoteLength >= SHORT_QUOTE || (contextScore ?? 0) >= SHORT_QUOTE_MIN_CONTEXT;
    // Taken together, the saved text (prefix, quote, suffix) may differ from the candidate's by
    // no more than the quote's own error rate: a near-miss quote in foreign surroundings is
    // another passage that happens to look alike.
    const comparedLength =
      this.quoteLength +
      Math.min(this.prefix.length, MAX_CONTEXT_COMPARED) +
      Math.min(this.suffix.length, MAX_CONTEXT_COMPARED);
    const overallRate = (errors + contextErrors) / comparedLength;
    const acceptable =
      errors === 0
        ? contextAgrees || contextScore === null
        : contextAgrees && score >= FUZZY_THRESHOLD && overallRate <= MAX_ERROR_RATE;
    return {
      start,
      end,
      quoteScore,
      quoteErrors: errors,
      contextScore,
      contextErrors,
      acceptable,
      score,
    };
  }
}

/** The candidate needing the fewest edits in all (quote and context), if any. */
function fewestErrors(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    const total = candidate.quoteErrors + candidate.contextErrors;
    if (best === undefined || total < best.quoteErrors + best.contextErrors) best = candidate;
  }
  return best;
}

/** Chooses among candidates, or says why none can be trusted. */
function decide(candidates: Candidate[], hint: number | undefined): QuoteMatch {
  if (candidates.length === 0) return { found: false, reason: 'not-found' };
  const acceptable = candidates.filter((candidate) => candidate.acceptable);
  const best = fewestErrors(acceptable);
  if (best === undefined) return { found: false, reason: 'below-threshold' };
  // One place can yield several overlapping approximate matches; they are not rivals.
  const fewest = best.quoteErrors + best.contextErrors;
  const rivals = acceptable.filter(
    (candidate) =>
      candidate.quoteErrors + candidate.contextErrors === fewest &&
      (candidate === best || candidate.end <= best.start || candidate.start >= best.end),
  );
  const chosen = rivals.length === 1 ? best : nearestToHint(rivals, hint);
  if (!chosen) return { found: false, reason: 'ambiguous' };
  if (chosen.quoteErrors === 0) {
    return { found: true, start: chosen.start, end: chosen.end, quality: 'exact', score: 1 };
  }
  return {
    found: true,
    start: chosen.start,
    end: chosen.end,
    quality: 'fuzzy',
    score: Math.min(chosen.score, 0.999),
  };
}

/** The contender clearly nearest to the hint, or null when the hint cannot tell them apart. */
function nearestToHint(contenders: Candidate[], hint: number | undefined): Candidate | null {
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
  const quoteLength = nearest.end - nearest.start;
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
  context: QuoteContext,
): QuoteMatch {
  const maxErrors = errorBudget(quote.length);
  const windows = fuzzyWindows(
    text,
    quote,
    prefix,
    suffix,
    hint,
    maxErrors,
    context.seedOccurrences,
  );
  let candidates = searchWindows(text, quote, windows, maxErrors, scorer, [], context);
  const covered = windows.reduce((sum, window) => sum + window.to - window.from, 0);
  let outcome = decide(candidates, hint);
  if (!outcome.found && outcome.reason !== 'ambiguous' && covered < text.length) {
    const everywhere = searchWholeText(text, quote, maxErrors);
    candidates = candidates.concat(toCandidates(text, everywhere, scorer));
    outcome = decide(candidates, hint);
  }
  return outcome;
}

/**
 * The candidates of every window (`known` are candidates found already), in the windows' order.
 *
 * `decide` looks only at acceptable candidates with the fewest edits in all (quote and context),
 * so once an acceptable candidate with `n` edits in all is known, a place whose quote alone needs
 * more than `n` edits cannot change the outcome. The windows are therefore searched with the
 * budget cut down to `n`, the windows with the most evidence (seeds and hint pointing into them)
 * first, so that the place the evidence agrees on usually sets `n` before the look-alikes are
 * read. A window searched with a smaller budget reports the same matches when its best has at
 * most that many errors (the search reports only a window's best), and none otherwise: the
 * candidates that remain and their order are those that decide the outcome, unchanged.
 */
function searchWindows(
  text: string,
  quote: string,
  windows: readonly FuzzyWindow[],
  maxErrors: number,
  scorer: CandidateScorer,
  known: readonly Candidate[],
  context: QuoteContext,
): Candidate[] {
  if (context.exhaustive) {
    return windows.flatMap(({ from, to }) =>
      searchWindow(text, quote, from, to, maxErrors, scorer),
    );
  }
  let bound = maxErrors;
  const tighten = (candidate: Candidate): void => {
    if (candidate.acceptable) {
      bound = Math.min(bound, candidate.quoteErrors + candidate.contextErrors);
    }
  };
  known.forEach(tighten);
  const order = windows.map((_, index) => index);
  order.sort((a, b) => (windows[b]?.votes ?? 0) - (windows[a]?.votes ?? 0) || a - b);
  const found: Candidate[][] = windows.map(() => []);
  for (const index of order) {
    const window = windows[index];
    if (!window) continue;
    const candidates = searchWindow(text, quote, window.from, window.to, bound, scorer);
    candidates.forEach(tighten);
    found[index] = candidates;
  }
  return found.flat();
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
  return toCandidates(text, searchSpan(text, quote, from, to, maxErrors), scorer);
}

/** Approximate matches, scored as candidates. */
function toCandidates(
  text: string,
  matches: readonly ApproximateMatch[],
  scorer: CandidateScorer,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of matches) {
    let start = match.start;
    let end = match.end;
    // The quote is trimmed, so a match that begins or ends on a space paid for it: drop it.
    while (start < end && text.charCodeAt(start) === 0x20) start += 1;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end -= 1;
    if (start < end) candidates.push(scorer.score(start, end, match.errors));
  }
  return candidates;
}
