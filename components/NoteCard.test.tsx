import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteCard } from './NoteCard';
import { expectNoAxeViolations, localTime, makeNote } from './test-support';

afterEach(cleanup);

describe('NoteCard', () => {
  it('shows the passage, the formatted body, tags and when it was last changed', () => {
    render(<NoteCard note={makeNote({ modified: localTime(2024, 6, 1, 18, 45) })} />);
    const card = screen.getByRole('article');
    expect(screen.getByText('crime doubled last year').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText('police').tagName).toBe('STRONG');
    expect(screen.getByRole('list', { name: 'Tags' }).textContent).toBe('crimestats');
    expect(card.textContent).toContain('1 July 2024, 18:45');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('compact: leaves out the passage and opens the note by id', () => {
    const onOpen = vi.fn();
    render(<NoteCard note={makeNote({ tags: [] })} compact onOpen={onOpen} />);
    expect(screen.queryByText('crime doubled last year')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Tags' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open note: Check the police numbers.' }));
    expect(onOpen).toHaveBeenCalledWith('note-1');
  });

  it('has no axe violations', async () => {
    const { container } = render(<NoteCard note={makeNote()} onOpen={vi.fn()} />);
    await expectNoAxeViolations(container);
  });
});
