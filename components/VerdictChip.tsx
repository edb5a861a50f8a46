/**
 * The verdict chip used by the claim popover, the reading guide and the popup. Colour is never
 * the only cue: each verdict has a word, a glyph and the underline style of its page highlight.
 */
import type { Verdict } from '../utils/packs/types';

/** The words readers see for each verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  opinion: 'Opinion',
};

/** A glyph per verdict, chosen to be distinct in shape, from fonts every system has. */
export const VERDICT_GLYPHS: Record<Verdict, string> = {
  supported: '✓',
  'partly-supported': '◐',
  misleading: '!',
  unsupported: '✕',
  opinion: '“',
};

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
      <span class="cp-chip-label">{VERDICT_LABELS[verdict]}</span>
      {count === undefined ? null : (
        <>
          <span class="cp-visually-hidden">: </span>
          <span class="cp-chip-count">{count}</span>
        </>
      )}
    </span>
  );
}
