/** The side panel's list entries on their own. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredClaim } from '../../utils/store/db';
import { claimEntry, shortQuote } from './sidepanel-entries';
import { strings } from './sidepanel-strings';

afterEach(cleanup);

describe('shortQuote', () => {
  it('keeps a short quote whole and cuts a long one to eight words', () => {
    expect(shortQuote('  one two   three ')).toBe('one two three');
    expect(shortQuote('a b c d e f g h i j')).toBe('a b c d e f g h…');
  });
});

describe('claimEntry', () => {
  const claim = {
    id: 'c1',
    verdict: 'supported',
    summary: 'A summary',
    quote: { exact: 'the words of the claim' },
  } as unknown as StoredClaim;

  it('says a claim was not found, and calls back for opening and copying', () => {
    const calls: string[] = [];
    render(
      claimEntry(
        claim,
        { active: true, current: false },
        { found: false, onShow: () => calls.push('show'), onCopyLink: () => calls.push('copy') },
      ),
    );
    expect(screen.getByText(strings.notFound)).toBeTruthy();
    const copy = screen.getByRole('button', { name: strings.copyLinkName(claim.quote.exact) });
    const main = screen.getAllByRole('button').find((button) => button !== copy);
    expect(main?.textContent).toContain(claim.quote.exact);
    fireEvent.click(main as HTMLElement);
    fireEvent.click(copy);
    expect(calls).toEqual(['show', 'copy']);
  });
});
