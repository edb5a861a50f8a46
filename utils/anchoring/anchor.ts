/**
 * Selectors to DOM ranges: one target (`anchor`) or many against one reading of the page
 * (`anchorAll`). The quote is what is trusted; the position only hints where to look, because
 * ads and share widgets inserted before a passage shift every offset after them.
 *
 * Two steps. The verbatim path (verbatim.ts) settles the targets whose quote and context are
 * still in the page character for character, from the raw text alone. Only the targets it
 * leaves undecided pay for the full matcher: the visible text (with styles read to skip hidden
 * elements), normalised, matched exactly and then fuzzily.
 */

import { findAllOccurrences } from './find-all';
import { fuzzySeeds, SEED_HIT_LIMIT } from './fuzzy-windows';
import { isElementLike } from './guards';
import { MAX_EXACT_CANDIDATES, matchQuote } from './match-quote';
import { normaliseString } from './normalise';
import { pickSelectors } from './selectors';
import { MAX_CONTEXT_COMPARED } from './similarity';
import {
  anchoredAt,
  buildTextModel,
  makeExclusionTest,
  spanFromTextOffsets,
  type TextModel,
} from './text-model';
import type {
  AnchoringOptions,
  AnchorResult,
  AnchorTarget,
  Orphan,
  Selector,
  TextSpan,
} from './types';
import { anchorVerbatim, type RawText, readRawText, type VerbatimQuote } from './verbatim';

const WHITESPACE = /\s/u;

function orphan(reason: Orphan['reason']): Orphan {
  return { status: 'orphan', reason };
}

/**
 * The page's raw text read ahead of time (`readText`), for `anchorAll` to use instead of reading
 * the page again. Valid only while the page has not changed since it was read.
 */
export interface PreparedText {
  readonly raw: RawText;
}

/**
 * Reads a root's text now, so that a later `anchorAll` can skip that work — e.g. while waiting
 * for the targets to arrive. Returns null when the root cannot be read.
 */
export function readText(root: Element): PreparedText | null {
  try {
    if (checkRoot(root) !== null) return null;
    return { raw: readRawText(root) };
  } catch {
    return null;
  }
}

/** Why a root cannot be read, or null when it can. */
function checkRoot(root: unknown): Orphan | null {
  if (!isElementLike(root)) return orphan('invalid-root');
  if (!root.isConnected) return orphan('detached-root');
  return null;
}

/** A target's selectors read and normalised, ready to match. */
type PreparedTarget =
  | { kind: 'quote'; exact: string; prefix: string; suffix: string; hint: number | undefined }
  | { kind: 'position'; start: number; end: number }
  | Orphan;

/** Reads a target's selectors and normalises its quote. Never throws. */
function prepareTarget(model: TextModel, selectors: readonly Selector[]): PreparedTarget {
  const { quote, position, invalidPosition } = pickSelectors(selectors);
  if (quote) {
    const rawQuote = normaliseString(quote.exact);
    const exact = rawQuote.trim();
    if (exact.length === 0) return orphan('empty-quote');
    // Whitespace trimmed off the quote belongs to its context, so the context lines up with
    // the text right next to the match.
    const prefix = normaliseString((quote.prefix ?? '') + (rawQuote.startsWith(' ') ? ' ' : ''));
    const suffix = normaliseString((rawQuote.endsWith(' ') ? ' ' : '') + (quote.suffix ?? ''));
    const hint = position ? model.normalised.indexAtSource(position.start) : undefined;
    return { kind: 'quote', exact, prefix, suffix, hint };
  }
  if (position) return { kind: 'position', start: position.start, end: position.end };
  return orphan(invalidPosition ? 'invalid-selector' : 'no-selector');
}

/** What anchorAll already knows about the page for one target. */
interface KnownOccurrences {
  exactStarts?: readonly number[];
  seedOccurrences?: ReadonlyMap<string, readonly number[]>;
}

/** The passage at normalised span [start, end), or an orphan if the DOM refuses it. */
function anchoredRange(
  model: TextModel,
  match: { start: number; end: number; quality: 'exact' | 'fuzzy'; score: number },
): AnchorResult {
  const start = model.normalised.sourceStartOf(match.start);
  const end = model.normalised.sourceEndOf(match.end - 1);
  const span = spanFromTextOffsets(model, start, end);
  if (!span) return orphan('not-found');
  return anchoredAt(span, match.quality, match.score);
}

/** Matches a prepared target in the page. */
function matchTarget(
  model: TextModel,
  target: PreparedTarget,
  known: KnownOccurrences = {},
): AnchorResult {
  if ('status' in target) return target;
  if (target.kind === 'quote') {
    const { exact, prefix, suffix, hint } = target;
    const context = { prefix, suffix, hint, ...known };
    const text = model.normalised.text;
    const match = matchQuote(text, exact, context);
    return match.found ? anchoredRange(model, match) : orphan(match.reason);
  }
  if (target.end > model.text.length) return orphan('invalid-selector');
  // Without a quote nothing can be verified: the offsets are taken as they are.
  let { start, end } = target;
  while (start < end && WHITESPACE.test(model.text[start] ?? '')) start += 1;
  while (end > start && WHITESPACE.test(model.text[end - 1] ?? '')) end -= 1;
  const span = spanFromTextOffsets(model, start, end);
  if (!span) return orphan('invalid-selector');
  return anchoredAt(span, 'exact', 1);
}

/**
 * Finds the passage that `selectors` describe under `root`. Returns the range and how well it
 * matched, or an orphan with the reason. Never throws, never returns a range on other words.
 */
export function anchor(
  root: Element,
  selectors: readonly Selector[],
  options: AnchoringOptions = {},
): AnchorResult {
  const [result] = anchorAll(root, [{ id: '', selectors }], options);
  return result ?? orphan('invalid-root');
}

/** A target's quote as saved (whitespace trimmed off `exact`), for the verbatim path. */
function verbatimQuoteOf(target: AnchorTarget | null | undefined): VerbatimQuote | null {
  const { quote } = pickSelectors(target?.selectors ?? []);
  if (!quote) return null;
  const saved = quote.exact;
  const exact = saved.trim();
  if (exact.length === 0) return null;
  // As in the full matcher, whitespace trimmed off the quote belongs to its context (so the
  // context lines up with the text right next to the match), and context beyond
  // MAX_CONTEXT_COMPARED characters is not compared: a huge saved context (from a hostile
  // import, say) costs no more than a normal one.
  return {
    exact,
    prefix: ((quote.prefix ?? '') + (saved[0] === exact[0] ? '' : ' ')).slice(
      -MAX_CONTEXT_COMPARED,
    ),
    suffix: ((saved.endsWith(exact) ? '' : ' ') + (quote.suffix ?? '')).slice(
      0,
      MAX_CONTEXT_COMPARED,
    ),
  };
}

/**
 * The full matcher (`anchorInFullText`), for the targets the verbatim path leaves undecided. The
 * content script loads it on demand, since it is rarely needed: see `anchorAllWith`.
 */
export type FullTextMatcher = (
  root: Element,
  targets: readonly AnchorTarget[],
  options: AnchoringOptions,
) => AnchorResult[];

/**
 * Anchors many targets against one reading of the page. Targets whose quote and context are
 * unchanged are settled from the raw text; the page's visible text is then read and normalised
 * once for all the others, and their exact occurrences found in one more pass over it. Results
 * are in the order of `targets`. Never throws.
 */
export function anchorAll(
  root: Element,
  targets: readonly AnchorTarget[],
  options: AnchoringOptions & { prepared?: PreparedText | null } = {},
): AnchorResult[] {
  return anchorAllWith(anchorInFullText, root, targets, options).map(
    (result) => result ?? orphan('not-found'),
  );
}

/**
 * `anchorAll` with the full matcher passed in. Without one (null), the targets the verbatim path
 * leaves undecided come back `undefined`, for a caller that loads the matcher only when needed.
 */
export function anchorAllWith(
  fullText: FullTextMatcher | null,
  root: Element,
  targets: readonly AnchorTarget[],
  options: AnchoringOptions & { prepared?: PreparedText | null } = {},
): Array<AnchorResult | undefined> {
  if (!Array.isArray(targets)) return [];
  let unreadable: Orphan | null;
  try {
    unreadable = checkRoot(root);
  } catch {
    unreadable = orphan('invalid-root');
  }
  if (unreadable !== null) {
    const reason = unreadable;
    return targets.map(() => ({ ...reason }));
  }
  let settled: Array<TextSpan | null> = targets.map(() => null);
  try {
    const prepared = options.prepared?.raw;
    const raw = prepared && prepared.root === root ? prepared : readRawText(root);
    settled = anchorVerbatim(
      raw,
      targets.map(verbatimQuoteOf),
      makeExclusionTest(root, options),
      fullText !== null,
    );
  } catch {
    // A page that mutates under us can make DOM calls throw: the full matcher decides instead.
    settled = targets.map(() => null);
  }
  const undecided = targets.filter((_, index) => !settled[index]);
  if (undecided.length > 0 && fullText === null) {
    return settled.map((span): AnchorResult | undefined =>
      span ? anchoredAt(span, 'exact', 1) : undefined,
    );
  }
  const decided = undecided.length > 0 && fullText ? fullText(root, undecided, options) : [];
  let next = 0;
  return settled.map((span): AnchorResult => {
    if (span) return anchoredAt(span, 'exact', 1);
    next += 1;
    return decided[next - 1] ?? orphan('not-found');
  });
}

/**
 * The full matcher: the visible text is walked and normalised once, and every quote's exact
 * occurrences (with the seeds of any fuzzy search) are found in one more pass over it, then
 * fuzzy searches where needed. Exported so tests can check that the verbatim path settles every
 * target where this would.
 */
export function anchorInFullText(
  root: Element,
  targets: readonly AnchorTarget[],
  options: AnchoringOptions,
): AnchorResult[] {
  let model: TextModel | Orphan;
  try {
    model = buildTextModel(root, options);
  } catch {
    model = orphan('invalid-root');
  }
  const read = model;
  if ('status' in read) return targets.map(() => ({ ...read }));
  const prepared = targets.map((target: AnchorTarget | null | undefined) => {
    try {
      return prepareTarget(read, target?.selectors ?? []);
    } catch {
      return orphan('no-selector');
    }
  });
  const quotes = prepared.map((target) =>
    !('status' in target) && target.kind === 'quote' ? target.exact : '',
  );
  const text = read.normalised.text;
  // Every quote's exact occurrences and the seeds of its approximate search, should it need one,
  // found in one pass over the text: seeds are cheap to list, a second pass is not.
  const seeds = [
    ...new Set(
      prepared.flatMap((target) =>
        !('status' in target) && target.kind === 'quote'
          ? fuzzySeeds(target.exact, target.prefix, target.suffix).map((seed) => seed.text)
          : [],
      ),
    ),
  ];
  // A seed needs no more hits than show it is too common to point anywhere: once it has them,
  // the pass stops looking for it.
  const limits = quotes.map(() => MAX_EXACT_CANDIDATES).concat(seeds.map(() => SEED_HIT_LIMIT));
  const hits = findAllOccurrences(text, quotes.concat(seeds), limits);
  const seedOccurrences = new Map(
    seeds.map((seed, index) => [seed, hits[quotes.length + index] ?? []]),
  );
  return prepared.map((target, index) => {
    try {
      return matchTarget(read, target, { exactStarts: hits[index], seedOccurrences });
    } catch {
      return orphan('not-found');
    }
  });
}
