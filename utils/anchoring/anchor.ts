/**
 * Selectors to DOM ranges: one target (`anchor`) or many against one reading of the page
 * (`anchorAll`). The quote is what is trusted; the position only hints where to look, because
 * ads and share widgets inserted before a passage shift every offset after them.
 */

import { isElementLike } from './guards';
import { matchQuote } from './match-quote';
import { normaliseString } from './normalise';
import { pickSelectors } from './selectors';
import { buildTextModel, rangeFromTextOffsets, type TextModel } from './text-model';
import type { AnchoringOptions, AnchorResult, AnchorTarget, Orphan, Selector } from './types';

const WHITESPACE = /\s/u;

function orphan(reason: Orphan['reason']): Orphan {
  return { status: 'orphan', reason };
}

/** Builds the text model, or says why the root cannot be read. */
function readRoot(root: unknown, options: AnchoringOptions): TextModel | Orphan {
  if (!isElementLike(root)) return orphan('invalid-root');
  if (!root.isConnected) return orphan('detached-root');
  return buildTextModel(root, options);
}

/** Anchors one target's selectors in an already-read page. Never throws. */
export function anchorInModel(model: TextModel, selectors: readonly Selector[]): AnchorResult {
  try {
    return anchorSelectors(model, selectors);
  } catch {
    // A page that mutates under us can make Range calls throw; that passage is just not found.
    return orphan('not-found');
  }
}

function anchorSelectors(model: TextModel, selectors: readonly Selector[]): AnchorResult {
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
    const match = matchQuote(model.normalised.text, exact, { prefix, suffix, hint });
    if (!match.found) return orphan(match.reason);
    const start = model.normalised.sourceStartOf(match.start);
    const end = model.normalised.sourceEndOf(match.end - 1);
    const range = rangeFromTextOffsets(model, start, end);
    if (!range) return orphan('not-found');
    return { status: 'anchored', range, quality: match.quality, score: match.score };
  }
  if (position) {
    if (position.end > model.text.length) return orphan('invalid-selector');
    // Without a quote nothing can be verified: the offsets are taken as they are.
    let { start, end } = position;
    while (start < end && WHITESPACE.test(model.text[start] ?? '')) start += 1;
    while (end > start && WHITESPACE.test(model.text[end - 1] ?? '')) end -= 1;
    const range = rangeFromTextOffsets(model, start, end);
    if (!range) return orphan('invalid-selector');
    return { status: 'anchored', range, quality: 'exact', score: 1 };
  }
  return orphan(invalidPosition ? 'invalid-selector' : 'no-selector');
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
  try {
    const model = readRoot(root, options);
    if ('status' in model) return model;
    return anchorInModel(model, selectors);
  } catch {
    return orphan('invalid-root');
  }
}

/**
 * Anchors many targets against one reading of the page (the text is walked and normalised once).
 * Results are in the order of `targets`.
 */
export function anchorAll(
  root: Element,
  targets: readonly AnchorTarget[],
  options: AnchoringOptions = {},
): AnchorResult[] {
  if (!Array.isArray(targets)) return [];
  let model: TextModel | Orphan;
  try {
    model = readRoot(root, options);
  } catch {
    model = orphan('invalid-root');
  }
  const read = model;
  return targets.map((target: AnchorTarget | null | undefined) => {
    if ('status' in read) return { ...read };
    return anchorInModel(read, target?.selectors ?? []);
  });
}
