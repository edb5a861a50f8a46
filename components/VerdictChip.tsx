/**
 * The verdict chip used by the claim popover, the reading guide and the popup. Colour is never
 * the only cue: each verdict has a word, a glyph and the underline style of its page highlight.
 */
import { verdictLabel } from '../utils/i18n/verdicts';
import type { Verdict } from '../utils/packs/types';
import { VERDICT_GLYPHS, VERDICT_LABELS } from '../utils/packs/verdicts';

/** The verdict words (English, for exports and the page markers) and glyphs, re-exported for the chip's users; they live beside the verdicts so the page markers (no Preact) share them. */
export { VERDICT_GLYPHS, VERDICT_LABELS };

/** Props of {@link VerdictChip}. */
export interface VerdictChipProps {
  verdict: Verdict;
  /** When given, the chip reads as a tally: "Misleading: 3". */
  count?: number;
}

/** A tinted pill with glyph and label for one verdict, optionally with a count. */
export function VerdictChip({ verdict, count }: VerdictChipProps) {
  return (
    <span class="cp-chip" data-verdict={verdict}>
      <span class="cp-chip-glyph" aria-hidden="true">
        {VERDICT_GLYPHS[verdict]}
      </span>
      <span class="cp-chip-label">{verdictLabel(verdict)}</span>
      {count === undefined ? null : (
        <>
          <span class="cp-visually-hidden">: </span>
          <span class="cp-chip-count">{count}</span>
        </>
      )}
    </span>
  );
}
