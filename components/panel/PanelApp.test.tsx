import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundledPacks } from '../../utils/packs';
import type { Note } from '../../utils/store/types';
import { makeNote } from '../test-support';
import { PanelApp, type PanelAppProps } from './PanelApp';

afterEach(cleanup);

const [pack] = loadBundledPacks().packs;
const claim = { ...(pack?.claims[0] ?? never()), articleKey: 'a', order: 0 };
const onClaim: Note = makeNote({ id: 'n1', body: 'On the claim', claimId: claim.id });
const placed: Note = makeNote({ id: 'n2', body: 'Somewhere else' });
const gone: Note = makeNote({ id: 'n3', body: 'A note whose passage is gone' });

function never(): never {
  throw new Error('the bundled pack has no claim');
}

function props(overrides: Partial<PanelAppProps> = {}): PanelAppProps {
  return {
    view: null,
    notes: [onClaim, placed, gone],
    error: null,
    dialogRef: createRef(),
    onClose: vi.fn(),
    onOpenNote: vi.fn(),
    onAddNoteToClaim: vi.fn(),
    onEditNote: vi.fn(),
    onDeleteNote: vi.fn(),
    onCreate: vi.fn(async () => ({ ok: true as const })),
    onUpdate: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
}

describe('PanelApp', () => {
  it('shows a claim with the reader’s notes on that claim only', () => {
    const p = props({ view: { kind: 'claim', claim, noteIds: ['n1'] } });
    render(<PanelApp {...p} />);
    expect(screen.getByRole('dialog', { name: /^Claim: / })).toBeTruthy();
    expect(screen.getByText('On the claim')).toBeTruthy();
    expect(screen.queryByText('Somewhere else')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add note to this claim' }));
    expect(p.onAddNoteToClaim).toHaveBeenCalledWith(claim.id);
  });

  it('offers "Copy link to this claim" only when the content script sent the article address', () => {
    const view = { kind: 'claim', claim, noteIds: [] } as const;
    const { rerender } = render(<PanelApp {...props({ view })} />);
    expect(screen.queryByRole('button', { name: 'Copy link to this claim' })).toBeNull();
    rerender(<PanelApp {...props({ view, articleUrl: 'https://example.org/a' })} />);
    expect(screen.getByRole('button', { name: 'Copy link to this claim' })).toBeTruthy();
  });

  it('says so when a claim’s words could not be loaded, with its verdict and a way to close', () => {
    const p = props({ view: { kind: 'claim-unavailable', claimId: 'c1', verdict: 'misleading' } });
    render(<PanelApp {...p} />);
    const dialog = screen.getByRole('dialog', {
      name: /^Claim: .*Misleading.* Counterpoint could not load this claim’s context\. Reload the page to try again\.$/,
    });
    expect(dialog.dataset.verdict).toBe('misleading');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(p.onClose).toHaveBeenCalled();
  });

  it('shows a note by id, and says so while it loads or when it is gone', () => {
    const { rerender } = render(<PanelApp {...props({ view: { kind: 'note', noteId: 'n2' } })} />);
    expect(screen.getByRole('dialog', { name: 'Your note' }).textContent).toContain(
      'Somewhere else',
    );
    rerender(<PanelApp {...props({ view: { kind: 'note', noteId: 'n2' }, notes: null })} />);
    expect(screen.getByRole('status').textContent).toBe('Loading your note…');
    rerender(<PanelApp {...props({ view: { kind: 'note', noteId: 'zz' } })} />);
    expect(screen.getByRole('status').textContent).toBe('This note no longer exists.');
  });

  it('lists the article’s notes, placed ones to go to and the unplaced ones with their text', () => {
    const p = props({
      view: { kind: 'notes', placedNoteIds: ['n1', 'n2'], orphanedNoteIds: ['n3'] },
    });
    render(<PanelApp {...p} />);
    const dialog = screen.getByRole('dialog', { name: 'Your notes on this article' });
    expect(dialog.textContent).toContain('A note whose passage is gone');
    expect(screen.getByRole('heading', { name: 'Notes that could not be placed' })).toBeTruthy();
    const go = screen.getAllByRole('button', { name: 'Go to this note' });
    expect(go).toHaveLength(2);
    fireEvent.click(go[1] as HTMLElement);
    expect(p.onOpenNote).toHaveBeenCalledWith('n2');
  });

  it('says how to start when the article has no notes', () => {
    render(
      <PanelApp
        {...props({ view: { kind: 'notes', placedNoteIds: [], orphanedNoteIds: [] }, notes: [] })}
      />,
    );
    expect(screen.getByText(/No notes yet/)).toBeTruthy();
  });

  it('opens the editor on a new passage and hands the text to the controller', async () => {
    const p = props({
      view: {
        kind: 'new-note',
        quote: 'a passage',
        selectors: [{ type: 'TextQuoteSelector', exact: 'a passage' }],
      },
    });
    render(<PanelApp {...p} />);
    const box = screen.getByRole('textbox', { name: /note/i });
    fireEvent.input(box, { target: { value: 'My thought' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(p.onCreate).toHaveBeenCalledWith({ body: 'My thought', tags: [] }),
    );
  });
});
