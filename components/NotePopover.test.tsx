import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotePopover } from './NotePopover';
import { expectNoAxeViolations, localTime, makeNote } from './test-support';

afterEach(cleanup);

function renderPopover(note = makeNote()) {
  const callbacks = { onClose: vi.fn(), onEdit: vi.fn(), onDelete: vi.fn() };
  return { ...render(<NotePopover note={note} {...callbacks} />), callbacks };
}

describe('NotePopover', () => {
  it('is a focusable dialog named "Your note" showing passage, body, tags and date', () => {
    renderPopover();
    const dialog = screen.getByRole('dialog', { name: 'Your note' });
    expect(dialog.tabIndex).toBe(-1);
    expect(screen.getByText('crime doubled last year').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText('police').tagName).toBe('STRONG');
    const tags = screen.getByRole('list', { name: 'Tags' });
    expect(tags.textContent).toBe('crimestats');
    expect(dialog.textContent).toContain('Written 5 March 2024, 14:07');
    expect(dialog.textContent).not.toContain('Edited');
  });

  it('shows when the note was edited', () => {
    renderPopover(makeNote({ modified: localTime(2024, 11, 24, 8, 5) }));
    expect(screen.getByRole('dialog').textContent).toContain('Edited 24 December 2024, 08:05');
  });

  it('shows hostile note text as text, creating no elements from it', () => {
    const body = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))';
    renderPopover(makeNote({ body }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('img, script')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(body)).toBeTruthy();
  });

  it('calls back on Edit, Delete and Close', () => {
    const { callbacks } = renderPopover();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(callbacks.onEdit).toHaveBeenCalledTimes(1);
    expect(callbacks.onDelete).toHaveBeenCalledTimes(1);
    expect(callbacks.onClose).toHaveBeenCalledTimes(1);
  });

  it('has no axe violations', async () => {
    const { container } = renderPopover();
    await expectNoAxeViolations(container);
  });
});
