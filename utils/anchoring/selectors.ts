/**
 * Reading selectors defensively: they come from storage, imports and packs, so any field may be
 * missing or of the wrong type. Unknown selector types are skipped, never thrown on.
 */

import type { TextPositionSelector, TextQuoteSelector } from './types';

/** The first usable quote and position selectors in a list, and whether a position was unusable. */
export interface PickedSelectors {
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  /** A TextPositionSelector was present but its offsets made no sense. */
  invalidPosition: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Picks the selectors the engine can use out of an untrusted list. */
export function pickSelectors(selectors: unknown): PickedSelectors {
  const picked: PickedSelectors = { quote: null, position: null, invalidPosition: false };
  if (!Array.isArray(selectors)) return picked;
  for (const selector of selectors as unknown[]) {
    if (!isRecord(selector)) continue;
    if (selector.type === 'TextQuoteSelector' && picked.quote === null) {
      if (typeof selector.exact !== 'string') continue;
      picked.quote = {
        type: 'TextQuoteSelector',
        exact: selector.exact,
        prefix: typeof selector.prefix === 'string' ? selector.prefix : undefined,
        suffix: typeof selector.suffix === 'string' ? selector.suffix : undefined,
      };
    } else if (selector.type === 'TextPositionSelector' && picked.position === null) {
      const { start, end } = selector;
      if (isOffset(start) && isOffset(end) && start < end) {
        picked.position = { type: 'TextPositionSelector', start, end };
      } else {
        picked.invalidPosition = true;
      }
    }
  }
  return picked;
}
