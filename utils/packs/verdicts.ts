/** How verdicts read: the words and glyphs used by the page's markers, popovers and the popup. */
import type { Verdict } from './types';

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
