/**
 * DOM range to selectors: the quote with enough context to be unique, and its position.
 */

import { isElementLike, isRangeLike } from './guards';
import { normaliseString, startsMark } from './normalise';
import { buildTextModel, type TextModel, textOffsetOfPoint } from './text-model';
import { isInvisibleCharacter } from './text-rules';
import type { AnchoringOptions, DescribeResult } from './types';

/** Context kept on each side of a quote when that is enough to make it unique. */
export const CONTEXT_LENGTH = 32;
/** Context never grows past this, however repetitive the page. */
const MAX_CONTEXT_LENGTH = 1024;

function isLowSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a cut point off the second half of a surrogate pair. */
function safeCut(text: string, offset: number): number {
  return isLowSurrogate(text, offset) && offset > 0 ? offset - 1 : offset;
}

/** Whether `needle` occurs at most once in `haystack`. */
function occursAtMostOnce(haystack: string, needle: string): boolean {
  const first = haystack.indexOf(needle);
  return first === -1 || haystack.indexOf(needle, first + 1) === -1;
}

/** Prefix and suffix around text[start, end), grown until the whole is unique in the page. */
function contextFor(model: TextModel, start: number, end: number): [string, string] {
  const text = model.text;
  for (let width = CONTEXT_LENGTH; ; width *= 2) {
    const prefixStart = safeCut(text, Math.max(0, start - width));
    const suffixEnd = safeCut(text, Math.min(text.length, end + width));
    const reachesBothEnds = prefixStart === 0 && suffixEnd === text.length;
    const whole = normaliseString(text.slice(prefixStart, suffixEnd)).trim();
    if (
      reachesBothEnds ||
      width >= MAX_CONTEXT_LENGTH ||
      occursAtMostOnce(model.normalised.text, whole)
    ) {
      return [text.slice(prefixStart, start), text.slice(end, suffixEnd)];
    }
  }
}

/**
 * Describes a range under `root` as a TextQuoteSelector and a TextPositionSelector over the
 * root's visible text (see text-model.ts). Whitespace at either end of the range is left out.
 * Never throws: a range it cannot describe gives `{ ok: false, reason }`.
 */
export function describe(
  root: Element,
  range: Range,
  options: AnchoringOptions = {},
): DescribeResult {
  try {
    if (!isElementLike(root) || !root.isConnected) return { ok: false, reason: 'detached-root' };
    if (!isRangeLike(range)) return { ok: false, reason: 'invalid-range' };
    if (range.collapsed) return { ok: false, reason: 'empty-range' };
    const { startContainer, endContainer } = range;
    if (!root.contains(startContainer) || !root.contains(endContainer)) {
      return { ok: false, reason: 'outside-root' };
    }
    const model = buildTextModel(root, options);
    if (model.isExcluded(startContainer) || model.isExcluded(endContainer)) {
      return { ok: false, reason: 'in-ignored-node' };
    }
    let start = textOffsetOfPoint(model, startContainer, range.startOffset);
    let end = textOffsetOfPoint(model, endContainer, range.endOffset);
    if (start === null || end === null) return { ok: false, reason: 'outside-root' };
    const text = model.text;
    while (start < end && isInvisibleCharacter(text[start] ?? '')) start += 1;
    while (end > start && isInvisibleCharacter(text[end - 1] ?? '')) end -= 1;
    if (start >= end) return { ok: false, reason: 'empty-range' };
    // Half a character cannot be found again once normalisation composes it: widen the range
    // to whole characters (a letter with its combining marks, both halves of a surrogate pair).
    while (start > 0 && (startsMark(text, start) || isLowSurrogate(text, start))) start -= 1;
    while (end < text.length && (startsMark(text, end) || isLowSurrogate(text, end))) end += 1;
    const [prefix, suffix] = contextFor(model, start, end);
    return {
      ok: true,
      selectors: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    };
  } catch {
    return { ok: false, reason: 'invalid-range' };
  }
}
