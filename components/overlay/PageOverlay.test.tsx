import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../utils/store/types';
import { makeNote } from '../test-support';
import { INERT_OVERLAY_PROPS } from './overlay-test-props';
import { PageOverlay } from './PageOverlay';

const note: Note = makeNote({ id: 'n1', body: 'A note whose passage is gone' });

const base = INERT_OVERLAY_PROPS;

afterEach(cleanup);

describe('PageOverlay', () => {
  it('shows a note that has no place on the page (its passage is gone)', async () => {
    render(<PageOverlay {...base} panel={{ kind: 'note', note, reference: null }} />);
    // Hidden until placed: found once the position is computed.
    expect(await screen.findByRole('dialog', { name: 'Your note' })).toBeTruthy();
    expect(screen.getByText('A note whose passage is gone')).toBeTruthy();
  });

  it('lists the notes that could not be placed, with their quotes', async () => {
    render(<PageOverlay {...base} panel={{ kind: 'orphans', notes: [note], reference: null }} />);
    const dialog = await screen.findByRole('dialog', { name: 'Notes that could not be placed' });
    expect(dialog.textContent).toContain('A note whose passage is gone');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
