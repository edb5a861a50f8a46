import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageOverlay, type PageOverlayProps } from './PageOverlay';

afterEach(cleanup);

const shortcuts = { next: 'Alt+Shift+J', previous: 'Alt+Shift+K', addNote: 'Alt+Shift+M' };

function guide(): NonNullable<PageOverlayProps['guide']> {
  const reference = document.createElement('h1');
  document.body.append(reference);
  return {
    reference,
    article: document.body,
    claimCounts: { supported: 2, misleading: 1 },
    anchoredClaims: 3,
    totalClaims: 3,
    about: [],
    onNext: vi.fn(),
    onPrevious: vi.fn(),
    onShowNotes: vi.fn(),
    onStepVerdict: vi.fn(),
    expanded: false,
    onExpandedChange: vi.fn(),
    compact: false,
  };
}

describe('PageOverlay', () => {
  it('folds the reading guide into one line that counts claims only', async () => {
    const props = guide();
    const { rerender } = render(
      <PageOverlay guide={props} adder={null} toast={null} shortcuts={shortcuts} />,
    );
    const pill = await screen.findByRole('button', { name: /Counterpoint · 3 claims checked/ });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    expect(props.onExpandedChange).toHaveBeenCalledWith(true);
    rerender(
      <PageOverlay
        guide={{ ...props, expanded: true }}
        adder={null}
        toast={null}
        shortcuts={shortcuts}
      />,
    );
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Your notes on this article' }));
    expect(props.onShowNotes).toHaveBeenCalledTimes(1);
    // The legend's chips open the next claim of their verdict.
    fireEvent.click(screen.getByRole('button', { name: 'Misleading: 1, Next misleading claim' }));
    expect(props.onStepVerdict).toHaveBeenCalledWith('misleading');
  });

  it('offers "Add note" by a selection, with its shortcut', async () => {
    const passage = document.createElement('p');
    passage.textContent = 'A passage';
    document.body.append(passage);
    const range = document.createRange();
    range.selectNodeContents(passage);
    const onAdd = vi.fn();
    render(
      <PageOverlay
        guide={null}
        adder={{ reference: range, onAdd }}
        toast={null}
        shortcuts={shortcuts}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Add note' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+M');
    fireEvent.click(button);
    expect(onAdd).toHaveBeenCalledTimes(1);
  });
});
