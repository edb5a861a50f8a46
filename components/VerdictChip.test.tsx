import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VERDICTS } from '../utils/packs/types';
import { VERDICT_GLYPHS, VERDICT_LABELS, VerdictChip } from './VerdictChip';

afterEach(cleanup);

describe('VerdictChip', () => {
  it('gives every verdict its own words and its own glyph', () => {
    expect(VERDICTS.map((verdict) => VERDICT_LABELS[verdict])).toEqual([
      'Supported',
      'Partly supported',
      'Misleading',
      'Contradicted',
      'Unsupported',
      'Opinion',
    ]);
    expect(new Set(VERDICTS.map((verdict) => VERDICT_GLYPHS[verdict])).size).toBe(VERDICTS.length);
    // ✕ (and its look-alikes) means Close in our UI; no verdict may wear it.
    for (const verdict of VERDICTS)
      expect(VERDICT_GLYPHS[verdict], verdict).not.toMatch(/[✕✗✘×xX]/);
  });

  it('reads as its label, with the glyph hidden from assistive tech', () => {
    const { container } = render(<VerdictChip verdict="partly-supported" />);
    const chip = container.querySelector('.cp-chip');
    expect(chip?.getAttribute('data-verdict')).toBe('partly-supported');
    expect(chip?.querySelector('[aria-hidden="true"]')?.textContent).toBe('◐');
    expect(screen.getByText('Partly supported')).toBeTruthy();
  });

  it('reads as a tally when given a count', () => {
    const { container } = render(<VerdictChip verdict="misleading" count={3} />);
    expect(container.textContent).toBe('!Misleading: 3');
  });
});
